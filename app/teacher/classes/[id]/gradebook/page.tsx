import type { Metadata } from "next";
import Link from "next/link";
import { classLabel } from "@/lib/classes/labels";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { GradebookTable } from "@/components/gradebook-table";
import { StatusLegend } from "@/components/gradebook-status";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { getDb } from "@/db";
import { getGradebook } from "@/lib/gradebook/class-gradebook";
import { idOrNotFound } from "@/app/_lib/params";

export const metadata: Metadata = { title: "Gradebook" };

type Props = { params: Promise<{ id: string }> };

export default async function GradebookPage({ params }: Props) {
  const { id } = await params;
  const teacher = await requireRole("teacher", `/teacher/classes/${id}/gradebook`);
  const db = await getDb();
  const gradebook = await getGradebook({ db, teacherId: teacher.id, classId: idOrNotFound(id) });
  if (!gradebook) notFound();
  return (
    <div className="space-y-6">
      <p className="flex flex-wrap gap-4 text-sm print:hidden">
        <Link href={`/teacher/classes/${gradebook.classId}`} className="text-brand-700 hover:underline">
          ← {classLabel({ name: gradebook.className, section: gradebook.classSection })}
        </Link>
        <Link
          href={`/teacher/classes/${gradebook.classId}/growth`}
          className="text-brand-700 hover:underline"
        >
          Growth over time
        </Link>
      </p>
      <header className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">
          Gradebook: {classLabel({ name: gradebook.className, section: gradebook.classSection })}
          {gradebook.archivedAt ? " (archived)" : ""}
        </h1>
        <a
          href={`/teacher/classes/${gradebook.classId}/gradebook.csv`}
          download
          className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100 print:hidden"
        >
          Download CSV
        </a>
      </header>
      {gradebook.rows.length === 0 || gradebook.assignments.length === 0 ? (
        <p className="text-stone-700">
          {gradebook.rows.length === 0
            ? "No students in this class yet. Share the join code."
            : "No assignments yet. Assign an article's quiz to the class to see scores here."}
        </p>
      ) : (
        <GradebookTable gradebook={gradebook} timeZone={await getViewerTimeZone()} />
      )}
      <section aria-labelledby="reading-heading" className="space-y-3 text-sm text-stone-800">
        <h2 id="reading-heading" className="text-lg font-semibold">
          How to read it
        </h2>
        <p>
          Each cell is the attempt that counts: the best score (a tie goes to the earlier submission) or the
          latest submission, as set on the assignment. Click a score to see that attempt.
        </p>
        <p>
          Averages come in two figures. The first is over submitted work only. The second (below it) also
          counts missing work as 0: an assignment whose due date has passed, or that is closed, with nothing
          submitted. Work not yet due never counts against a student.
        </p>
        <StatusLegend />
      </section>
    </div>
  );
}
