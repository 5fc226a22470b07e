"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { buttonAction, fail, formAction, goTo } from "@/app/_lib/action";
import { closeAssignment, createAssignment, reopenAssignment } from "@/lib/assignments/queries";
import { assignmentFormSchema } from "@/lib/assignments/form";
import {
  classNameSchema,
  createClassLimited,
  regenerateJoinCode,
  removeStudent,
  unblockStudent,
} from "@/lib/classes/queries";
import { withNotice } from "@/lib/notices";
import { minutesUntil } from "@/lib/rate-limit";

const classPage = (id: unknown) => `/teacher/classes/${encodeURIComponent(String(id ?? ""))}`;
const assignmentPage = (id: unknown) => `/teacher/assignments/${encodeURIComponent(String(id ?? ""))}`;

export const createClassAction = formAction({
  name: "createClass",
  access: "teacher",
  page: "/teacher",
  schema: z.object({ name: classNameSchema }),
  run: async ({ user, input, db }) => {
    const made = await createClassLimited({ db, teacherId: user.id, name: input.name });
    if (!made.ok)
      return fail(
        `You have made many classes in the last hour. Try again in ${minutesUntil(made.retryAt)}.`,
        {
          reason: made.reason,
        },
      );
    return goTo(classPage(made.classId), { revalidate: ["/teacher"] });
  },
});

export const regenerateJoinCodeAction = buttonAction({
  name: "regenerateJoinCode",
  access: "teacher",
  page: (fields) => classPage(fields.classId),
  schema: z.object({ classId: z.uuid() }),
  run: async ({ user, input, db }) => {
    const result = await regenerateJoinCode({ db, teacherId: user.id, classId: input.classId });
    if (!result.ok) notFound();
    return goTo(withNotice(classPage(input.classId), "code-changed"), {
      revalidate: [classPage(input.classId)],
    });
  },
});

export const removeStudentAction = buttonAction({
  name: "removeStudent",
  access: "teacher",
  page: (fields) => classPage(fields.classId),
  // "Keep out" is a checkbox: "on" when ticked, absent otherwise.
  schema: z.object({
    classId: z.uuid(),
    studentId: z.uuid(),
    block: z.literal("on").optional().catch(undefined),
  }),
  run: async ({ user, input, db }) => {
    const block = input.block === "on";
    const result = await removeStudent({ db, teacherId: user.id, ...input, block });
    if (!result.ok) notFound();
    return goTo(withNotice(classPage(input.classId), block ? "student-kept-out" : "student-removed"), {
      revalidate: [classPage(input.classId)],
    });
  },
});

export const unblockStudentAction = buttonAction({
  name: "unblockStudent",
  access: "teacher",
  page: (fields) => classPage(fields.classId),
  schema: z.object({ classId: z.uuid(), studentId: z.uuid() }),
  run: async ({ user, input, db }) => {
    const result = await unblockStudent({ db, teacherId: user.id, ...input });
    if (!result.ok) notFound();
    return goTo(withNotice(classPage(input.classId), "student-let-back"), {
      revalidate: [classPage(input.classId)],
    });
  },
});

export const createAssignmentAction = formAction({
  name: "createAssignment",
  access: "teacher",
  page: (fields) => classPage(fields.classId),
  schema: assignmentFormSchema(),
  run: async ({ user, input, db }) => {
    const made = await createAssignment({ db, teacherId: user.id, ...input });
    if (!made.ok)
      return fail(
        made.reason === "no-questions"
          ? "This article has no questions turned on. Review its questions first."
          : "That class or article was not found.",
        { reason: made.reason },
      );
    return goTo(withNotice(classPage(input.classId), "quiz-assigned", `assignment-${made.assignmentId}`), {
      revalidate: [classPage(input.classId)],
    });
  },
});

export const closeAssignmentAction = buttonAction({
  name: "closeAssignment",
  access: "teacher",
  page: (fields) => assignmentPage(fields.assignmentId),
  schema: z.object({ assignmentId: z.uuid(), intent: z.enum(["close", "reopen"]).default("close") }),
  run: async ({ user, input, db }) => {
    const reopen = input.intent === "reopen";
    const args = { db, teacherId: user.id, assignmentId: input.assignmentId };
    const result = reopen ? await reopenAssignment(args) : await closeAssignment(args);
    if (!result.ok) notFound();
    const page = assignmentPage(input.assignmentId);
    return goTo(withNotice(page, reopen ? "assignment-reopened" : "assignment-closed"), {
      revalidate: [page],
    });
  },
});
