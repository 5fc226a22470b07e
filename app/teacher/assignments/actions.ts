"use server";

import { notFound } from "next/navigation";
import { formAction, goTo, invalid } from "@/app/_lib/action";
import { keyFromForm, regradeSchema, type RegradeField } from "@/lib/gradebook/correction-form";
import { regradeQuestion, type RegradeChange } from "@/lib/gradebook/corrections";
import { withNotice } from "@/lib/notices";

const reportPage = (id: unknown) => `/teacher/assignments/${encodeURIComponent(String(id ?? ""))}`;
const questionPage = (id: unknown, n: unknown) =>
  `${reportPage(id)}/questions/${encodeURIComponent(String(n ?? ""))}`;

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
