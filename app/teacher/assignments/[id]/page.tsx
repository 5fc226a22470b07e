import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { formatCount, formatNumber, formatPercent, formatWhen } from "@/lib/format";
import { StatusLabel } from "@/components/gradebook-status";
import { ItemAnalysisList, SkillMasteryList } from "@/components/item-analysis-table";
import { closeAssignmentAction } from "@/app/teacher/actions";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { ENDED_BY, REVEAL_LABELS } from "@/lib/labels";
import { getDb } from "@/db";
import { getAssignmentReport } from "@/lib/gradebook/assignment-report";
import { REGRADE_LABELS } from "@/lib/gradebook/correction-form";
import { MIN_FOR_MOSTLY_MISSED, MIN_FOR_STATISTICS } from "@/lib/gradebook/item-analysis";
import { PageNotice } from "@/components/notice";
import { TableScroll } from "@/components/table-scroll";
import { idOrNotFound } from "@/app/_lib/params";
import { describeExtension } from "@/lib/assignments/describe-extension";
import { classLabel } from "@/lib/classes/labels";

export const metadata: Metadata = { title: "Assignment report" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AssignmentReportPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const teacher = await requireRole("teacher", `/teacher/assignments/${id}`);
  const db = await getDb();
  const timeZone = await getViewerTimeZone();
  const report = await getAssignmentReport({ db, teacherId: teacher.id, assignmentId: idOrNotFound(id) });
  if (!report) notFound();
  const { assignment: a, counts } = report;
  const base = `/teacher/assignments/${a.id}`;
  const linkClass =
    "rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100";
  return (
    <div className="space-y-8">
      <p className="flex flex-wrap gap-4 text-sm">
        <Link href={`/teacher/classes/${a.classId}`} className="text-brand-700 hover:underline">
          ← {classLabel({ name: a.className, section: a.classSection })}
        </Link>
        <Link href={`/teacher/classes/${a.classId}/gradebook`} className="text-brand-700 hover:underline">
          Gradebook
        </Link>
      </p>
      <header className="space-y-1">
        <p className="text-sm text-stone-600">
          Assignment for {classLabel({ name: a.className, section: a.classSection })}
          {a.archivedAt ? " · archived" : ""}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{a.title}</h1>
        {a.ownTitle && <p className="text-sm text-stone-700">On the article {a.article.title}</p>}
        <PageNotice query={query} />
      </header>

      <section
        aria-labelledby="settings-heading"
        className="space-y-3 rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="settings-heading" className="text-lg font-semibold">
          Settings
        </h2>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="text-stone-600">Due</dt>
          <dd>{formatWhen(a.dueAt, timeZone)}</dd>
          <dt className="text-stone-600">Status</dt>
          <dd>{a.closedAt ? `Closed ${formatWhen(a.closedAt, timeZone)}` : "Open"}</dd>
          <dt className="text-stone-600">Questions</dt>
          <dd>{a.questions.length}</dd>
          <dt className="text-stone-600">Attempts allowed</dt>
          <dd>{a.attemptsAllowed}</dd>
          <dt className="text-stone-600">Attempt that counts</dt>
          <dd>{a.counting === "latest" ? "The latest submitted" : "The best (a tie goes to the earlier)"}</dd>
          <dt className="text-stone-600">Time limit</dt>
          <dd>{a.timeLimitMinutes ? formatCount(a.timeLimitMinutes, "minute") : "None"}</dd>
          <dt className="text-stone-600">Question order</dt>
          <dd>{a.shuffle ? "Shuffled for each student" : "As written"}</dd>
          <dt className="text-stone-600">Answers shown to students</dt>
          <dd>
            {REVEAL_LABELS[a.reveal]}
            {a.reveal === "after_due" && a.revealAfter.getTime() > a.dueAt.getTime()
              ? ` (with extensions: after ${formatWhen(a.revealAfter, timeZone)})`
              : ""}
          </dd>
        </dl>
        <p className="text-sm">
          <Link href={`${base}/edit`} className="font-medium text-brand-700 underline">
            Change the settings, give a student more time, archive or delete
          </Link>
        </p>
        <div className="flex flex-wrap gap-3 pt-2">
          <a href={`${base}/responses.csv`} download className={linkClass}>
            Download every response (CSV)
          </a>
          <a href={`${base}/items.csv`} download className={linkClass}>
            Download the item analysis (CSV)
          </a>
          <Link href={`${base}/worksheet`} className={linkClass}>
            Printable worksheet
          </Link>
          <Link href={`${base}/answer-key`} className={linkClass}>
            Answer key
          </Link>
        </div>
        <form action={closeAssignmentAction} className="border-t border-stone-200 pt-3">
          <input type="hidden" name="assignmentId" value={a.id} />
          {a.closedAt ? (
            <>
              <p className="mb-2 text-sm text-stone-700">
                Closed: no attempt starts or is submitted. Open attempts were graded with what they had saved.
              </p>
              <button name="intent" value="reopen" className={linkClass}>
                Reopen the assignment
              </button>
            </>
          ) : (
            <>
              <p className="mb-2 text-sm text-stone-700">
                Late work is accepted and marked late until you close the assignment. Closing grades open
                attempts with what they have saved.
              </p>
              <button
                name="intent"
                value="close"
                className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50"
              >
                Close the assignment
              </button>
            </>
          )}
        </form>
      </section>

      <section aria-labelledby="counts-heading" className="space-y-3">
        <h2 id="counts-heading" className="text-lg font-semibold">
          Where the class stands
        </h2>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
          {(
            [
              ["Students", counts.students],
              ["Submitted", counts.submitted],
              ["Of those late", counts.late],
              ["In progress", counts.inProgress],
              ["Not started", counts.notStarted],
              ["Missing", counts.missing],
            ] as const
          ).map(([label, n]) => (
            <div key={label} className="rounded-lg border border-stone-200 bg-white p-3">
              <dt className="text-stone-600">{label}</dt>
              <dd className="text-xl font-semibold">{n}</dd>
            </div>
          ))}
        </dl>
        <p className="text-sm">
          Average of submitted work: <strong>{formatPercent(report.average)}</strong>; with missing work as 0:{" "}
          <strong>{formatPercent(report.averageWithMissing)}</strong>.
        </p>
      </section>

      {a.regradeLog.length > 0 && (
        <section aria-labelledby="regrades-heading" className="space-y-2">
          <h2 id="regrades-heading" className="text-lg font-semibold">
            Regrades
          </h2>
          <p className="text-sm text-stone-700">
            Students see each change with their results. Every submitted attempt was graded again.
          </p>
          <ol className="list-disc space-y-1 pl-5 text-sm">
            {a.regradeLog.map((e) => {
              const n = a.frozenQuestions.findIndex((q) => q.id === e.questionId) + 1;
              return (
                <li key={e.seq}>
                  <a href={`#item-${n}`} className="text-brand-700 underline">
                    Question {n}
                  </a>{" "}
                  was regraded on {formatWhen(e.at, timeZone)}: {REGRADE_LABELS[e.kind]}
                  {e.teacherName ? ` (${e.teacherName})` : ""}.
                </li>
              );
            })}
          </ol>
        </section>
      )}

      <section aria-labelledby="items-heading" className="space-y-3">
        <h2 id="items-heading" className="text-lg font-semibold">
          Question by question
        </h2>
        <p className="text-sm text-stone-700">
          Over each student&apos;s counting attempt ({counts.submitted} in all). An unanswered question counts
          as not right. Typed answers are compared after ignoring case, punctuation and a leading “the”.
          Discrimination is how well a question tells apart students who did well on the rest of the quiz from
          those who did not (from −1 to 1; 0.3 and above is good); it and the rarely chosen options need{" "}
          {MIN_FOR_STATISTICS} submissions, “most students missed it” {MIN_FOR_MOSTLY_MISSED}. A mistake in a
          question? Regrade it: every submitted attempt is graded again.
        </p>
        {counts.submitted === 0 && <p className="text-stone-700">Nothing submitted yet.</p>}
        <ItemAnalysisList items={report.items} assignmentId={a.id} />
      </section>

      {report.skills.length > 0 && counts.submitted > 0 && (
        <section aria-labelledby="skills-heading" className="space-y-3">
          <h2 id="skills-heading" className="text-lg font-semibold">
            Mastery by skill
          </h2>
          <SkillMasteryList skills={report.skills} />
        </section>
      )}

      <section aria-labelledby="students-heading" className="space-y-3">
        <h2 id="students-heading" className="text-lg font-semibold">
          Students ({report.students.length})
        </h2>
        {report.students.length === 0 ? (
          <p className="text-stone-700">No students in this class yet.</p>
        ) : (
          <TableScroll label="Students and their attempts">
            <table className="w-full bg-white text-left text-sm">
              <thead className="bg-stone-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Student
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Counting score
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Attempts
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.students.map((s) => (
                  <tr key={s.studentId} className="border-t border-stone-200 align-top">
                    <th scope="row" className="px-3 py-2 font-medium">
                      {s.name}
                      <span className="block text-xs font-normal text-stone-600">{s.email}</span>
                      {s.extension && (
                        <span className="block text-xs font-normal text-stone-700">
                          Own settings: {describeExtension(s.extension, a, timeZone)}
                        </span>
                      )}
                    </th>
                    <td className="px-3 py-2">
                      <StatusLabel status={s.status} overdue={s.overdue} />
                    </td>
                    <td className="px-3 py-2">
                      {s.counting ? (
                        <Link
                          href={`/teacher/attempts/${s.counting.id}`}
                          className="text-brand-700 underline"
                        >
                          {formatPercent(s.counting.percent)} ({formatNumber(s.counting.score ?? 0)}/
                          {s.counting.maxScore})
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="px-3 py-2">
                      {s.attempts.length === 0 ? (
                        "None"
                      ) : (
                        <ul className="space-y-0.5">
                          {s.attempts.map((t) => (
                            <li key={t.id}>
                              <Link href={`/teacher/attempts/${t.id}`} className="text-brand-700 underline">
                                Attempt {t.number}
                              </Link>
                              {": "}
                              {t.status === "submitted"
                                ? `${formatPercent(t.percent)}, ${formatWhen(t.submittedAt, timeZone)}${t.late ? ", late" : ""}${t.endedBy && t.endedBy !== "student" ? ` (${ENDED_BY[t.endedBy].toLowerCase()})` : ""}`
                                : "in progress"}
                              {t.counting ? " (counts)" : ""}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
