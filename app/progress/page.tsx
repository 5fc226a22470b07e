import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/auth";
import { AssignmentStatusBadge } from "@/components/assignment-status";
import { ScoreHistoryChart } from "@/components/score-history-chart";
import { TableScroll } from "@/components/table-scroll";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { getDb } from "@/db";
import { listAssignmentsForStudent } from "@/lib/assignments/queries";
import { formatPercent, formatScore, formatShortDate, formatWhen } from "@/lib/format";
import {
  listRemovedAssignmentWork,
  masteryBySkill,
  progressByArticle,
  scoreHistory,
} from "@/lib/progress/queries";
import { percentOf } from "@/lib/scores";
import { SKILL_LABELS } from "@/lib/labels";

export const metadata: Metadata = { title: "Your progress" };

/**
 * A student's record, with assigned work and practice apart: an assignment
 * is listed once, with the attempt that counts for the teacher; practice
 * (quizzes taken alone) has its history, articles and attempts.
 */
export default async function ProgressPage() {
  const user = await requireUser("/progress");
  const db = await getDb();
  const [history, mastery, byArticle, assigned, removed, timeZone] = await Promise.all([
    scoreHistory({ db, userId: user.id, source: "practice" }),
    masteryBySkill({ db, userId: user.id }),
    progressByArticle({ db, userId: user.id, source: "practice" }),
    user.role === "student" ? listAssignmentsForStudent({ db, studentId: user.id }) : Promise.resolve([]),
    user.role === "student" ? listRemovedAssignmentWork({ db, userId: user.id }) : Promise.resolve([]),
    getViewerTimeZone(),
  ]);
  const date = (d: Date | null) => formatWhen(d, timeZone);
  const years = new Set(history.map((h) => h.submittedAt?.getUTCFullYear()));
  const day = (d: Date | null) => (d ? formatShortDate(d, timeZone, years.size > 1) : "—");
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-semibold tracking-tight">Your progress</h1>

      {user.role === "student" && (
        <section aria-labelledby="assigned-heading" className="space-y-3">
          <h2 id="assigned-heading" className="text-lg font-semibold">
            Assigned work
          </h2>
          {assigned.length === 0 ? (
            <p className="text-stone-700">
              No assignments yet. When your teacher assigns a quiz it is listed here and under{" "}
              <Link href="/join" className="font-medium text-brand-700 underline">
                Classes
              </Link>
              .
            </p>
          ) : (
            <>
              <p className="text-sm text-stone-700">The score is the attempt that counts for your teacher.</p>
              <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
                {assigned.map((item) => (
                  <li
                    key={item.assignment.id}
                    className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3"
                  >
                    <span className="min-w-0">
                      <Link
                        href={`/assignments/${item.assignment.id}`}
                        className="font-medium text-brand-700 underline"
                      >
                        {item.articleTitle}
                      </Link>
                      <span className="block text-sm text-stone-700">
                        {item.className} · due {date(item.assignment.dueAt)}
                      </span>
                    </span>
                    <span className="flex flex-wrap items-center gap-3 text-sm">
                      <AssignmentStatusBadge item={item} />
                      <span>
                        {item.counting && item.revealed.score
                          ? formatScore(
                              item.counting.score ?? 0,
                              item.counting.maxScore,
                              percentOf(item.counting.score ?? 0, item.counting.maxScore),
                            )
                          : item.attempts.some((a) => a.status === "submitted")
                            ? "Score shown after the due date"
                            : "No score yet"}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {removed.length > 0 && (
            <section aria-labelledby="removed-heading" className="space-y-2">
              <h3 id="removed-heading" className="font-semibold">
                Removed by your teacher
              </h3>
              <p className="text-sm text-stone-700">
                Your teacher deleted these assignments; your attempts and their results are still yours.
              </p>
              <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
                {removed.map((r) => (
                  <li
                    key={r.attemptId}
                    className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3"
                  >
                    <span className="min-w-0">
                      <Link
                        href={`/attempts/${r.attemptId}`}
                        className="font-medium text-brand-700 underline"
                      >
                        {r.assignmentTitle ?? r.articleTitle}
                      </Link>
                      <span className="block text-sm text-stone-700">
                        {r.className} · submitted {date(r.submittedAt)}
                      </span>
                    </span>
                    <span className="text-sm">
                      {formatScore(r.score ?? 0, r.maxScore, percentOf(r.score ?? 0, r.maxScore))}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </section>
      )}

      <section aria-labelledby="practice-heading" className="space-y-6">
        <div className="space-y-1">
          <h2 id="practice-heading" className="text-lg font-semibold">
            Practice
          </h2>
          <p className="text-sm text-stone-700">Quizzes you took on your own. They are not graded.</p>
        </div>
        {history.length === 0 ? (
          <p className="text-stone-700">
            No practice quizzes yet.{" "}
            <Link href="/" className="font-medium text-brand-700 underline">
              Pick an article
            </Link>{" "}
            and take its quiz.
          </p>
        ) : (
          <>
            <section aria-labelledby="history-heading" className="space-y-3">
              <h3 id="history-heading" className="font-semibold">
                Score history
              </h3>
              <ScoreHistoryChart
                caption="Score history of your practice"
                points={history.map((h) => ({
                  label: date(h.submittedAt),
                  day: day(h.submittedAt),
                  percent: h.percent ?? 0,
                }))}
              />
            </section>
            <section aria-labelledby="articles-heading" className="space-y-3">
              <h3 id="articles-heading" className="font-semibold">
                By article
              </h3>
              <TableScroll label="Practice by article">
                <table className="w-full text-left text-sm">
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
                        <th scope="row" className="min-w-40 px-3 py-2 font-normal">
                          <Link href={`/articles/${a.slug}`} className="text-brand-700 underline">
                            {a.title}
                          </Link>
                        </th>
                        <td className="px-3 py-2">{a.attempts}</td>
                        <td className="px-3 py-2">{formatPercent(a.best)}</td>
                        <td className="px-3 py-2">{formatPercent(a.latest)}</td>
                        <td className="px-3 py-2">{formatPercent(a.average)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>
            <section aria-labelledby="attempts-heading" className="space-y-3">
              <h3 id="attempts-heading" className="font-semibold">
                Every practice attempt
              </h3>
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
      </section>

      {mastery.length > 0 && (
        <section aria-labelledby="mastery-heading" className="space-y-3">
          <div className="space-y-1">
            <h2 id="mastery-heading" className="text-lg font-semibold">
              Mastery by skill
            </h2>
            <p className="text-sm text-stone-700">
              Over every answer whose result you can see, assigned and practice.
            </p>
          </div>
          <ul className="space-y-2">
            {mastery.map((m) => (
              <li
                key={m.skill}
                className="grid grid-cols-[7rem_1fr_5rem] items-center gap-3 text-sm sm:grid-cols-[9rem_1fr_5rem]"
              >
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
      )}
    </div>
  );
}
