import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { idOrNotFound } from "@/app/_lib/params";
import { archiveClassAction } from "@/app/teacher/classes/actions";
import { ClassSettingsForm } from "@/components/class-settings-form";
import { ConfirmCheckbox } from "@/components/confirm-checkbox";
import { PageNotice } from "@/components/notice";
import { getDb } from "@/db";
import { classLabel } from "@/lib/classes/labels";
import { classImpact } from "@/lib/classes/manage";
import { getClassForTeacher } from "@/lib/classes/queries";
import { countOf } from "@/lib/format";

export const metadata: Metadata = { title: "Class settings" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ClassSettingsPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const teacher = await requireRole("teacher", `/teacher/classes/${id}/settings`);
  const classId = idOrNotFound(id);
  const db = await getDb();
  const [klass, impact] = await Promise.all([
    getClassForTeacher({ db, teacherId: teacher.id, classId }),
    classImpact({ db, teacherId: teacher.id, classId }),
  ]);
  if (!klass || !impact) notFound();
  const archived = klass.archivedAt !== null;
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <p className="text-sm">
        <Link href={`/teacher/classes/${klass.id}`} className="text-brand-700 hover:underline">
          ← {classLabel(klass)}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Class settings</h1>
        <PageNotice query={query} />
      </header>

      <section
        aria-labelledby="name-heading"
        className="space-y-3 rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="name-heading" className="text-lg font-semibold">
          Name
        </h2>
        <ClassSettingsForm classId={klass.id} name={klass.name} section={klass.section} />
      </section>

      <section
        aria-labelledby="archive-heading"
        className="space-y-3 rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="archive-heading" className="text-lg font-semibold">
          {archived ? "Restore" : "Archive"}
        </h2>
        {archived ? (
          <p className="text-sm text-stone-700">
            Restoring puts the class back on your desk and lets its join code work again. Its assignments stay
            closed until you reopen them.
          </p>
        ) : (
          <p className="text-sm text-stone-700">
            Archiving takes the class off your desk at the end of a term: its open assignments close, its join
            code stops working, and its gradebook, reports and every student&apos;s results stay. You can
            restore it.
          </p>
        )}
        <form action={archiveClassAction} className="space-y-3">
          <input type="hidden" name="classId" value={klass.id} />
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
            {archived ? "Restore the class" : "Archive the class"}
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
            ? "Nobody has started any of this class's assignments: deleting removes the class, its assignments and its list of students."
            : "Students have work in this class: deleting hides the class and its gradebook from you and them for good. Each student keeps their own results."}
        </p>
        <Link
          href={`/teacher/classes/${klass.id}/delete`}
          className="inline-block rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50"
        >
          Delete the class…
        </Link>
      </section>
    </div>
  );
}
