import Link from "next/link";
import { type AttemptView } from "@/lib/attempts/views";
import { formatNumber, formatPercent } from "@/lib/format";
import { SKILL_LABELS } from "@/lib/labels";
import { percentOf } from "@/lib/scores";
import type { Skill } from "@/lib/quiz/types";
import { describeKey, describeResponse } from "@/lib/attempts/describe";

export function QuizResults({
  view,
}: {
  view: Pick<AttemptView, "attempt" | "quiz" | "article" | "answers">;
}) {
  const { attempt, quiz, article, answers } = view;
  const score = attempt.score ?? 0;
  const skills = [...new Set(quiz.questions.map((q) => q.skill))] as Skill[];
  const fmt = formatNumber;
  return (
    <section id="results" aria-labelledby="score-heading" className="space-y-8">
      <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="score-heading" tabIndex={-1} className="text-2xl font-semibold">
          Score: {fmt(score)} / {attempt.maxScore}{" "}
          <span className="text-stone-600">({formatPercent(percentOf(score, attempt.maxScore))})</span>
        </h2>
        <ul className="mt-4 grid gap-2 sm:grid-cols-2">
          {skills.map((skill) => {
            const qs = quiz.questions.filter((q) => q.skill === skill);
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
              const s = a?.score ?? 0;
              const verdict = s >= 1 ? "Correct" : s > 0 ? "Partly correct" : "Incorrect";
              const highlight = q.evidence.map((e) => `${e.start}-${e.end}`).join(",");
              return (
                <article
                  key={q.id}
                  id={`result-${number}`}
                  className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
                >
                  <p className="font-medium">{q.prompt}</p>
                  <p
                    className={`mt-2 text-sm font-semibold ${s >= 1 ? "text-green-800" : s > 0 ? "text-amber-800" : "text-red-800"}`}
                  >
                    <span aria-hidden="true">{s >= 1 ? "✓ " : s > 0 ? "◐ " : "✗ "}</span>
                    {verdict} ({fmt(s)} / 1)
                  </p>
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
