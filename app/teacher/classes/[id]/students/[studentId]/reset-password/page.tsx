import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { idOrNotFound } from "@/app/_lib/params";
import { ResetPasswordForm } from "@/components/reset-password-form";
import { getDb } from "@/db";
import { classLabel } from "@/lib/classes/labels";
import { getClassForTeacher } from "@/lib/classes/queries";
import { getStudentForReset } from "@/lib/users/password-reset";

export const metadata: Metadata = { title: "Reset a student's password" };

type Props = { params: Promise<{ id: string; studentId: string }> };

/** The confirm step of resetting a student's password, and the one place its temporary password is shown. */
export default async function ResetStudentPasswordPage({ params }: Props) {
  const { id, studentId: rawStudent } = await params;
  const teacher = await requireRole(
    "teacher",
    `/teacher/classes/${id}/students/${rawStudent}/reset-password`,
  );
  const classId = idOrNotFound(id);
  const studentId = idOrNotFound(rawStudent);
  const db = await getDb();
  const [klass, student] = await Promise.all([
    getClassForTeacher({ db, teacherId: teacher.id, classId }),
    getStudentForReset({ db, teacherId: teacher.id, classId, studentId }),
  ]);
  if (!klass || !student) notFound();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href={`/teacher/classes/${klass.id}`} className="text-brand-700 hover:underline">
          ← {classLabel(klass)}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">Reset {student.name}&apos;s password?</h1>
      <p className="text-stone-700">{student.email}</p>
      <ul className="list-disc space-y-1 pl-6 text-stone-800">
        <li>Their current password stops working, and they are signed out on every device.</li>
        <li>You get a temporary password, shown once, to give them yourself.</li>
        <li>At their next sign-in they choose a new password of their own before anything else.</li>
        <li>Their work is not touched. Their account page says that you reset the password, and when.</li>
      </ul>
      <ResetPasswordForm
        classId={klass.id}
        studentId={student.id}
        studentName={student.name}
        seenResetAt={student.passwordResetAt?.toISOString() ?? ""}
      />
    </div>
  );
}
