import { sql } from "drizzle-orm";
import { assignments, quizAttempts, type AssignmentRow } from "@/db/schema";
import { lastDueAt, studentExtraAttempts } from "@/lib/assignments/due-dates";

/**
 * What a student may see of an attempt they submitted, at two levels: its
 * score, and its answers (keys, explanations, evidence, which questions were
 * right). Studying alone: both. For an assignment, per the teacher's choice:
 *
 * - after_submit: both, once submitted;
 * - after_due: both, once it is due or closed;
 * - after_last_attempt: the score once submitted; the answers once the
 *   student has no attempt left (all allowed attempts submitted) or the
 *   teacher closed it. Not at the due date: late attempts are still accepted
 *   then, and a second attempt must not copy the first's keys.
 *
 * With students' exceptions (issue #12): "the due date" is the last one of
 * anyone on the assignment (lastDueAt: a student's extension keeps the key
 * from the whole class until it passes), so a page holding the assignment
 * passes that date as `dueAt`; "no attempt left" counts the student's own
 * extra attempts, so a page passes the assignment with the student's
 * exception applied (withExtension).
 *
 * One rule, written twice, side by side: in SQL for the aggregates that must
 * never count what is hidden (progress, practice, the article page), and in
 * JS for a page that has the assignment in hand. tests/integration/reveal.test.ts
 * checks that they agree for every setting.
 */

/** Attempts the student has submitted at the attempt's assignment (correlated with the outer quiz_attempts row). */
export const submittedAtAssignment = sql<number>`(select count(*)::int from ${quizAttempts} s
  where s.assignment_id = ${quizAttempts.assignmentId} and s.user_id = ${quizAttempts.userId} and s.status = 'submitted')`;

/** SQL: the student may see this attempt's score. */
export const scoreRevealedToStudent = sql`(${quizAttempts.assignmentId} is null or exists (
  select 1 from ${assignments} where ${assignments.id} = ${quizAttempts.assignmentId}
    and (${assignments.reveal} <> 'after_due' or ${lastDueAt} <= now() or ${assignments.closedAt} is not null)))`;

/** SQL: the student may see this attempt's answers (and so its score too). */
export const revealedToStudent = sql`(${quizAttempts.assignmentId} is null or exists (
  select 1 from ${assignments} where ${assignments.id} = ${quizAttempts.assignmentId}
    and (${assignments.reveal} = 'after_submit' or ${assignments.closedAt} is not null
      or (${assignments.reveal} = 'after_due' and ${lastDueAt} <= now())
      or (${assignments.reveal} = 'after_last_attempt' and ${submittedAtAssignment} >= ${assignments.attemptsAllowed} + ${studentExtraAttempts}))))`;

export type Reveal = { score: boolean; answers: boolean };

/** The JS twin of scoreRevealedToStudent and revealedToStudent, for a student's attempts at this assignment. */
export function revealFor(
  assignment: Pick<AssignmentRow, "reveal" | "dueAt" | "closedAt" | "attemptsAllowed">,
  input: { now: Date; submittedAttempts: number },
): Reveal {
  const closed = assignment.closedAt !== null;
  const due = assignment.dueAt.getTime() <= input.now.getTime();
  switch (assignment.reveal) {
    case "after_submit":
      return { score: true, answers: true };
    case "after_due":
      return { score: due || closed, answers: due || closed };
    case "after_last_attempt":
      return { score: true, answers: closed || input.submittedAttempts >= assignment.attemptsAllowed };
  }
}
