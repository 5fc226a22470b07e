import { sql } from "drizzle-orm";
import { assignments, quizAttempts, type AssignmentRow } from "@/db/schema";

/**
 * When a student may see an attempt's score and answers: always when studying
 * alone; for an assignment, after submitting, or (when the teacher asked for
 * "after the due date") once it is due or closed. One rule, written twice,
 * side by side: in SQL for the aggregates that must never count a hidden
 * score (progress, practice, the article page), and in JS for a page that
 * has the assignment in hand. tests/integration/reveal.test.ts checks that
 * they agree.
 */
export const revealedToStudent = sql`(${quizAttempts.assignmentId} is null or exists (
  select 1 from ${assignments} where ${assignments.id} = ${quizAttempts.assignmentId}
    and (${assignments.reveal} = 'after_submit' or ${assignments.dueAt} <= now() or ${assignments.closedAt} is not null)))`;

/** The JS twin of revealedToStudent, for an attempt at this assignment. */
export function isRevealed(
  assignment: Pick<AssignmentRow, "reveal" | "dueAt" | "closedAt">,
  now: Date,
): boolean {
  if (assignment.reveal === "after_submit") return true;
  return assignment.dueAt.getTime() <= now.getTime() || assignment.closedAt !== null;
}
