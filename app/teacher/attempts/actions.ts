"use server";

import { notFound } from "next/navigation";
import { fail, formAction, goTo, invalid } from "@/app/_lib/action";
import { overrideSchema, type OverrideField } from "@/lib/gradebook/correction-form";
import { overrideScore } from "@/lib/gradebook/corrections";
import { withNotice } from "@/lib/notices";

const attemptPage = (id: unknown) => `/teacher/attempts/${encodeURIComponent(String(id ?? ""))}`;

/**
 * A teacher's own score for one question of a student's submitted attempt,
 * or for the whole attempt, with a comment the student reads (issue #12).
 * Empty hands the score back to grading. Ownership is checked in the domain
 * function's where clause.
 */
export const overrideScoreAction = formAction<"teacher", typeof overrideSchema, OverrideField>({
  name: "overrideScore",
  access: "teacher",
  page: (fields) => attemptPage(fields.attemptId),
  schema: overrideSchema,
  run: async ({ user, input, db }) => {
    const result = await overrideScore({
      db,
      teacherId: user.id,
      attemptId: input.attemptId,
      questionNumber: input.question,
      score: input.score,
      comment: input.comment,
    });
    if (!result.ok) {
      if (result.reason === "not-found") notFound();
      if (result.reason === "not-submitted")
        return fail("This attempt is not submitted yet: its score can be set once it is graded.", {
          reason: result.reason,
        });
      return invalid(result.fieldErrors, result.reason);
    }
    const page = attemptPage(input.attemptId);
    return goTo(
      withNotice(page, "score-set", input.question === null ? "attempt-score" : `question-${input.question}`),
      { revalidate: [page] },
    );
  },
});
