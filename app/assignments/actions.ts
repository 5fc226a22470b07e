"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { buttonAction, goTo } from "@/app/_lib/action";
import { startAssignmentAttempt } from "@/lib/assignments/queries";
import { withNotice } from "@/lib/notices";

const pageOf = (id: unknown) => `/assignments/${encodeURIComponent(String(id ?? ""))}`;

/** Starts or resumes the student's attempt at an assignment of one of their classes. */
export const startAssignmentAction = buttonAction({
  name: "startAssignment",
  access: "student",
  page: (fields) => pageOf(fields.assignmentId),
  schema: z.object({ assignmentId: z.uuid() }),
  run: async ({ user, input, db }) => {
    const result = await startAssignmentAttempt({ db, studentId: user.id, assignmentId: input.assignmentId });
    if (!result.ok) {
      // not-found covers another class's assignment and a student removed from the class alike.
      if (result.reason === "not-found") notFound();
      return goTo(
        withNotice(
          pageOf(input.assignmentId),
          result.reason === "closed" ? "closed-by-teacher" : "no-attempts-left",
        ),
      );
    }
    return goTo(`/attempts/${result.attemptId}`, { revalidate: ["/join"] });
  },
});
