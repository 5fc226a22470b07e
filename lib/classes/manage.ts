import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { assignments, classes, quizAttempts, quizzes } from "@/db/schema";
import { finalizeEndedAttempts } from "@/lib/attempts/grading";
import { ok, refuse, type Result } from "@/lib/result";
import { classLive } from "./queries";

/**
 * Renaming, archiving, restoring and deleting a class. Each checks in its
 * where clause that the teacher owns the class; another teacher's id finds
 * nothing. What each does to students' work (README, "Managing classes"):
 *
 * - archive: the class leaves the desk, its open assignments close (attempts
 *   in progress are graded with what they saved), the join code stops
 *   working; gradebook, reports and students' results stay. Restorable.
 * - delete, nobody has started any of its assignments: the class, its
 *   assignments and memberships are removed.
 * - delete, with students' work: the class is hidden from everyone (teacher
 *   and students), its open assignments close as when archiving, and every
 *   attempt is kept in its student's own history (/progress). Not restorable
 *   from the app.
 */

const owned = (teacherId: string, classId: string) =>
  and(eq(classes.id, classId), eq(classes.teacherId, teacherId), classLive);

export async function renameClass(input: {
  db: Executor;
  teacherId: string;
  classId: string;
  name: string;
  section: string | null;
}): Promise<Result<object, "not-found">> {
  const rows = await input.db
    .update(classes)
    .set({ name: input.name.trim(), section: input.section?.trim() || null })
    .where(owned(input.teacherId, input.classId))
    .returning({ id: classes.id });
  return rows.length > 0 ? ok() : refuse("not-found");
}

/** What archiving or deleting the class would touch, for the confirmation and for the rule itself. */
export type ClassImpact = {
  students: number;
  assignments: number;
  /** Attempts at the class's assignments, submitted or not. */
  attempts: number;
  inProgress: number;
};

export async function classImpact(input: {
  db: Executor;
  teacherId: string;
  classId: string;
}): Promise<ClassImpact | undefined> {
  const [row] = await input.db
    .select({
      students: sql<number>`(select count(*)::int from class_members m where m.class_id = ${input.classId})`,
      assignments: sql<number>`(select count(*)::int from ${assignments} a where a.class_id = ${input.classId} and a.deleted_at is null)`,
      attempts: sql<number>`(select count(*)::int from ${quizAttempts} t join ${assignments} a on a.id = t.assignment_id where a.class_id = ${input.classId})`,
      inProgress: sql<number>`(select count(*)::int from ${quizAttempts} t join ${assignments} a on a.id = t.assignment_id
        where a.class_id = ${input.classId} and a.deleted_at is null and t.status = 'in_progress')`,
    })
    .from(classes)
    .where(owned(input.teacherId, input.classId));
  return row;
}

/** Closes the class's open assignments at `now` and grades their attempts in progress with what they saved. */
async function closeOpenAssignments(db: Db, classId: string, now: Date): Promise<void> {
  const closed = await db
    .update(assignments)
    .set({ closedAt: now })
    .where(and(eq(assignments.classId, classId), isNull(assignments.closedAt), isNull(assignments.deletedAt)))
    .returning({ id: assignments.id });
  if (closed.length > 0) await finalizeEndedAttempts({ db, assignmentIds: closed.map((a) => a.id), now });
}

export type ArchiveClassResult = Result<object, "not-found" | "needs-confirmation">;

/**
 * Archives the class. Attempts in progress end (graded with what they saved),
 * so while there are any the teacher must have confirmed.
 */
export async function archiveClass(input: {
  db: Db;
  teacherId: string;
  classId: string;
  confirmed: boolean;
  now?: Date;
}): Promise<ArchiveClassResult> {
  const now = input.now ?? new Date();
  const impact = await classImpact(input);
  if (!impact) return refuse("not-found");
  if (impact.inProgress > 0 && !input.confirmed) return refuse("needs-confirmation");
  const [row] = await input.db
    .update(classes)
    .set({ archivedAt: now })
    .where(and(owned(input.teacherId, input.classId), isNull(classes.archivedAt)))
    .returning({ id: classes.id });
  // Archiving twice is no error; the second finds nothing left open to close.
  await closeOpenAssignments(input.db, row?.id ?? input.classId, now);
  return ok();
}

/** Back on the desk; its assignments stay closed until the teacher reopens them. */
export async function restoreClass(input: {
  db: Executor;
  teacherId: string;
  classId: string;
}): Promise<Result<object, "not-found">> {
  const rows = await input.db
    .update(classes)
    .set({ archivedAt: null })
    .where(owned(input.teacherId, input.classId))
    .returning({ id: classes.id });
  return rows.length > 0 ? ok() : refuse("not-found");
}

export type DeleteClassResult = Result<{ kept: boolean }, "not-found" | "needs-confirmation">;

/**
 * Deletes the class: outright when no student has started any of its
 * assignments, otherwise (confirmed) hidden with every attempt kept. The
 * class's assignment rows are locked first, so a student starting an attempt
 * at this moment either lands before the count (and the work is kept) or
 * finds the class gone; a delete never takes work with it unconfirmed.
 */
export async function deleteClass(input: {
  db: Db;
  teacherId: string;
  classId: string;
  confirmed: boolean;
  now?: Date;
}): Promise<DeleteClassResult> {
  const now = input.now ?? new Date();
  const outcome = await input.db.transaction(async (tx) => {
    const [klass] = await tx
      .select({ id: classes.id })
      .from(classes)
      .where(owned(input.teacherId, input.classId))
      .for("update");
    if (!klass) return refuse("not-found");
    const own = await tx
      .select({ id: assignments.id, quizId: assignments.quizId })
      .from(assignments)
      .where(eq(assignments.classId, klass.id))
      .for("update");
    const [{ n } = { n: 0 }] =
      own.length === 0
        ? []
        : await tx
            .select({ n: sql<number>`count(*)::int` })
            .from(quizAttempts)
            .where(
              inArray(
                quizAttempts.assignmentId,
                own.map((a) => a.id),
              ),
            );
    if (n === 0) {
      await tx.delete(classes).where(eq(classes.id, klass.id));
      // The assignments went with the class; their frozen quiz versions served nothing else.
      if (own.length > 0)
        await tx.delete(quizzes).where(
          inArray(
            quizzes.id,
            own.map((a) => a.quizId),
          ),
        );
      return ok({ kept: false });
    }
    if (!input.confirmed) return refuse("needs-confirmation");
    await tx.update(classes).set({ deletedAt: now }).where(eq(classes.id, klass.id));
    return ok({ kept: true });
  });
  // Attempts in progress end as when archiving: graded with what they saved.
  if (outcome.ok && outcome.kept) await closeOpenAssignments(input.db, input.classId, now);
  return outcome;
}
