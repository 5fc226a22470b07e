"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { fieldErrorsFrom, formStrings, type ActionResult } from "@/lib/action-result";
import { closeAssignment, createAssignment, reopenAssignment } from "@/lib/assignments/assignments";
import { ASSIGNMENT_FIELDS, parseAssignmentForm, type AssignmentField } from "@/lib/assignments/form";
import {
  classNameSchema,
  createClassLimited,
  regenerateJoinCode,
  removeStudent,
  unblockStudent,
} from "@/lib/classes/classes";
import { logError } from "@/lib/log";
import { minutesUntil } from "@/lib/rate-limit";

export async function createClassAction(
  _prev: ActionResult<"name">,
  form: FormData,
): Promise<ActionResult<"name">> {
  const teacher = await requireRole("teacher");
  const { name } = formStrings(form, ["name"] as const);
  const parsed = classNameSchema.safeParse(name);
  if (!parsed.success) {
    return {
      status: "error",
      message: "Please correct the class name.",
      fieldErrors: fieldErrorsFrom<"name">(parsed.error.issues.map((i) => ({ ...i, path: ["name"] }))),
      values: { name },
    };
  }
  let classId: string;
  try {
    const made = await createClassLimited({ db: await getDb(), teacherId: teacher.id, name: parsed.data });
    if (!made.ok)
      return {
        status: "error",
        message: `You have made many classes in the last hour. Try again in ${minutesUntil(made.retryAt)}.`,
        values: { name },
      };
    classId = made.classId;
  } catch (e) {
    logError("classes", "create failed", e);
    return {
      status: "error",
      message: "The class could not be created. Please try again.",
      values: { name },
    };
  }
  revalidatePath("/teacher");
  redirect(`/teacher/classes/${classId}`);
}

export async function regenerateJoinCodeAction(form: FormData): Promise<void> {
  const teacher = await requireRole("teacher");
  const classId = String(form.get("classId") ?? "");
  const code = await regenerateJoinCode({ db: await getDb(), teacherId: teacher.id, classId });
  if (!code) notFound();
  revalidatePath(`/teacher/classes/${classId}`);
  redirect(`/teacher/classes/${classId}?notice=code`);
}

export async function removeStudentAction(form: FormData): Promise<void> {
  const teacher = await requireRole("teacher");
  const classId = String(form.get("classId") ?? "");
  const studentId = String(form.get("studentId") ?? "");
  const block = form.get("block") === "on";
  const removed = await removeStudent({
    db: await getDb(),
    teacherId: teacher.id,
    classId,
    studentId,
    block,
  });
  if (!removed) notFound();
  revalidatePath(`/teacher/classes/${classId}`);
  redirect(`/teacher/classes/${classId}?notice=${block ? "blocked" : "removed"}`);
}

export async function unblockStudentAction(form: FormData): Promise<void> {
  const teacher = await requireRole("teacher");
  const classId = String(form.get("classId") ?? "");
  const studentId = String(form.get("studentId") ?? "");
  const done = await unblockStudent({ db: await getDb(), teacherId: teacher.id, classId, studentId });
  if (!done) notFound();
  revalidatePath(`/teacher/classes/${classId}`);
  redirect(`/teacher/classes/${classId}?notice=unblocked`);
}

export async function createAssignmentAction(
  _prev: ActionResult<AssignmentField>,
  form: FormData,
): Promise<ActionResult<AssignmentField>> {
  const teacher = await requireRole("teacher");
  const values = formStrings(form, ASSIGNMENT_FIELDS);
  const parsed = parseAssignmentForm(values);
  if (!parsed.ok) {
    return {
      status: "error",
      message: "Please correct the assignment settings.",
      fieldErrors: parsed.fieldErrors,
      values,
    };
  }
  let assignmentId: string;
  try {
    const made = await createAssignment({ db: await getDb(), teacherId: teacher.id, ...parsed });
    if (!made.ok) {
      return {
        status: "error",
        message:
          made.reason === "no-questions"
            ? "This article has no questions turned on. Review its questions first."
            : "That class or article was not found.",
        values,
      };
    }
    assignmentId = made.assignmentId;
  } catch (e) {
    logError("assignments", "create failed", e);
    return { status: "error", message: "The assignment could not be made. Please try again.", values };
  }
  revalidatePath(`/teacher/classes/${parsed.classId}`);
  redirect(`/teacher/classes/${parsed.classId}?notice=assigned#assignment-${assignmentId}`);
}

export async function closeAssignmentAction(form: FormData): Promise<void> {
  const teacher = await requireRole("teacher");
  const assignmentId = String(form.get("assignmentId") ?? "");
  const reopen = form.get("intent") === "reopen";
  const db = await getDb();
  const done = reopen
    ? await reopenAssignment({ db, teacherId: teacher.id, assignmentId })
    : await closeAssignment({ db, teacherId: teacher.id, assignmentId });
  if (!done) notFound();
  revalidatePath(`/teacher/assignments/${assignmentId}`);
  redirect(`/teacher/assignments/${assignmentId}?notice=${reopen ? "reopened" : "closed"}`);
}
