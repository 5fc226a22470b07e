import Link from "next/link";
import { type AttemptView } from "@/lib/attempts/views";
import { creditOf } from "@/lib/attempts/scoring";
import { formatDateTime, formatNumber, formatPercent } from "@/lib/format";
import { SKILL_LABELS } from "@/lib/labels";
import { percentOf } from "@/lib/scores";
import type { Skill } from "@/lib/quiz/types";
import { describeKey, describeResponse } from "@/lib/attempts/describe";
import { REGRADE_LABELS } from "@/lib/gradebook/correction-form";
import { CorrectionNote, TeacherScoreNote } from "./correction-notes";

/**
 * A submitted attempt's results with its answers: the score, per skill, and
 * per question the answer given, the key, the explanation and the evidence.
 * Regrades and the teacher's own scores are said where they apply.
 */
export function QuizResults({
  view,
  timeZone,
}: {
  view: Pick<AttemptView, "attempt" | "quiz" | "article" | "answers" | "corrections">;
  timeZone: string;
}) {
  const { attempt, quiz, article, answers, corrections } = view;
  const score = attempt.score ?? 0;
  const skills = [...new Set(quiz.questions.map((q) => q.skill))] as Skill[];
  const fmt = formatNumber;
  const regraded = quiz.questions.filter((q) => corrections.regrades.has(q.id));
  return (
    <section id="results" aria-labelledby="score-heading" className="space-y-8">
      <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="score-heading" tabIndex={-1} className="text-2xl font-semibold">
          Score: {fmt(score)} / {attempt.maxScore}{" "}
          <span className="text-stone-600">({formatPercent(percentOf(score, attempt.maxScore))})</span>
        </h2>
        {corrections.overrides.total && (
          <TeacherScoreNote
            override={corrections.overrides.total}
            max={attempt.maxScore}
            timeZone={timeZone}
            what="your score"
          />
        )}
        {regraded.length > 0 && (
          <div className="mt-3 text-sm">
            <p className="font-medium">
              Your teacher regraded {regraded.length === 1 ? "a question" : `${regraded.length} questions`};
              your score includes the change:
            </p>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {regraded.map((q) => {
                const r = corrections.regrades.get(q.id)!;
                return (
                  <li key={q.id}>
                    “{q.prompt}” was regraded on {formatDateTime(r.at, timeZone)}: {REGRADE_LABELS[r.kind]}.
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        <ul className="mt-4 grid gap-2 sm:grid-cols-2">
          {skills.map((skill) => {
            const qs = quiz.questions.filter(
              (q) => q.skill === skill && creditOf(corrections.regrades.get(q.id)) !== "dropped",
            );
            if (qs.length === 0) return null;
            const got = qs.reduce((sum, q) => sum + (answers.get(q.id)?.score ?? 0), 0);
            return (
              <li key={skill} className="text-sm">
                <span className="font-medium">{SKILL_LABELS[skill]}</span>: {fmt(got)} / {qs.length}
              </li>
            );
          })}
        </ul>
      </div>
      {skills.map((skill) => (
        <section key={skill} aria-labelledby={`skill-${skill}`} className="space-y-4">
          <h3 id={`skill-${skill}`} className="text-lg font-semibold">
            {SKILL_LABELS[skill]}
          </h3>
          {quiz.questions
            .filter((q) => q.skill === skill)
            .map((q) => {
              const number = quiz.questions.indexOf(q) + 1;
              const a = answers.get(q.id);
              const regrade = corrections.regrades.get(q.id);
              const override = corrections.overrides.questions.get(q.id);
              const dropped = creditOf(regrade) === "dropped";
              const s = a?.score ?? 0;
              const verdict = dropped
                ? "Not counted"
                : s >= 1
                  ? "Correct"
                  : s > 0
                    ? "Partly correct"
                    : "Incorrect";
              const highlight = q.evidence.map((e) => `${e.start}-${e.end}`).join(",");
              return (
                <article
                  key={q.id}
                  id={`result-${number}`}
                  className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
                >
                  <p className="font-medium">{q.prompt}</p>
                  <p
                    className={`mt-2 text-sm font-semibold ${dropped ? "text-stone-700" : s >= 1 ? "text-green-800" : s > 0 ? "text-amber-800" : "text-red-800"}`}
                  >
                    <span aria-hidden="true">{dropped ? "– " : s >= 1 ? "✓ " : s > 0 ? "◐ " : "✗ "}</span>
                    {verdict}
                    {!dropped && ` (${fmt(s)} / 1)`}
                  </p>
                  {regrade && <CorrectionNote regrade={regrade} timeZone={timeZone} />}
                  {override && !dropped && (
                    <TeacherScoreNote override={override} max={1} timeZone={timeZone} what="this question" />
                  )}
                  <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-[9rem_1fr]">
                    <dt className="text-stone-600">Your answer</dt>
                    <dd>{describeResponse(q, a?.response)}</dd>
                    <dt className="text-stone-600">Right answer</dt>
                    <dd>{describeKey(q)}</dd>
                  </dl>
                  <p className="mt-2 text-sm text-stone-800">{q.explanation}</p>
                  {q.evidence.length > 0 && (
                    <blockquote className="mt-3 border-l-4 border-yellow-400 bg-yellow-50 px-3 py-2 font-serif text-sm">
                      {q.evidence.map((e) => article.body.slice(e.start, e.end)).join(" … ")}
                    </blockquote>
                  )}
                  {highlight && (
                    <Link
                      href={`/articles/${article.slug}?highlight=${highlight}&from=${attempt.id}&q=${number}#evidence`}
                      className="mt-2 inline-block text-sm font-medium text-brand-700 underline"
                    >
                      Show in article
                    </Link>
                  )}
                </article>
              );
            })}
        </section>
      ))}
    </section>
  );
}
