import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { assignments, classes, quizAttempts, quizzes } from "@/db/schema";
import { finalizeEndedAttempts } from "@/lib/attempts/grading";
import { ok, refuse, type Result } from "@/lib/result";
import { extendOpenDeadlines, recomputeLate } from "./extensions";

/**
 * Changing an assignment after it was assigned: its name, due date, time
 * limit and attempts; archiving, restoring and deleting it. Ownership (the
 * class is this teacher's, and neither is deleted) is in every where clause.
 * What each does to students' work (README, "Managing assignments"):
 *
 * - settings: late flags are recomputed against the new due date (each
 *   student's own when they have an extension); attempts in progress get a
 *   longer time limit at once, and keep theirs when it shrinks; attempts
 *   already made stay, whatever the new number of attempts allowed.
 * - archive: the assignment closes (attempts in progress are graded with what
 *   they saved) and leaves the class's list; gradebook and results stay.
 * - delete, nobody started it: removed with its frozen quiz version.
 * - delete, with attempts: gone from the gradebook, reports, exports and the
 *   students' lists; every attempt stays in its student's own history.
 */

/** An assignment of a live class this teacher owns: a subquery for where clauses. */
const ownedAssignment = (teacherId: string) =>
  and(
    sql`${assignments.classId} in (select c.id from ${classes} c where c.teacher_id = ${teacherId} and c.deleted_at is null)`,
    isNull(assignments.deletedAt),
  );

export type AssignmentChanges = {
  /** Null shows the article's title. */
  title: string | null;
  dueAt: Date;
  timeLimitMinutes: number | null;
  attemptsAllowed: number;
};

export async function updateAssignmentSettings(input: {
  db: Db;
  teacherId: string;
  assignmentId: string;
  changes: AssignmentChanges;
  now?: Date;
}): Promise<Result<object, "not-found">> {
  const [target] = await input.db
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.id, input.assignmentId), ownedAssignment(input.teacherId)));
  if (!target) return refuse("not-found");
  // What ended on the old settings is graded as it stood before anything moves.
  await finalizeEndedAttempts({ db: input.db, assignmentIds: [target.id], now: input.now });
  await input.db.transaction(async (tx) => {
    await tx.update(assignments).set(input.changes).where(eq(assignments.id, target.id));
    await recomputeLate({ db: tx, assignmentIds: [target.id] });
    await extendOpenDeadlines({ db: tx, assignmentId: target.id });
  });
  return ok();
}

export type AssignmentImpact = {
  /** Students with at least one attempt. */
  students: number;
  attempts: number;
  submitted: number;
  inProgress: number;
};

export async function assignmentImpact(input: {
  db: Executor;
  teacherId: string;
  assignmentId: string;
}): Promise<AssignmentImpact | undefined> {
  const [row] = await input.db
    .select({
      students: sql<number>`(select count(distinct t.user_id)::int from ${quizAttempts} t where t.assignment_id = ${input.assignmentId})`,
      attempts: sql<number>`(select count(*)::int from ${quizAttempts} t where t.assignment_id = ${input.assignmentId})`,
      submitted: sql<number>`(select count(*)::int from ${quizAttempts} t where t.assignment_id = ${input.assignmentId} and t.status = 'submitted')`,
      inProgress: sql<number>`(select count(*)::int from ${quizAttempts} t where t.assignment_id = ${input.assignmentId} and t.status = 'in_progress')`,
    })
    .from(assignments)
    .where(and(eq(assignments.id, input.assignmentId), ownedAssignment(input.teacherId)));
  return row;
}

export type ArchiveAssignmentResult = Result<object, "not-found" | "needs-confirmation">;

/** Archives (and closes) the assignment; with attempts in progress the teacher must have confirmed. */
export async function archiveAssignment(input: {
  db: Db;
  teacherId: string;
  assignmentId: string;
  confirmed: boolean;
  now?: Date;
}): Promise<ArchiveAssignmentResult> {
  const now = input.now ?? new Date();
  const impact = await assignmentImpact(input);
  if (!impact) return refuse("not-found");
  if (impact.inProgress > 0 && !input.confirmed) return refuse("needs-confirmation");
  await input.db
    .update(assignments)
    .set({
      archivedAt: sql`coalesce(${assignments.archivedAt}, ${now})`,
      closedAt: sql`coalesce(${assignments.closedAt}, ${now})`,
    })
    .where(and(eq(assignments.id, input.assignmentId), ownedAssignment(input.teacherId)));
  await finalizeEndedAttempts({ db: input.db, assignmentIds: [input.assignmentId], now });
  return ok();
}

/** Back on the class's list; it stays closed until the teacher reopens it. */
export async function restoreAssignment(input: {
  db: Executor;
  teacherId: string;
  assignmentId: string;
}): Promise<Result<object, "not-found">> {
  const rows = await input.db
    .update(assignments)
    .set({ archivedAt: null })
    .where(and(eq(assignments.id, input.assignmentId), ownedAssignment(input.teacherId)))
    .returning({ id: assignments.id });
  return rows.length > 0 ? ok() : refuse("not-found");
}

export type DeleteAssignmentResult = Result<
  { kept: boolean; classId: string },
  "not-found" | "needs-confirmation"
>;

/**
 * Deletes the assignment: outright when nobody has started it, otherwise
 * (confirmed) hidden with every attempt kept and attempts in progress graded
 * with what they saved. The row is locked first, so an attempt starting at
 * this moment is either counted or refused, never deleted with it.
 */
export async function deleteAssignment(input: {
  db: Db;
  teacherId: string;
  assignmentId: string;
  confirmed: boolean;
  now?: Date;
}): Promise<DeleteAssignmentResult> {
  const now = input.now ?? new Date();
  const outcome = await input.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: assignments.id, quizId: assignments.quizId, classId: assignments.classId })
      .from(assignments)
      .where(and(eq(assignments.id, input.assignmentId), ownedAssignment(input.teacherId)))
      .for("update");
    if (!row) return refuse("not-found");
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(quizAttempts)
      .where(eq(quizAttempts.assignmentId, row.id));
    if (n === 0) {
      await tx.delete(assignments).where(eq(assignments.id, row.id));
      await tx.delete(quizzes).where(eq(quizzes.id, row.quizId));
      return ok({ kept: false, classId: row.classId });
    }
    if (!input.confirmed) return refuse("needs-confirmation");
    await tx
      .update(assignments)
      .set({ deletedAt: now, closedAt: sql`coalesce(${assignments.closedAt}, ${now})` })
      .where(eq(assignments.id, row.id));
    return ok({ kept: true, classId: row.classId });
  });
  if (outcome.ok && outcome.kept)
    await finalizeEndedAttempts({ db: input.db, assignmentIds: [input.assignmentId], now });
  return outcome;
}
