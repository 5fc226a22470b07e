import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { regenerateJoinCodeAction, removeStudentAction, unblockStudentAction } from "@/app/teacher/actions";
import { getDb } from "@/db";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { AssignForm } from "@/components/assign-form";
import { listArticles } from "@/lib/articles/queries";
import { listAssignmentsForClass } from "@/lib/assignments/queries";
import { getClassForTeacher, listBlockedStudents } from "@/lib/classes/queries";
import { formatDateTime } from "@/lib/format";
import { toZonedInputValue } from "@/lib/dates";
import { formatJoinCode } from "@/lib/classes/join-code";
import { PageNotice } from "@/components/notice";
import { TableScroll } from "@/components/table-scroll";
import { idOrNotFound } from "@/app/_lib/params";

export const metadata: Metadata = { title: "Class" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ClassPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const teacher = await requireRole("teacher", `/teacher/classes/${id}`);
  const classId = idOrNotFound(id);
  const db = await getDb();
  const [klass, blocked, assignmentList, articleList, timeZone] = await Promise.all([
    getClassForTeacher({ db, teacherId: teacher.id, classId }),
    listBlockedStudents({ db, teacherId: teacher.id, classId }),
    listAssignmentsForClass({ db, teacherId: teacher.id, classId }),
    listArticles({ db, viewerId: teacher.id }),
    getViewerTimeZone(),
  ]);
  if (!klass) notFound();
  const now = new Date();
  const defaultDue = `${toZonedInputValue(new Date(now.getTime() + 7 * 86_400_000), timeZone).slice(0, 10)}T17:00`;
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/teacher" className="text-brand-700 hover:underline">
          ← Teacher desk
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{klass.name}</h1>
        <PageNotice query={query} />
      </header>
      <section
        aria-labelledby="code-heading"
        className="space-y-3 rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="code-heading" className="text-lg font-semibold">
          Join code
        </h2>
        <p
          className="font-mono text-3xl tracking-widest"
          aria-label={`Join code ${[...klass.joinCode].join(" ")}`}
        >
          {formatJoinCode(klass.joinCode)}
        </p>
        <p className="text-sm text-stone-700">Students enter it at /join after signing in.</p>
        <form action={regenerateJoinCodeAction}>
          <input type="hidden" name="classId" value={klass.id} />
          <button
            type="submit"
            className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
          >
            Make a new code
          </button>
        </form>
      </section>
      <section aria-labelledby="assignments-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="assignments-heading" className="text-lg font-semibold">
            Assignments ({assignmentList.length})
          </h2>
          {assignmentList.length > 0 && (
            <span className="flex gap-4">
              <Link
                href={`/teacher/classes/${klass.id}/gradebook`}
                className="font-medium text-brand-700 underline"
              >
                Gradebook
              </Link>
              <Link
                href={`/teacher/classes/${klass.id}/growth`}
                className="font-medium text-brand-700 underline"
              >
                Growth over time
              </Link>
            </span>
          )}
        </div>
        {assignmentList.length === 0 ? (
          <p className="text-stone-700">Nothing assigned yet.</p>
        ) : (
          <ul className="space-y-2">
            {assignmentList.map(({ assignment: a, articleTitle, submitted, working }) => (
              <li
                key={a.id}
                id={`assignment-${a.id}`}
                className="flex flex-wrap items-baseline justify-between gap-2 rounded-lg border border-stone-200 bg-white px-4 py-3"
              >
                <span>
                  <Link
                    href={`/teacher/assignments/${a.id}`}
                    className="font-medium text-brand-700 underline"
                  >
                    {articleTitle}
                  </Link>{" "}
                  <span className="text-sm text-stone-700">
                    due {formatDateTime(a.dueAt, timeZone)}
                    {a.closedAt ? " · closed" : a.dueAt.getTime() < now.getTime() ? " · past due" : ""}
                  </span>
                </span>
                <span className="text-sm text-stone-700">
                  {submitted} of {klass.roster.length} submitted · {working} working
                </span>
              </li>
            ))}
          </ul>
        )}
        <details
          className="rounded-lg border border-stone-200 bg-white p-4"
          open={assignmentList.length === 0}
        >
          <summary className="cursor-pointer font-medium">Assign a quiz</summary>
          <p className="mt-2 text-sm text-stone-700">
            Students get the questions you left on in the article&apos;s question review, as they are now.
            Later edits make a new version for the next assignment and never change this one.
          </p>
          <div className="mt-4">
            <AssignForm
              classId={klass.id}
              articles={articleList.map((a) => ({ id: a.id, title: a.title }))}
              defaultDue={defaultDue}
              timeZone={timeZone}
            />
          </div>
        </details>
      </section>
      <section aria-labelledby="roster-heading" className="space-y-3">
        <h2 id="roster-heading" className="text-lg font-semibold">
          Students ({klass.roster.length})
        </h2>
        {klass.roster.length === 0 ? (
          <p className="text-stone-700">No students yet. Share the join code.</p>
        ) : (
          <TableScroll label={`Students of ${klass.name}`}>
            <table className="w-full bg-white text-left text-sm">
              <thead className="bg-stone-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Email
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Latest activity
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {klass.roster.map((s) => (
                  <tr key={s.studentId} className="border-t border-stone-200">
                    <td className="px-3 py-2">{s.name}</td>
                    <td className="px-3 py-2">{s.email}</td>
                    <td className="whitespace-nowrap px-3 py-2">
                      {s.lastActivity ? formatDateTime(s.lastActivity, timeZone) : "None yet"}
                    </td>
                    <td className="px-3 py-2 text-right">
                      <form
                        action={removeStudentAction}
                        className="inline-flex flex-nowrap items-center gap-3 whitespace-nowrap"
                      >
                        <input type="hidden" name="classId" value={klass.id} />
                        <input type="hidden" name="studentId" value={s.studentId} />
                        <label className="inline-flex items-center gap-1 text-stone-700">
                          <input type="checkbox" name="block" className="h-4 w-4" />
                          <span>
                            Keep out<span className="sr-only"> {s.name}</span>
                          </span>
                        </label>
                        <button
                          type="submit"
                          className="text-red-800 underline"
                          aria-label={`Remove ${s.name} from ${klass.name}`}
                        >
                          Remove
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <p className="text-sm text-stone-700">
          A removed student can join again with the code unless you tick &ldquo;Keep out&rdquo;.
        </p>
      </section>
      {blocked.length > 0 && (
        <section aria-labelledby="blocked-heading" className="space-y-3">
          <h2 id="blocked-heading" className="text-lg font-semibold">
            Kept out ({blocked.length})
          </h2>
          <ul className="space-y-2">
            {blocked.map((b) => (
              <li
                key={b.studentId}
                className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-stone-200 bg-white px-4 py-2 text-sm"
              >
                <span>
                  {b.name} <span className="text-stone-600">{b.email}</span>
                </span>
                <form action={unblockStudentAction}>
                  <input type="hidden" name="classId" value={klass.id} />
                  <input type="hidden" name="studentId" value={b.studentId} />
                  <button
                    type="submit"
                    className="text-brand-700 underline"
                    aria-label={`Let ${b.name} join again`}
                  >
                    Let join again
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
