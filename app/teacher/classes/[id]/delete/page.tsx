import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { idOrNotFound } from "@/app/_lib/params";
import { deleteClassAction } from "@/app/teacher/classes/actions";
import { ConfirmCheckbox } from "@/components/confirm-checkbox";
import { PageNotice } from "@/components/notice";
import { getDb } from "@/db";
import { classLabel } from "@/lib/classes/labels";
import { classImpact } from "@/lib/classes/manage";
import { getClassForTeacher } from "@/lib/classes/queries";
import { countOf } from "@/lib/format";

export const metadata: Metadata = { title: "Delete a class" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The confirm step of deleting a class: what it does to students' work, and a box to tick when it touches any. */
export default async function DeleteClassPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const teacher = await requireRole("teacher", `/teacher/classes/${id}/delete`);
  const classId = idOrNotFound(id);
  const db = await getDb();
  const [klass, impact] = await Promise.all([
    getClassForTeacher({ db, teacherId: teacher.id, classId }),
    classImpact({ db, teacherId: teacher.id, classId }),
  ]);
  if (!klass || !impact) notFound();
  const label = classLabel(klass);
  const withWork = impact.attempts > 0;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href={`/teacher/classes/${klass.id}/settings`} className="text-brand-700 hover:underline">
          ← Class settings
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">Delete {label}?</h1>
      <PageNotice query={query} />
      <ul className="list-disc space-y-1 pl-6 text-stone-800">
        <li>{countOf(impact.students, "student")} in the class.</li>
        <li>{countOf(impact.assignments, "assignment")}.</li>
        <li>
          {countOf(impact.attempts, "attempt")} at its assignments
          {impact.inProgress > 0 ? `, ${impact.inProgress} of them in progress` : ""}.
        </li>
      </ul>
      {withWork ? (
        <p className="text-stone-800">
          The class, its assignments and its gradebook disappear for you and for its students, for good.
          Attempts in progress end now and are graded with what they saved. Every attempt stays in its
          student&apos;s own history (Progress). If you only want it off your desk, archive it instead: that
          keeps the gradebook and can be undone.
        </p>
      ) : (
        <p className="text-stone-800">
          Nobody has started any of its assignments, so nothing of students&apos; work is lost: the class, its
          assignments and its list of students are removed.
        </p>
      )}
      <form action={deleteClassAction} className="space-y-4 rounded-lg border border-red-200 bg-white p-5">
        <input type="hidden" name="classId" value={klass.id} />
        {withWork && (
          <ConfirmCheckbox id="confirm-delete">
            I understand that {label} and its gradebook disappear for good, and that its students&apos;{" "}
            {countOf(impact.attempts, "attempt")} leave every gradebook.
          </ConfirmCheckbox>
        )}
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            className="rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800"
          >
            Delete the class
          </button>
          <Link
            href={`/teacher/classes/${klass.id}`}
            className="rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-100"
          >
            Keep it
          </Link>
        </div>
      </form>
    </div>
  );
}
