import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import {
  assignmentExtensions,
  assignments,
  classes,
  classMembers,
  quizAttempts,
  type AssignmentRow,
} from "@/db/schema";
import { qualified as q } from "@/db/sql";
import { finalizeEndedAttempts } from "@/lib/attempts/grading";
import { ok, refuse, type Result } from "@/lib/result";

/**
 * One student's exceptions to an assignment: their own due date, extra time
 * (a multiplier of the time limit, for accommodations) and extra attempts.
 * The rules of what a student then has are here, once:
 *
 * - due date: their own when set, else the assignment's; late is measured
 *   against it, and their attempts' late flags are recomputed when it changes;
 * - attempts: the assignment's plus their extra ones;
 * - time limit: the assignment's times their multiplier, fixed as a deadline
 *   when an attempt starts; an attempt in progress when the time grows gets
 *   the longer time (it never gets less than it started with);
 * - answers "after the due date" are shown once the last due date of anyone
 *   in the class has passed, so no classmate holds the key while a student
 *   with an extension is still working.
 */

export type Extension = { dueAt: Date | null; timeMultiplier: number | null; extraAttempts: number };

type Settings = Pick<AssignmentRow, "dueAt" | "attemptsAllowed" | "timeLimitMinutes">;

/** The assignment as it applies to one student. */
export function withExtension<A extends Settings>(assignment: A, extension: Extension | null | undefined): A {
  if (!extension) return assignment;
  return {
    ...assignment,
    dueAt: extension.dueAt ?? assignment.dueAt,
    attemptsAllowed: assignment.attemptsAllowed + extension.extraAttempts,
    timeLimitMinutes:
      assignment.timeLimitMinutes === null
        ? null
        : assignment.timeLimitMinutes * (extension.timeMultiplier ?? 1),
  };
}

/** Whether an exception changes anything (an all-default one is not stored). */
function isNeutral(e: Extension): boolean {
  return e.dueAt === null && (e.timeMultiplier === null || e.timeMultiplier === 1) && e.extraAttempts === 0;
}

/** The exceptions on one assignment of a class this teacher owns, by student id. */
export async function extensionsOfAssignment(input: {
  db: Executor;
  teacherId: string;
  assignmentId: string;
}): Promise<Map<string, Extension>> {
  const rows = await input.db
    .select({
      studentId: assignmentExtensions.studentId,
      dueAt: assignmentExtensions.dueAt,
      timeMultiplier: assignmentExtensions.timeMultiplier,
      extraAttempts: assignmentExtensions.extraAttempts,
    })
    .from(assignmentExtensions)
    .innerJoin(assignments, eq(assignments.id, assignmentExtensions.assignmentId))
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .where(
      and(eq(assignmentExtensions.assignmentId, input.assignmentId), eq(classes.teacherId, input.teacherId)),
    );
  return new Map(rows.map(({ studentId, ...e }) => [studentId, e]));
}

/**
 * Recomputes the late flag of submitted attempts at these assignments (of
 * one student, or everyone) against each student's own due date.
 */
export async function recomputeLate(input: {
  db: Executor;
  assignmentIds: string[];
  studentId?: string;
}): Promise<void> {
  if (input.assignmentIds.length === 0) return;
  await input.db
    .update(quizAttempts)
    .set({
      late: sql`${q(quizAttempts.submittedAt)} > coalesce(
        (select e.due_at from ${assignmentExtensions} e
          where e.assignment_id = ${q(quizAttempts.assignmentId)} and e.student_id = ${q(quizAttempts.userId)}),
        (select a.due_at from ${assignments} a where a.id = ${q(quizAttempts.assignmentId)}))`,
    })
    .where(
      and(
        inArray(quizAttempts.assignmentId, input.assignmentIds),
        eq(quizAttempts.status, "submitted"),
        input.studentId ? eq(quizAttempts.userId, input.studentId) : undefined,
      ),
    );
}

/**
 * Gives attempts in progress at the assignment the time they now have: the
 * time limit times the student's multiplier from when they started, or no
 * limit when the assignment has none. A deadline only ever moves later, and
 * an attempt that started without a limit keeps none.
 */
export async function extendOpenDeadlines(input: {
  db: Executor;
  assignmentId: string;
  studentId?: string;
}): Promise<void> {
  const scope = and(
    eq(quizAttempts.assignmentId, input.assignmentId),
    eq(quizAttempts.status, "in_progress"),
    sql`${q(quizAttempts.deadlineAt)} is not null`,
    input.studentId ? eq(quizAttempts.userId, input.studentId) : undefined,
  );
  await input.db
    .update(quizAttempts)
    .set({
      deadlineAt: sql`(select case when a.time_limit_minutes is null then null
        else greatest(${q(quizAttempts.deadlineAt)}, ${q(quizAttempts.startedAt)} + make_interval(secs => a.time_limit_minutes * 60 *
          coalesce((select e.time_multiplier from ${assignmentExtensions} e
            where e.assignment_id = a.id and e.student_id = ${q(quizAttempts.userId)}), 1)))
        end from ${assignments} a where a.id = ${q(quizAttempts.assignmentId)})`,
    })
    .where(scope);
}

export type SetExtensionResult = Result<{ removed: boolean }, "not-found">;

/**
 * Sets (or, when it changes nothing, removes) one student's exceptions to an
 * assignment of a class this teacher owns; the student must be in the class.
 * Attempts that already ended on the clock are graded first, then late flags
 * and the open attempt's deadline follow the new settings in one transaction.
 */
export async function setExtension(input: {
  db: Db;
  teacherId: string;
  assignmentId: string;
  studentId: string;
  extension: Extension;
  now?: Date;
}): Promise<SetExtensionResult> {
  const [target] = await input.db
    .select({ assignmentId: assignments.id })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(
      classMembers,
      and(eq(classMembers.classId, assignments.classId), eq(classMembers.studentId, input.studentId)),
    )
    .where(
      and(
        eq(assignments.id, input.assignmentId),
        eq(classes.teacherId, input.teacherId),
        isNull(classes.deletedAt),
        isNull(assignments.deletedAt),
      ),
    )
    .limit(1);
  if (!target) return refuse("not-found");
  await finalizeEndedAttempts({
    db: input.db,
    assignmentIds: [target.assignmentId],
    userId: input.studentId,
    now: input.now,
  });
  const neutral = isNeutral(input.extension);
  await input.db.transaction(async (tx) => {
    const key = and(
      eq(assignmentExtensions.assignmentId, target.assignmentId),
      eq(assignmentExtensions.studentId, input.studentId),
    );
    if (neutral) await tx.delete(assignmentExtensions).where(key);
    else {
      const values = {
        dueAt: input.extension.dueAt,
        timeMultiplier: input.extension.timeMultiplier === 1 ? null : input.extension.timeMultiplier,
        extraAttempts: input.extension.extraAttempts,
      };
      await tx
        .insert(assignmentExtensions)
        .values({ assignmentId: target.assignmentId, studentId: input.studentId, ...values })
        .onConflictDoUpdate({
          target: [assignmentExtensions.assignmentId, assignmentExtensions.studentId],
          set: values,
        });
    }
    await recomputeLate({ db: tx, assignmentIds: [target.assignmentId], studentId: input.studentId });
    await extendOpenDeadlines({ db: tx, assignmentId: target.assignmentId, studentId: input.studentId });
  });
  return ok({ removed: neutral });
}
