import { describeKey, describeResponse } from "@/lib/attempts/describe";
import { type TeacherAttemptView } from "@/lib/gradebook/attempt-review";
import { SKILL_LABELS } from "@/lib/labels";
import { formatNumber } from "@/lib/format";

/**
 * A student's answers as the teacher reads them: per question, in the quiz's
 * order (the numbers of the item analysis), the answer given, the key and the
 * verdict in words.
 */
export function GradebookAttemptAnswers({ view }: { view: TeacherAttemptView }) {
  const graded = view.attempt.status === "submitted";
  return (
    <ol className="space-y-4">
      {view.quiz.questions.map((q, n) => {
        const a = view.answers.get(q.id);
        const s = a?.score ?? 0;
        const verdict = !graded
          ? {
              text: a?.response ? "Saved, not graded yet" : "Not answered yet",
              symbol: "…",
              className: "text-stone-700",
            }
          : s >= 1
            ? { text: "Correct", symbol: "✓", className: "text-green-800" }
            : s > 0
              ? { text: "Partly correct", symbol: "◐", className: "text-amber-800" }
              : { text: "Incorrect", symbol: "✗", className: "text-red-800" };
        return (
          <li key={q.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
            <p className="font-medium">
              <span className="mr-2 text-stone-500">{n + 1}.</span>
              {q.prompt}
            </p>
            <p className={`mt-2 text-sm font-semibold ${verdict.className}`}>
              <span aria-hidden="true">{verdict.symbol} </span>
              {verdict.text}
              {graded && ` (${formatNumber(s)} / 1)`}
              <span className="ml-2 font-normal text-stone-600">{SKILL_LABELS[q.skill] ?? q.skill}</span>
            </p>
            <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-[9rem_1fr]">
              <dt className="text-stone-600">Student&apos;s answer</dt>
              <dd>{describeResponse(q, a?.response)}</dd>
              <dt className="text-stone-600">Right answer</dt>
              <dd>{describeKey(q)}</dd>
            </dl>
            <p className="mt-2 text-sm text-stone-800">{q.explanation}</p>
          </li>
        );
      })}
    </ol>
  );
}
