import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { idOrNotFound } from "@/app/_lib/params";
import { deleteAssignmentAction } from "@/app/teacher/assignments/actions";
import { ConfirmCheckbox } from "@/components/confirm-checkbox";
import { PageNotice } from "@/components/notice";
import { getDb } from "@/db";
import { assignmentImpact } from "@/lib/assignments/manage";
import { classLabel } from "@/lib/classes/labels";
import { countOf } from "@/lib/format";
import { getAssignmentForTeacher } from "@/lib/gradebook/assignment-report";

export const metadata: Metadata = { title: "Delete an assignment" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The confirm step of deleting an assignment: what it does to students' work, and a box to tick when it touches any. */
export default async function DeleteAssignmentPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const teacher = await requireRole("teacher", `/teacher/assignments/${id}/delete`);
  const assignmentId = idOrNotFound(id);
  const db = await getDb();
  const [a, impact] = await Promise.all([
    getAssignmentForTeacher({ db, teacherId: teacher.id, assignmentId }),
    assignmentImpact({ db, teacherId: teacher.id, assignmentId }),
  ]);
  if (!a || !impact) notFound();
  const withWork = impact.attempts > 0;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href={`/teacher/assignments/${a.id}/edit`} className="text-brand-700 hover:underline">
          ← Change {a.title}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">Delete {a.title}?</h1>
      <p className="text-stone-700">
        Assigned to {classLabel({ name: a.className, section: a.classSection })}.
      </p>
      <PageNotice query={query} />
      {withWork ? (
        <>
          <p className="text-stone-800">
            {countOf(impact.students, "student has", "students have")} {countOf(impact.attempts, "attempt")} (
            {impact.submitted} submitted{impact.inProgress > 0 ? `, ${impact.inProgress} in progress` : ""}).
            Deleting takes the assignment out of the gradebook, the reports, the CSV exports and the
            students&apos; lists, for good. Attempts in progress end now and are graded with what they saved.
            Each student keeps their own attempts in their history (Progress). To only take it off the list,
            archive it instead.
          </p>
        </>
      ) : (
        <p className="text-stone-800">Nobody has started it, so no student&apos;s work is lost.</p>
      )}
      <form
        action={deleteAssignmentAction}
        className="space-y-4 rounded-lg border border-red-200 bg-white p-5"
      >
        <input type="hidden" name="assignmentId" value={a.id} />
        {withWork && (
          <ConfirmCheckbox id="confirm-delete">
            I understand that {countOf(impact.attempts, "attempt")} at {a.title} leave the gradebook for good.
          </ConfirmCheckbox>
        )}
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            className="rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800"
          >
            Delete the assignment
          </button>
          <Link
            href={`/teacher/assignments/${a.id}`}
            className="rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-100"
          >
            Keep it
          </Link>
        </div>
      </form>
    </div>
  );
}
