import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { idOrNotFound } from "@/app/_lib/params";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { archiveAssignmentAction } from "@/app/teacher/assignments/actions";
import { AssignmentSettingsForm } from "@/components/assignment-settings-form";
import { ConfirmCheckbox } from "@/components/confirm-checkbox";
import { PageNotice } from "@/components/notice";
import { getDb } from "@/db";
import { describeExtension } from "@/lib/assignments/describe-extension";
import { extensionsOfAssignment } from "@/lib/assignments/extensions";
import { assignmentImpact } from "@/lib/assignments/manage";
import { classLabel } from "@/lib/classes/labels";
import { toZonedInputValue } from "@/lib/dates";
import { countOf } from "@/lib/format";
import { getAssignmentForTeacher, rosterOf } from "@/lib/gradebook/assignment-report";

export const metadata: Metadata = { title: "Change an assignment" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** An assignment's settings after assigning, each student's own exceptions, archiving and deleting. */
export default async function EditAssignmentPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const teacher = await requireRole("teacher", `/teacher/assignments/${id}/edit`);
  const assignmentId = idOrNotFound(id);
  const db = await getDb();
  const [a, extensions, impact, timeZone] = await Promise.all([
    getAssignmentForTeacher({ db, teacherId: teacher.id, assignmentId }),
    extensionsOfAssignment({ db, teacherId: teacher.id, assignmentId }),
    assignmentImpact({ db, teacherId: teacher.id, assignmentId }),
    getViewerTimeZone(),
  ]);
  if (!a || !impact) notFound();
  const roster = await rosterOf(db, teacher.id, a.classId);
  const archived = a.archivedAt !== null;
  const withExceptions = roster.filter((s) => extensions.has(s.studentId)).length;
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <p className="text-sm">
        <Link href={`/teacher/assignments/${a.id}`} className="text-brand-700 hover:underline">
          ← {a.title}
        </Link>
      </p>
      <header className="space-y-1">
        <p className="text-sm text-stone-600">
          Assignment for {classLabel({ name: a.className, section: a.classSection })}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Change {a.title}</h1>
        <PageNotice query={query} />
      </header>

      <section
        aria-labelledby="settings-heading"
        className="space-y-3 rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="settings-heading" className="text-lg font-semibold">
          Settings for the class
        </h2>
        <AssignmentSettingsForm
          assignmentId={a.id}
          title={a.ownTitle ?? ""}
          articleTitle={a.article.title}
          due={toZonedInputValue(a.dueAt, timeZone)}
          timeZone={timeZone}
          attemptsAllowed={a.attemptsAllowed}
          timeLimitMinutes={a.timeLimitMinutes}
        />
      </section>

      <section aria-labelledby="students-heading" className="space-y-3">
        <h2 id="students-heading" className="text-lg font-semibold">
          One student&apos;s own settings
        </h2>
        <p className="text-sm text-stone-700">
          An extension (their own due date), extra time for accommodations (the time limit times ×1.5, say) or
          more attempts, for one student. {countOf(withExceptions, "student has", "students have")} their own
          settings.
        </p>
        {roster.length === 0 ? (
          <p className="text-stone-700">No students in this class yet.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {roster.map((s) => {
              const ext = extensions.get(s.studentId);
              return (
                <li
                  key={s.studentId}
                  className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2 text-sm"
                >
                  <span>
                    <span className="font-medium">{s.name}</span>{" "}
                    <span className="text-stone-700">
                      {ext ? describeExtension(ext, a, timeZone) : "the class's settings"}
                    </span>
                  </span>
                  <Link
                    href={`/teacher/assignments/${a.id}/students/${s.studentId}`}
                    className="text-brand-700 underline"
                    aria-label={`Change ${s.name}'s settings`}
                  >
                    {ext ? "Change" : "Give more time or attempts"}
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section
        aria-labelledby="archive-heading"
        className="space-y-3 rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="archive-heading" className="text-lg font-semibold">
          {archived ? "Restore" : "Archive"}
        </h2>
        <p className="text-sm text-stone-700">
          {archived
            ? "Restoring puts it back on the class's list. It stays closed until you reopen it on its report."
            : "Archiving closes the assignment and takes it off the class's list. It stays in the gradebook, and students keep their results."}
        </p>
        <form action={archiveAssignmentAction} className="space-y-3">
          <input type="hidden" name="assignmentId" value={a.id} />
          {!archived && impact.inProgress > 0 && (
            <ConfirmCheckbox id="confirm-archive">
              {countOf(impact.inProgress, "attempt is", "attempts are")} in progress. I understand that they
              end now and are graded with the answers saved so far.
            </ConfirmCheckbox>
          )}
          <button
            name="intent"
            value={archived ? "restore" : "archive"}
            className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
          >
            {archived ? "Restore the assignment" : "Archive the assignment"}
          </button>
        </form>
      </section>

      <section
        aria-labelledby="delete-heading"
        className="space-y-3 rounded-lg border border-red-200 bg-white p-5"
      >
        <h2 id="delete-heading" className="text-lg font-semibold">
          Delete
        </h2>
        <p className="text-sm text-stone-700">
          {impact.attempts === 0
            ? "Nobody has started it: deleting removes it."
            : `${countOf(impact.students, "student has", "students have")} work on it: deleting takes it out of the gradebook and the students' lists. Each student keeps their own attempts.`}
        </p>
        <Link
          href={`/teacher/assignments/${a.id}/delete`}
          className="inline-block rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50"
        >
          Delete the assignment…
        </Link>
      </section>
    </div>
  );
}
