import { describeKey } from "@/lib/attempts/describe";
import type { Question } from "@/lib/quiz/types";

const letter = (i: number) => String.fromCharCode(65 + i);

function Box() {
  return (
    <span
      aria-hidden="true"
      className="mr-2 inline-block h-4 w-4 shrink-0 border border-stone-700 align-[-2px]"
    />
  );
}

function AnswerLines({ count }: { count: number }) {
  return (
    <div aria-hidden="true" className="mt-3 space-y-6">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="border-b border-stone-500" />
      ))}
    </div>
  );
}

function Instruction({ q }: { q: Question }) {
  const text = {
    single: "Tick one box.",
    multi: "Tick every box that is right.",
    text: "Write your answer on the line.",
    match: "Write the letter of the matching answer next to each one.",
  }[q.answer.type];
  return <p className="text-sm italic text-stone-700">{text}</p>;
}

/** The questions as on paper, in the quiz's order, with room to answer and no answers. */
export function WorksheetQuestions({ questions }: { questions: Question[] }) {
  return (
    <ol className="space-y-6">
      {questions.map((q, n) => (
        <li key={q.id} className="break-inside-avoid space-y-2">
          <p className="font-medium">
            <span className="mr-2">{n + 1}.</span>
            {q.prompt}
          </p>
          <Instruction q={q} />
          {(q.answer.type === "single" || q.answer.type === "multi") && (
            <ul className="space-y-1.5">
              {q.options.map((o) => (
                <li key={o.id} className="flex items-start">
                  <Box />
                  {o.text}
                </li>
              ))}
            </ul>
          )}
          {q.answer.type === "text" && <AnswerLines count={1} />}
          {q.answer.type === "match" && (
            <div className="grid gap-4 sm:grid-cols-2 print:grid-cols-2">
              <ul className="space-y-2">
                {(q.items ?? []).map((item) => (
                  <li key={item.id} className="flex items-end gap-2">
                    <span aria-hidden="true" className="inline-block w-10 border-b border-stone-500" />
                    {item.text}
                  </li>
                ))}
              </ul>
              <ul className="space-y-2">
                {q.options.map((o, i) => (
                  <li key={o.id}>
                    <span className="mr-2 font-semibold">{letter(i)}</span>
                    {o.text}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The teacher's key: each question with its right answer and why, and how a regrade made it count. */
export function WorksheetAnswerKey({
  questions,
  notes,
}: {
  questions: Question[];
  /** Per question id, a regrade in words ("dropped from the score"). */
  notes?: ReadonlyMap<string, string>;
}) {
  return (
    <ol className="space-y-5">
      {questions.map((q, n) => {
        const a = q.answer;
        const letters =
          a.type === "match"
            ? a.pairs
                .map((p) => {
                  const item = q.items?.find((i) => i.id === p.itemId)?.text ?? "?";
                  const idx = q.options.findIndex((o) => o.id === p.optionId);
                  return `${item}: ${idx >= 0 ? letter(idx) : "?"}`;
                })
                .join("; ")
            : null;
        return (
          <li key={q.id} className="break-inside-avoid space-y-1">
            <p className="font-medium">
              <span className="mr-2">{n + 1}.</span>
              {q.prompt}
            </p>
            <p>
              <span className="font-semibold">Answer:</span> {describeKey(q)}
              {letters && <span className="block text-sm text-stone-700">On the worksheet: {letters}</span>}
            </p>
            <p className="text-sm text-stone-800">{q.explanation}</p>
            {notes?.get(q.id) && <p className="text-sm font-medium">Regraded: {notes.get(q.id)}.</p>}
          </li>
        );
      })}
    </ol>
  );
}
