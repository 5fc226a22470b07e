"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { buttonAction, fail, formAction, goTo, orBusy, serverBusy, stay } from "@/app/_lib/action";
import { resetStudentPassword } from "@/lib/users/password-reset";
import { archiveClass, deleteClass, renameClass, restoreClass } from "@/lib/classes/manage";
import { classNameSchema, classSectionSchema } from "@/lib/classes/queries";
import { withNotice } from "@/lib/notices";

/**
 * Renaming, archiving, restoring and deleting a class (lib/classes/manage.ts
 * checks ownership). A confirmation is a ticked checkbox posted with the form,
 * so it works without JavaScript; the domain refuses what needs one without it.
 */

const classPage = (id: unknown) => `/teacher/classes/${encodeURIComponent(String(id ?? ""))}`;
const settingsPage = (id: unknown) => `${classPage(id)}/settings`;
const deletePage = (id: unknown) => `${classPage(id)}/delete`;

/** A required checkbox: "on" when ticked, absent otherwise. */
const confirmField = z.literal("on").optional().catch(undefined);

export const renameClassAction = formAction({
  name: "renameClass",
  access: "teacher",
  page: (fields) => settingsPage(fields.classId),
  schema: z.object({ classId: z.uuid(), name: classNameSchema, section: classSectionSchema }),
  run: async ({ user, input, db }) => {
    const result = await renameClass({ db, teacherId: user.id, ...input });
    if (!result.ok) notFound();
    return goTo(withNotice(classPage(input.classId), "class-saved"), {
      revalidate: ["/teacher", classPage(input.classId)],
    });
  },
});

export const archiveClassAction = buttonAction({
  name: "archiveClass",
  access: "teacher",
  page: (fields) => settingsPage(fields.classId),
  schema: z.object({
    classId: z.uuid(),
    intent: z.enum(["archive", "restore"]),
    confirm: confirmField,
  }),
  run: async ({ user, input, db }) => {
    const args = { db, teacherId: user.id, classId: input.classId };
    const result =
      input.intent === "restore"
        ? await restoreClass(args)
        : await archiveClass({ ...args, confirmed: input.confirm === "on" });
    if (!result.ok && result.reason === "needs-confirmation")
      return goTo(withNotice(settingsPage(input.classId), "confirm-first"));
    if (!result.ok) notFound();
    return goTo(
      withNotice(classPage(input.classId), input.intent === "restore" ? "class-restored" : "class-archived"),
      { revalidate: ["/teacher", classPage(input.classId)] },
    );
  },
});

export const deleteClassAction = buttonAction({
  name: "deleteClass",
  access: "teacher",
  page: (fields) => deletePage(fields.classId),
  schema: z.object({ classId: z.uuid(), confirm: confirmField }),
  run: async ({ user, input, db }) => {
    const result = await deleteClass({
      db,
      teacherId: user.id,
      classId: input.classId,
      confirmed: input.confirm === "on",
    });
    if (!result.ok && result.reason === "needs-confirmation")
      return goTo(withNotice(deletePage(input.classId), "confirm-first"));
    if (!result.ok) notFound();
    return goTo(withNotice("/teacher", result.kept ? "class-deleted-kept" : "class-deleted"), {
      revalidate: ["/teacher"],
    });
  },
});

const resetSchema = z.object({
  classId: z.uuid(),
  studentId: z.uuid(),
  // The last reset the page showed ("" for none): a form posted twice resets once.
  seenResetAt: z.union([z.literal(""), z.iso.datetime()]).transform((v) => (v ? new Date(v) : null)),
});

/**
 * Resets a student's password (lib/users/password-reset.ts checks the student
 * is in one of this teacher's classes). The temporary password comes back in
 * the form's result, shown once on the page that posted it, never in a URL.
 */
export const resetStudentPasswordAction = formAction<
  "teacher",
  typeof resetSchema,
  "classId" | "studentId" | "seenResetAt" | "temporaryPassword"
>({
  name: "resetStudentPassword",
  access: "teacher",
  page: (fields) =>
    `${classPage(fields.classId)}/students/${encodeURIComponent(String(fields.studentId ?? ""))}/reset-password`,
  schema: resetSchema,
  run: async ({ user, input, db }) => {
    const result = await orBusy(
      resetStudentPassword({
        db,
        teacherId: user.id,
        studentId: input.studentId,
        seenResetAt: input.seenResetAt,
      }),
    );
    if (!result.ok && result.reason === "busy") return serverBusy();
    if (!result.ok && result.reason === "already-reset")
      return fail(
        "This password was already reset from this page (reloading it sends the form again), or by another teacher just now. The temporary password given then still works; nothing was changed.",
        { reason: "already-reset" },
      );
    if (!result.ok) notFound();
    return stay(`${result.studentName}'s password is reset and every session of theirs has ended.`, {
      values: { temporaryPassword: result.temporaryPassword },
    });
  },
});
