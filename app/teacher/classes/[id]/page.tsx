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
import { inviteLink, siteOrigin } from "@/app/_lib/origin";
import { archiveClassAction } from "@/app/teacher/classes/actions";
import { ConfirmCheckbox } from "@/components/confirm-checkbox";
import { CopyButton } from "@/components/copy-button";
import { classLabel, formatDay } from "@/lib/classes/labels";

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
  const [klass, blocked, allAssignments, articleList, timeZone, origin] = await Promise.all([
    getClassForTeacher({ db, teacherId: teacher.id, classId }),
    listBlockedStudents({ db, teacherId: teacher.id, classId }),
    listAssignmentsForClass({ db, teacherId: teacher.id, classId }),
    listArticles({ db, viewerId: teacher.id }),
    getViewerTimeZone(),
    siteOrigin(),
  ]);
  if (!klass) notFound();
  const assignmentList = allAssignments.filter((a) => !a.assignment.archivedAt);
  const archivedAssignments = allAssignments.filter((a) => a.assignment.archivedAt);
  const invite = inviteLink(origin, klass.joinCode);
  const archived = klass.archivedAt !== null;
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
        <h1 className="text-2xl font-semibold tracking-tight">{classLabel(klass)}</h1>
        <p className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm text-stone-600">
          <span>Made {formatDay(klass.createdAt, timeZone)}</span>
          <Link
            href={`/teacher/classes/${klass.id}/settings`}
            className="font-medium text-brand-700 underline"
          >
            Rename, archive or delete
          </Link>
        </p>
        <PageNotice query={query} />
      </header>
      {archived ? (
        <section
          aria-labelledby="archived-heading"
          className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-5"
        >
          <h2 id="archived-heading" className="text-lg font-semibold">
            Archived {formatDay(klass.archivedAt!, timeZone)}
          </h2>
          <p className="text-sm text-stone-800">
            This class is off your desk and takes no new students; its assignments are closed. The gradebook
            and every student&apos;s results stay.
          </p>
          <form action={archiveClassAction}>
            <input type="hidden" name="classId" value={klass.id} />
            <button
              name="intent"
              value="restore"
              className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
            >
              Restore the class
            </button>
          </form>
        </section>
      ) : (
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
          <p className="text-sm text-stone-700">
            Students enter it at /join after signing in, or open the invite link.
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <span className="text-sm font-medium text-stone-800" id="invite-label">
              Invite link
            </span>
            <a
              href={invite}
              aria-labelledby="invite-label"
              className="break-all font-mono text-sm text-brand-700 underline"
            >
              {invite}
            </a>
            <CopyButton text={invite} label="Copy the invite link" />
          </div>
          <form action={regenerateJoinCodeAction} className="space-y-2 border-t border-stone-200 pt-3">
            <input type="hidden" name="classId" value={klass.id} />
            <ConfirmCheckbox id="confirm-new-code">
              I understand that the code {formatJoinCode(klass.joinCode)} and its invite link stop working.
              Students already in the class stay in it.
            </ConfirmCheckbox>
            <button
              type="submit"
              className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
            >
              Make a new code
            </button>
          </form>
        </section>
      )}
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
            {assignmentList.map(({ assignment: a, title, submitted, working }) => (
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
                    {title}
                  </Link>{" "}
                  <span className="text-sm text-stone-700">
                    due {formatDateTime(a.dueAt, timeZone)}
                    {a.closedAt ? " · closed" : a.dueAt.getTime() < now.getTime() ? " · past due" : ""}
                  </span>
                </span>
                <span className="text-sm text-stone-700">
                  {submitted} of {klass.roster.length} submitted · {working} working ·{" "}
                  <Link
                    href={`/teacher/assignments/${a.id}/edit`}
                    className="text-brand-700 underline"
                    aria-label={`Change ${title}`}
                  >
                    Change
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        )}
        {archivedAssignments.length > 0 && (
          <details className="rounded-lg border border-stone-200 bg-white p-4">
            <summary className="cursor-pointer font-medium">
              Archived assignments ({archivedAssignments.length})
            </summary>
            <p className="mt-2 text-sm text-stone-700">
              Closed and off the list; they stay in the gradebook.
            </p>
            <ul className="mt-2 space-y-1 text-sm">
              {archivedAssignments.map(({ assignment: a, title }) => (
                <li key={a.id}>
                  <Link href={`/teacher/assignments/${a.id}`} className="text-brand-700 underline">
                    {title}
                  </Link>{" "}
                  <span className="text-stone-700">due {formatDateTime(a.dueAt, timeZone)}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
        {!archived && (
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
        )}
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
                    <td className="whitespace-nowrap px-3 py-2 text-right">
                      <Link
                        href={`/teacher/classes/${klass.id}/students/${s.studentId}/reset-password`}
                        className="mr-4 text-brand-700 underline"
                        aria-label={`Reset ${s.name}'s password`}
                      >
                        Reset password
                      </Link>
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
