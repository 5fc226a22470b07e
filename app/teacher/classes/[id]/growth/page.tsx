import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { idOrNotFound } from "@/app/_lib/params";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { ClassGrowthChart, Sparkline } from "@/components/growth-chart";
import { getDb } from "@/db";
import { formatPercent } from "@/lib/format";
import { changeWords, getClassGrowth } from "@/lib/gradebook/growth";
import { STATUS_LABELS } from "@/lib/labels";

export const metadata: Metadata = { title: "Growth" };

type Props = { params: Promise<{ id: string }> };

/** "3 Dec": an assignment's due date, short, on the teacher's clock. */
function shortDate(d: Date, timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short" }).format(d);
}

function signed(change: number | null): string {
  if (change === null) return "—";
  return `${change > 0 ? "+" : change < 0 ? "−" : "±"}${Math.abs(change)}`;
}

/**
 * A class's growth: each student's scores over time across the assignments
 * (due-date order), and the class average. The chart summarises the tables,
 * which hold every figure; the student table scrolls sideways under a sticky
 * first column on a narrow screen.
 */
export default async function GrowthPage({ params }: Props) {
  const { id } = await params;
  const teacher = await requireRole("teacher", `/teacher/classes/${id}/growth`);
  const [db, timeZone] = await Promise.all([getDb(), getViewerTimeZone()]);
  const growth = await getClassGrowth({ db, teacherId: teacher.id, classId: idOrNotFound(id) });
  if (!growth) notFound();
  const { assignments, students } = growth;
  const averages = assignments.filter((a) => a.average !== null);
  const summary =
    averages.length === 0
      ? "No submitted work yet."
      : averages.length === 1
        ? `Class average ${formatPercent(averages[0]!.average)} on ${averages[0]!.articleTitle}.`
        : `Class average from ${formatPercent(averages[0]!.average)} (${averages[0]!.articleTitle}) to ${formatPercent(
            averages[averages.length - 1]!.average,
          )} (${averages[averages.length - 1]!.articleTitle}): ${changeWords(growth.classChange)}.`;
  const th = "px-3 py-2 text-left font-semibold";
  return (
    <div className="space-y-8">
      <p className="flex flex-wrap gap-4 text-sm">
        <Link href={`/teacher/classes/${growth.classId}`} className="text-brand-700 hover:underline">
          ← {growth.className}
        </Link>
        <Link
          href={`/teacher/classes/${growth.classId}/gradebook`}
          className="text-brand-700 hover:underline"
        >
          Gradebook
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Growth: {growth.className}</h1>
        <p className="text-stone-700">
          Each student&apos;s counting score on each assignment, oldest due date first. Change is the latest
          score minus the first, in percentage points.
        </p>
      </header>

      {assignments.length === 0 || students.length === 0 ? (
        <p className="text-stone-700">
          {students.length === 0
            ? "No students in this class yet. Share the join code."
            : "No assignments yet. Assign an article's quiz to the class to follow its growth here."}
        </p>
      ) : (
        <>
          <section aria-labelledby="class-heading" className="space-y-3">
            <h2 id="class-heading" className="text-lg font-semibold">
              The class over time
            </h2>
            <figure className="space-y-2">
              <ClassGrowthChart
                captionId="class-growth-caption"
                points={assignments.map((a) => ({ label: shortDate(a.dueAt, timeZone), percent: a.average }))}
              />
              <figcaption id="class-growth-caption" className="text-sm text-stone-700">
                {summary} The table below has every figure.
              </figcaption>
            </figure>
            <div
              className="overflow-x-auto rounded-lg border border-stone-200"
              role="region"
              aria-labelledby="class-table-caption"
              tabIndex={0}
            >
              <table className="min-w-full bg-white text-sm">
                <caption id="class-table-caption" className="sr-only">
                  Class average per assignment, oldest due date first
                </caption>
                <thead className="bg-stone-100">
                  <tr>
                    <th scope="col" className={th}>
                      Assignment
                    </th>
                    <th scope="col" className={th}>
                      Due
                    </th>
                    <th scope="col" className={th}>
                      Class average
                    </th>
                    <th scope="col" className={th}>
                      Submitted
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {assignments.map((a) => (
                    <tr key={a.id} className="border-t border-stone-200">
                      <th scope="row" className="px-3 py-2 text-left font-medium">
                        <Link href={`/teacher/assignments/${a.id}`} className="text-brand-700 underline">
                          {a.articleTitle}
                        </Link>
                      </th>
                      <td className="whitespace-nowrap px-3 py-2">{shortDate(a.dueAt, timeZone)}</td>
                      <td className="px-3 py-2">{formatPercent(a.average)}</td>
                      <td className="px-3 py-2">
                        {a.submitted} of {students.length}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="students-heading" className="space-y-3">
            <h2 id="students-heading" className="text-lg font-semibold">
              Each student
            </h2>
            <div
              className="overflow-x-auto rounded-lg border border-stone-200"
              role="region"
              aria-labelledby="students-table-caption"
              tabIndex={0}
            >
              <table className="min-w-full bg-white text-sm">
                <caption id="students-table-caption" className="sr-only">
                  Each student&apos;s scores over time: first, latest, change, then every assignment
                </caption>
                <thead className="bg-stone-100">
                  <tr>
                    <th scope="col" className={`${th} sticky left-0 z-10 bg-stone-100`}>
                      Student
                    </th>
                    <th scope="col" className={th}>
                      Change
                    </th>
                    <th scope="col" className={th}>
                      <span className="sr-only">Trend</span>
                    </th>
                    <th scope="col" className={th}>
                      First
                    </th>
                    <th scope="col" className={th}>
                      Latest
                    </th>
                    {assignments.map((a) => (
                      <th key={a.id} scope="col" className={`${th} min-w-44`}>
                        {/* Clamped on screen only: the class table above shows each title whole. */}
                        <span className="line-clamp-3">{a.articleTitle}</span>
                        <span className="block text-xs font-normal text-stone-600">
                          due {shortDate(a.dueAt, timeZone)}
                        </span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {students.map((s) => (
                    <tr key={s.studentId} className="border-t border-stone-200 align-top">
                      <th
                        scope="row"
                        className="sticky left-0 z-10 max-w-40 bg-white px-3 py-2 text-left font-medium"
                      >
                        {s.name}
                        <span className="block break-all text-xs font-normal text-stone-600">{s.email}</span>
                      </th>
                      <td className="whitespace-nowrap px-3 py-2">
                        {signed(s.change)}
                        <span className="block text-xs text-stone-600">
                          {changeWords(s.change) ?? (s.submitted === 1 ? "one score so far" : "nothing yet")}
                        </span>
                      </td>
                      <td className="px-3 py-2">
                        <Sparkline values={s.cells.map((c) => c.percent)} />
                      </td>
                      <td className="px-3 py-2">{formatPercent(s.first)}</td>
                      <td className="px-3 py-2">{formatPercent(s.latest)}</td>
                      {s.cells.map((c, i) => (
                        <td key={assignments[i]!.id} className="px-3 py-2">
                          {c.attemptId ? (
                            <Link
                              href={`/teacher/attempts/${c.attemptId}`}
                              className="text-brand-700 underline"
                            >
                              {formatPercent(c.percent)}
                            </Link>
                          ) : (
                            <span className="text-stone-600">{STATUS_LABELS[c.status]}</span>
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
