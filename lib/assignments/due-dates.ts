import { sql } from "drizzle-orm";
import { assignmentExtensions, assignments, quizAttempts } from "@/db/schema";
import { qualified as q } from "@/db/sql";

/**
 * Due dates with students' extensions, as SQL for the queries that grade and
 * show work (the rules: lib/assignments/extensions.ts). Apart from the
 * extensions module so grading can use them without importing what imports it.
 */

/** The due date of the attempt's student on its assignment (their own, or the assignment's). */
export const studentDueAt = sql<Date | null>`coalesce(
  (select e.due_at from ${assignmentExtensions} e
    where e.assignment_id = ${q(quizAttempts.assignmentId)} and e.student_id = ${q(quizAttempts.userId)}),
  ${q(assignments.dueAt)})`;

/** The last due date of anyone on the assignment: the assignment's, or a later extension. */
export const lastDueAt = sql<Date>`greatest(${q(assignments.dueAt)},
  (select max(e.due_at) from ${assignmentExtensions} e where e.assignment_id = ${q(assignments.id)}))`;

/** The extra attempts the attempt's student has on its assignment (0 without an exception). */
export const studentExtraAttempts = sql<number>`coalesce(
  (select e.extra_attempts from ${assignmentExtensions} e
    where e.assignment_id = ${q(quizAttempts.assignmentId)} and e.student_id = ${q(quizAttempts.userId)}),
  0)`;
