import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { idOrNotFound } from "@/app/_lib/params";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { clearExtensionAction } from "@/app/teacher/assignments/actions";
import { ExtensionForm } from "@/components/extension-form";
import { getDb } from "@/db";
import { extensionsOfAssignment } from "@/lib/assignments/extensions";
import { toZonedInputValue } from "@/lib/dates";
import { formatDateTime } from "@/lib/format";
import { getAssignmentForTeacher, rosterOf } from "@/lib/gradebook/assignment-report";

export const metadata: Metadata = { title: "A student's own settings" };

type Props = { params: Promise<{ id: string; studentId: string }> };

/** One student's extension, extra time and extra attempts on one assignment. */
export default async function StudentExtensionPage({ params }: Props) {
  const { id, studentId: rawStudent } = await params;
  const teacher = await requireRole("teacher", `/teacher/assignments/${id}/students/${rawStudent}`);
  const assignmentId = idOrNotFound(id);
  const studentId = idOrNotFound(rawStudent);
  const db = await getDb();
  const [a, extensions, timeZone] = await Promise.all([
    getAssignmentForTeacher({ db, teacherId: teacher.id, assignmentId }),
    extensionsOfAssignment({ db, teacherId: teacher.id, assignmentId }),
    getViewerTimeZone(),
  ]);
  if (!a) notFound();
  const student = (await rosterOf(db, teacher.id, a.classId)).find((s) => s.studentId === studentId);
  if (!student) notFound();
  const ext = extensions.get(studentId);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href={`/teacher/assignments/${a.id}/edit`} className="text-brand-700 hover:underline">
          ← Change {a.title}
        </Link>
      </p>
      <header className="space-y-1">
        <p className="text-sm text-stone-600">{a.title}</p>
        <h1 className="text-2xl font-semibold tracking-tight">{student.name}&apos;s own settings</h1>
        <p className="text-sm text-stone-700">
          The class: due {formatDateTime(a.dueAt, timeZone)} · {a.attemptsAllowed} attempt
          {a.attemptsAllowed === 1 ? "" : "s"} ·{" "}
          {a.timeLimitMinutes ? `${a.timeLimitMinutes}-minute limit` : "no time limit"}.
        </p>
      </header>
      <section className="rounded-lg border border-stone-200 bg-white p-5">
        <ExtensionForm
          assignmentId={a.id}
          studentId={student.studentId}
          studentName={student.name}
          due={ext?.dueAt ? toZonedInputValue(ext.dueAt, timeZone) : ""}
          timeZone={timeZone}
          timeMultiplier={ext?.timeMultiplier ?? null}
          extraAttempts={ext?.extraAttempts ?? 0}
          classTimeLimitMinutes={a.timeLimitMinutes}
          classAttempts={a.attemptsAllowed}
        />
      </section>
      {a.reveal === "after_due" && (
        <p className="text-sm text-stone-700">
          Answers of this assignment are shown after the due date: with an extension, the whole class sees
          them only once the last student&apos;s own due date has passed.
        </p>
      )}
      {ext && (
        <form action={clearExtensionAction}>
          <input type="hidden" name="assignmentId" value={a.id} />
          <input type="hidden" name="studentId" value={student.studentId} />
          <button
            type="submit"
            className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
          >
            Give {student.name} the class&apos;s settings again
          </button>
        </form>
      )}
    </div>
  );
}
