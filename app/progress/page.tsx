import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/auth";
import { ScoreHistoryChart } from "@/components/score-history-chart";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { getDb } from "@/db";
import { formatPercent, formatScore, formatWhen } from "@/lib/format";
import { masteryBySkill, progressByArticle, scoreHistory } from "@/lib/progress/queries";
import { SKILL_LABELS } from "@/lib/labels";

export const metadata: Metadata = { title: "Your progress" };

export default async function ProgressPage() {
  const user = await requireUser("/progress");
  const db = await getDb();
  const [history, mastery, byArticle] = await Promise.all([
    scoreHistory({ db, userId: user.id }),
    masteryBySkill({ db, userId: user.id }),
    progressByArticle({ db, userId: user.id }),
  ]);
  const timeZone = await getViewerTimeZone();
  const date = (d: Date | null) => formatWhen(d, timeZone);
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-semibold tracking-tight">Your progress</h1>
      {history.length === 0 ? (
        <p className="text-stone-700">
          No quizzes submitted yet.{" "}
          <Link href="/" className="font-medium text-brand-700 underline">
            Pick an article
          </Link>{" "}
          and take its quiz.
        </p>
      ) : (
        <>
          <section aria-labelledby="history-heading" className="space-y-3">
            <h2 id="history-heading" className="text-lg font-semibold">
              Score history
            </h2>
            <ScoreHistoryChart
              points={history.map((h) => ({ label: date(h.submittedAt), percent: h.percent ?? 0 }))}
            />
          </section>
          <section aria-labelledby="mastery-heading" className="space-y-3">
            <h2 id="mastery-heading" className="text-lg font-semibold">
              Mastery by skill
            </h2>
            <ul className="space-y-2">
              {mastery.map((m) => (
                <li key={m.skill} className="grid grid-cols-[9rem_1fr_5rem] items-center gap-3 text-sm">
                  <span>{SKILL_LABELS[m.skill] ?? m.skill}</span>
                  <span className="h-3 overflow-hidden rounded bg-stone-200" aria-hidden="true">
                    <span className="block h-full bg-brand-700" style={{ width: `${m.percent}%` }} />
                  </span>
                  <span>
                    {formatPercent(m.percent)} <span className="text-stone-500">({m.answered})</span>
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="articles-heading" className="space-y-3">
            <h2 id="articles-heading" className="text-lg font-semibold">
              By article
            </h2>
            <table className="w-full bg-white text-left text-sm">
              <thead className="bg-stone-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Article
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Attempts
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Best
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Latest
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Average
                  </th>
                </tr>
              </thead>
              <tbody>
                {byArticle.map((a) => (
                  <tr key={a.articleId} className="border-t border-stone-200">
                    <td className="px-3 py-2">
                      <Link href={`/articles/${a.slug}`} className="text-brand-700 underline">
                        {a.title}
                      </Link>
                    </td>
                    <td className="px-3 py-2">{a.attempts}</td>
                    <td className="px-3 py-2">{formatPercent(a.best)}</td>
                    <td className="px-3 py-2">{formatPercent(a.latest)}</td>
                    <td className="px-3 py-2">{formatPercent(a.average)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="attempts-heading" className="space-y-3">
            <h2 id="attempts-heading" className="text-lg font-semibold">
              Every attempt
            </h2>
            <ul className="space-y-1 text-sm">
              {[...history].reverse().map((h) => (
                <li key={h.attemptId}>
                  <Link href={`/attempts/${h.attemptId}`} className="text-brand-700 underline">
                    {date(h.submittedAt)} · {h.articleTitle} ·{" "}
                    {formatScore(h.score ?? 0, h.maxScore, h.percent)}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
