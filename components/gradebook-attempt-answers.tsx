import { describeKey, describeResponse } from "@/lib/attempts/describe";
import { creditOf } from "@/lib/attempts/scoring";
import { type TeacherAttemptView } from "@/lib/gradebook/attempt-review";
import { SKILL_LABELS } from "@/lib/labels";
import { formatDateTime, formatNumber } from "@/lib/format";
import { CorrectionNote } from "./correction-notes";
import { OverrideForm } from "./override-form";

/**
 * A student's answers as the teacher reads them: per question, in the quiz's
 * order (the numbers of the item analysis), the answer given, the key in
 * force and the verdict in words, any regrade, and the teacher's own score
 * for it with the form to set one.
 */
export function GradebookAttemptAnswers({ view, timeZone }: { view: TeacherAttemptView; timeZone: string }) {
  const graded = view.attempt.status === "submitted";
  const { regrades, overrides } = view.corrections;
  return (
    <ol className="space-y-4">
      {view.quiz.questions.map((q, n) => {
        const a = view.answers.get(q.id);
        const s = a?.score ?? 0;
        const regrade = regrades.get(q.id);
        const dropped = creditOf(regrade) === "dropped";
        const own = overrides.questions.get(q.id);
        const verdict = !graded
          ? {
              text: a?.response ? "Saved, not graded yet" : "Not answered yet",
              symbol: "…",
              className: "text-stone-700",
            }
          : dropped
            ? { text: "Not counted", symbol: "–", className: "text-stone-700" }
            : s >= 1
              ? { text: "Correct", symbol: "✓", className: "text-green-800" }
              : s > 0
                ? { text: "Partly correct", symbol: "◐", className: "text-amber-800" }
                : { text: "Incorrect", symbol: "✗", className: "text-red-800" };
        return (
          <li
            key={q.id}
            id={`question-${n + 1}`}
            className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
          >
            <p className="font-medium">
              <span className="mr-2 text-stone-500">{n + 1}.</span>
              {q.prompt}
            </p>
            <p className={`mt-2 text-sm font-semibold ${verdict.className}`}>
              <span aria-hidden="true">{verdict.symbol} </span>
              {verdict.text}
              {graded && !dropped && ` (${formatNumber(s)} / 1)`}
              <span className="ml-2 font-normal text-stone-600">{SKILL_LABELS[q.skill] ?? q.skill}</span>
            </p>
            {regrade && <CorrectionNote regrade={regrade} timeZone={timeZone} />}
            {own && !dropped && (
              <p className="mt-1 text-sm text-sky-950">
                {own.score !== null
                  ? `Set by hand to ${formatNumber(own.score)} / 1 on ${formatDateTime(own.at, timeZone)}`
                  : `Commented on ${formatDateTime(own.at, timeZone)}`}
                {own.comment ? `: “${own.comment}”` : "."}
              </p>
            )}
            <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-[9rem_1fr]">
              <dt className="text-stone-600">Student&apos;s answer</dt>
              <dd>{describeResponse(q, a?.response)}</dd>
              <dt className="text-stone-600">Right answer</dt>
              <dd>{describeKey(q)}</dd>
            </dl>
            <p className="mt-2 text-sm text-stone-800">{q.explanation}</p>
            {graded && !dropped && (
              <OverrideForm
                attemptId={view.attempt.id}
                number={n + 1}
                max={1}
                current={own ? { score: own.score, comment: own.comment } : null}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}
