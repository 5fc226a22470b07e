"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { startAssignmentAttempt } from "@/lib/assignments/assignments";

/** Starts or resumes the student's attempt at an assignment of one of their classes. */
export async function startAssignmentAction(form: FormData): Promise<void> {
  const student = await requireRole("student");
  const assignmentId = String(form.get("assignmentId") ?? "");
  const result = await startAssignmentAttempt({ db: await getDb(), studentId: student.id, assignmentId });
  if (!result.ok) {
    // not-found covers a malformed id, another class's assignment and a removed student alike.
    if (result.reason === "not-found") redirect("/join?notice=assignment-missing");
    redirect(`/assignments/${assignmentId}?notice=${result.reason}`);
  }
  revalidatePath("/join");
  redirect(`/attempts/${result.attemptId}`);
}
