import Link from "next/link";
import type { Gradebook } from "@/lib/gradebook/class-gradebook";
import { formatNumber, formatPercent, formatWhen } from "@/lib/format";
import { StatusLabel } from "./gradebook-status";

/**
 * Students by assignments. The first column stays put while the table scrolls
 * sideways; every cell says its status in words.
 */
export function GradebookTable({ gradebook, timeZone }: { gradebook: Gradebook; timeZone: string }) {
  const { assignments, rows } = gradebook;
  const sticky = "sticky left-0 z-10 bg-white print:static";
  return (
    <div
      className="overflow-x-auto rounded-lg border border-stone-200 print:overflow-visible"
      role="region"
      aria-labelledby="gradebook-caption"
      tabIndex={0}
    >
      <table className="min-w-full border-collapse bg-white text-left text-sm">
        <caption id="gradebook-caption" className="sr-only">
          Gradebook of {gradebook.className}: students in rows, assignments in columns, averages in the last
          column and the last row
        </caption>
        <thead className="bg-stone-100 align-bottom">
          <tr>
            <th scope="col" className={`${sticky} bg-stone-100 px-3 py-2`}>
              Student
            </th>
            {assignments.map((a) => (
              <th key={a.id} scope="col" className="min-w-36 px-3 py-2 font-medium">
                <Link href={`/teacher/assignments/${a.id}`} className="text-brand-700 underline">
                  {a.articleTitle}
                </Link>
                <span className="block text-xs font-normal text-stone-600">
                  Due {formatWhen(a.dueAt, timeZone)}
                  {a.closedAt ? " · closed" : ""}
                  {a.counting === "latest" ? " · latest counts" : " · best counts"}
                </span>
              </th>
            ))}
            <th scope="col" className="min-w-32 px-3 py-2">
              Average
              <span className="block text-xs font-normal text-stone-600">submitted · missing as 0</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.studentId} className="border-t border-stone-200">
              <th scope="row" className={`${sticky} px-3 py-2 font-medium`}>
                {r.name}
                <span className="block text-xs font-normal text-stone-600">{r.email}</span>
              </th>
              {r.cells.map((c) => (
                <td key={c.assignmentId} className="px-3 py-2 align-top">
                  {c.attemptId && c.percent !== null ? (
                    <Link href={`/teacher/attempts/${c.attemptId}`} className="text-brand-700 underline">
                      {formatPercent(c.percent)}
                    </Link>
                  ) : null}
                  {c.score !== null && c.maxScore !== null && (
                    <span className="ml-1 text-xs text-stone-600">
                      ({formatNumber(c.score)}/{c.maxScore})
                    </span>
                  )}
                  {c.status !== "submitted" && (
                    <span className="block">
                      <StatusLabel status={c.status} overdue={c.overdue} />
                    </span>
                  )}
                </td>
              ))}
              <td className="px-3 py-2 align-top">
                {formatPercent(r.average)}
                <span className="block text-xs text-stone-600">{formatPercent(r.averageWithMissing)}</span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-stone-300 bg-stone-50">
          <tr>
            <th scope="row" className={`${sticky} bg-stone-50 px-3 py-2`}>
              Class average
            </th>
            {assignments.map((a) => (
              <td key={a.id} className="px-3 py-2 align-top">
                {formatPercent(a.average)}
                <span className="block text-xs text-stone-600">
                  {formatPercent(a.averageWithMissing)} · {a.submitted} submitted
                  {a.overdue ? `, ${a.overdue} missing` : ""}
                </span>
              </td>
            ))}
            <td className="px-3 py-2 align-top">
              {formatPercent(gradebook.average)}
              <span className="block text-xs text-stone-600">
                {formatPercent(gradebook.averageWithMissing)}
              </span>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
