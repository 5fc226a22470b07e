"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { buttonAction, formAction, goTo, invalid } from "@/app/_lib/action";
import { assignmentSettingsSchema, extensionSchema } from "@/lib/assignments/edit-form";
import { setExtension } from "@/lib/assignments/extensions";
import {
  archiveAssignment,
  deleteAssignment,
  restoreAssignment,
  updateAssignmentSettings,
} from "@/lib/assignments/manage";
import { keyFromForm, regradeSchema, type RegradeField } from "@/lib/gradebook/correction-form";
import { regradeQuestion, type RegradeChange } from "@/lib/gradebook/corrections";
import { withNotice } from "@/lib/notices";

/**
 * Changing an assignment after assigning (lib/assignments/manage.ts and
 * extensions.ts check ownership in their where clauses). Confirmations are a
 * ticked checkbox posted with the form, so they work without JavaScript.
 */

const reportPage = (id: unknown) => `/teacher/assignments/${encodeURIComponent(String(id ?? ""))}`;
const editPage = (id: unknown) => `${reportPage(id)}/edit`;
const deletePage = (id: unknown) => `${reportPage(id)}/delete`;
const questionPage = (id: unknown, n: unknown) =>
  `${reportPage(id)}/questions/${encodeURIComponent(String(n ?? ""))}`;
const studentPage = (id: unknown, studentId: unknown) =>
  `${reportPage(id)}/students/${encodeURIComponent(String(studentId ?? ""))}`;

const confirmField = z.literal("on").optional().catch(undefined);

export const updateAssignmentSettingsAction = formAction({
  name: "updateAssignmentSettings",
  access: "teacher",
  page: (fields) => editPage(fields.assignmentId),
  schema: assignmentSettingsSchema(),
  run: async ({ user, input, db }) => {
    const result = await updateAssignmentSettings({ db, teacherId: user.id, ...input });
    if (!result.ok) notFound();
    return goTo(withNotice(reportPage(input.assignmentId), "assignment-saved"), {
      revalidate: [reportPage(input.assignmentId)],
    });
  },
});

export const setExtensionAction = formAction({
  name: "setExtension",
  access: "teacher",
  page: (fields) => studentPage(fields.assignmentId, fields.studentId),
  schema: extensionSchema(),
  run: async ({ user, input, db }) => {
    const result = await setExtension({ db, teacherId: user.id, ...input });
    if (!result.ok) notFound();
    return goTo(
      withNotice(editPage(input.assignmentId), result.removed ? "extension-removed" : "extension-saved"),
      { revalidate: [reportPage(input.assignmentId)] },
    );
  },
});

/** Takes one student's exceptions away: they have the class's settings again. */
export const clearExtensionAction = buttonAction({
  name: "clearExtension",
  access: "teacher",
  page: (fields) => studentPage(fields.assignmentId, fields.studentId),
  schema: z.object({ assignmentId: z.uuid(), studentId: z.uuid() }),
  run: async ({ user, input, db }) => {
    const result = await setExtension({
      db,
      teacherId: user.id,
      ...input,
      extension: { dueAt: null, timeMultiplier: null, extraAttempts: 0 },
    });
    if (!result.ok) notFound();
    return goTo(withNotice(editPage(input.assignmentId), "extension-removed"), {
      revalidate: [reportPage(input.assignmentId)],
    });
  },
});

export const archiveAssignmentAction = buttonAction({
  name: "archiveAssignment",
  access: "teacher",
  page: (fields) => editPage(fields.assignmentId),
  schema: z.object({
    assignmentId: z.uuid(),
    intent: z.enum(["archive", "restore"]),
    confirm: confirmField,
  }),
  run: async ({ user, input, db }) => {
    const args = { db, teacherId: user.id, assignmentId: input.assignmentId };
    const result =
      input.intent === "restore"
        ? await restoreAssignment(args)
        : await archiveAssignment({ ...args, confirmed: input.confirm === "on" });
    if (!result.ok && result.reason === "needs-confirmation")
      return goTo(withNotice(editPage(input.assignmentId), "confirm-first"));
    if (!result.ok) notFound();
    return goTo(
      withNotice(
        reportPage(input.assignmentId),
        input.intent === "restore" ? "assignment-restored" : "assignment-archived",
      ),
      { revalidate: [reportPage(input.assignmentId)] },
    );
  },
});

export const deleteAssignmentAction = buttonAction({
  name: "deleteAssignment",
  access: "teacher",
  page: (fields) => deletePage(fields.assignmentId),
  schema: z.object({ assignmentId: z.uuid(), confirm: confirmField }),
  run: async ({ user, input, db }) => {
    const result = await deleteAssignment({
      db,
      teacherId: user.id,
      assignmentId: input.assignmentId,
      confirmed: input.confirm === "on",
    });
    if (!result.ok && result.reason === "needs-confirmation")
      return goTo(withNotice(deletePage(input.assignmentId), "confirm-first"));
    if (!result.ok) notFound();
    const classPage = `/teacher/classes/${result.classId}`;
    return goTo(withNotice(classPage, result.kept ? "assignment-deleted-kept" : "assignment-deleted"), {
      revalidate: [classPage],
    });
  },
});

/**
 * Regrades one question of an assignment for everyone (issue #12): a new key,
 * another accepted typed answer, full credit, dropping it, or undoing. The
 * domain function checks that the teacher owns the class and grades every
 * submitted attempt again in the same transaction.
 */
export const regradeQuestionAction = formAction<"teacher", typeof regradeSchema, RegradeField>({
  name: "regradeQuestion",
  access: "teacher",
  page: (fields) => questionPage(fields.assignmentId, fields.question),
  schema: regradeSchema,
  run: async ({ user, input, db, form }) => {
    const change: RegradeChange =
      input.kind === "key"
        ? {
            kind: "key",
            explanation: input.explanation,
            keyOf: (question) => keyFromForm(question, form, input.accepted),
          }
        : input.kind === "accept"
          ? { kind: "accept", text: input.accept, explanation: input.explanation }
          : { kind: input.kind };
    const result = await regradeQuestion({
      db,
      teacherId: user.id,
      assignmentId: input.assignmentId,
      questionNumber: input.question,
      change,
    });
    if (!result.ok) {
      if (result.reason === "not-found") notFound();
      return invalid(result.fieldErrors, result.reason);
    }
    const report = reportPage(input.assignmentId);
    return goTo(withNotice(report, "question-regraded", `item-${input.question}`), {
      revalidate: [report, questionPage(input.assignmentId, input.question)],
    });
  },
});
