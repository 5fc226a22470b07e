import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { WorksheetAnswerKey } from "@/components/worksheet-questions";
import { WorksheetPrintButton } from "@/components/worksheet-print-button";
import { getDb } from "@/db";
import { getAssignmentForTeacher } from "@/lib/gradebook/assignment-report";
import { idOrNotFound } from "@/app/_lib/params";
import { REGRADE_LABELS } from "@/lib/gradebook/correction-form";

export const metadata: Metadata = { title: "Answer key" };

type Props = { params: Promise<{ id: string }> };

export default async function AnswerKeyPage({ params }: Props) {
  const { id } = await params;
  const teacher = await requireRole("teacher", `/teacher/assignments/${id}/answer-key`);
  const a = await getAssignmentForTeacher({
    db: await getDb(),
    teacherId: teacher.id,
    assignmentId: idOrNotFound(id),
  });
  if (!a) notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-8 print:max-w-none">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/teacher/assignments/${a.id}`} className="text-sm text-brand-700 hover:underline">
          ← Assignment report
        </Link>
        <WorksheetPrintButton label="Print answer key" />
      </div>
      <header className="space-y-1">
        <p className="text-sm text-stone-600">Answer key · for the teacher · {a.className}</p>
        <h1 className="font-serif text-2xl font-semibold">{a.title}</h1>
      </header>
      <WorksheetAnswerKey
        questions={a.questions}
        notes={new Map([...a.regrades].map(([id, r]) => [id, REGRADE_LABELS[r.kind]]))}
      />
    </div>
  );
}
