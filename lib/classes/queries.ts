import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { classBlocks, classes, classMembers, quizAttempts, users } from "@/db/schema";
import { claim, LIMITS, minutesUntil, release } from "@/lib/rate-limit";
import { ok, refuse, type Result } from "@/lib/result";
import { generateJoinCode, normalizeJoinCode } from "./join-code";

export const classNameSchema = z
  .string({ error: "Give the class a name." })
  .trim()
  .min(1, "Give the class a name.")
  .max(80, "Use at most 80 characters for the class name.");

/** A fresh code; the unique index decides, and a collision (rare) just draws again. */
async function withFreshCode<T>(run: (code: string) => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await run(generateJoinCode());
    } catch (e) {
      if (!isUniqueViolation(e) || i >= 5) throw e;
    }
  }
}

export async function createClass(input: { db: Db; teacherId: string; name: string }) {
  return withFreshCode(async (joinCode) => {
    const [row] = await input.db
      .insert(classes)
      .values({ teacherId: input.teacherId, name: input.name.trim(), joinCode })
      .returning();
    return row!;
  });
}

export type CreateClassResult = { ok: true; classId: string; joinCode: string } | ThrottledResult;
type ThrottledResult = { ok: false; reason: "throttled"; retryAt: Date; fieldErrors?: undefined };

/** A class made from the teacher desk: counted against the teacher's limit on new classes first. */
export async function createClassLimited(input: {
  db: Db;
  teacherId: string;
  name: string;
}): Promise<CreateClassResult> {
  const limited = await claim({
    db: input.db,
    limits: [{ limit: LIMITS.classesPerTeacher, key: input.teacherId }],
  });
  if (limited.limited) return { ok: false, reason: "throttled", retryAt: limited.retryAt };
  const row = await createClass(input);
  return ok({ classId: row.id, joinCode: row.joinCode });
}

export async function listClassesForTeacher(input: { db: Executor; teacherId: string }) {
  return input.db
    .select({
      id: classes.id,
      name: classes.name,
      joinCode: classes.joinCode,
      students: sql<number>`(select count(*)::int from ${classMembers} m where m.class_id = ${classes.id})`,
    })
    .from(classes)
    .where(eq(classes.teacherId, input.teacherId))
    .orderBy(asc(classes.name));
}

/** The class if this teacher owns it; another teacher's id finds nothing. */
export async function getClassForTeacher(input: { db: Executor; teacherId: string; classId: string }) {
  const [row] = await input.db
    .select()
    .from(classes)
    .where(and(eq(classes.id, input.classId), eq(classes.teacherId, input.teacherId)))
    .limit(1);
  if (!row) return undefined;
  const roster = await input.db
    .select({
      studentId: users.id,
      name: users.name,
      email: users.email,
      joinedAt: classMembers.joinedAt,
      lastActivity:
        sql<Date | null>`(select max(coalesce(a.submitted_at, a.started_at)) from ${quizAttempts} a where a.user_id = ${users.id})`.mapWith(
          (v: string | Date | null) => (v ? new Date(v) : null),
        ),
    })
    .from(classMembers)
    .innerJoin(users, eq(users.id, classMembers.studentId))
    .where(eq(classMembers.classId, row.id))
    .orderBy(asc(users.name));
  return { ...row, roster };
}

export async function regenerateJoinCode(input: {
  db: Db;
  teacherId: string;
  classId: string;
}): Promise<Result<{ joinCode: string }, "not-found">> {
  return withFreshCode(async (joinCode) => {
    const [row] = await input.db
      .update(classes)
      .set({ joinCode })
      .where(and(eq(classes.id, input.classId), eq(classes.teacherId, input.teacherId)))
      .returning({ joinCode: classes.joinCode });
    return row ? ok({ joinCode: row.joinCode }) : refuse("not-found");
  });
}

/**
 * Removes a student from a class this teacher owns; with `block`, the student
 * cannot come back with the join code until the teacher allows it.
 */
export async function removeStudent(input: {
  db: Db;
  teacherId: string;
  classId: string;
  studentId: string;
  block?: boolean;
}): Promise<Result<object, "not-found">> {
  return input.db.transaction(async (tx) => {
    const removed = await tx
      .delete(classMembers)
      .where(
        and(
          eq(classMembers.classId, input.classId),
          eq(classMembers.studentId, input.studentId),
          // Only from a class this teacher owns.
          sql`exists (select 1 from ${classes} c where c.id = ${classMembers.classId} and c.teacher_id = ${input.teacherId})`,
        ),
      )
      .returning({ classId: classMembers.classId });
    if (removed.length === 0) return refuse("not-found");
    if (input.block)
      await tx
        .insert(classBlocks)
        .values({ classId: input.classId, studentId: input.studentId })
        .onConflictDoNothing();
    return ok();
  });
}

/** The students blocked from rejoining this teacher's class. */
export async function listBlockedStudents(input: { db: Executor; teacherId: string; classId: string }) {
  return input.db
    .select({ studentId: users.id, name: users.name, email: users.email, blockedAt: classBlocks.createdAt })
    .from(classBlocks)
    .innerJoin(classes, eq(classes.id, classBlocks.classId))
    .innerJoin(users, eq(users.id, classBlocks.studentId))
    .where(and(eq(classBlocks.classId, input.classId), eq(classes.teacherId, input.teacherId)))
    .orderBy(asc(users.name));
}

/** Lets a blocked student join again with the code; another teacher's class unblocks nothing. */
export async function unblockStudent(input: {
  db: Executor;
  teacherId: string;
  classId: string;
  studentId: string;
}): Promise<Result<object, "not-found">> {
  const deleted = await input.db
    .delete(classBlocks)
    .where(
      and(
        eq(classBlocks.classId, input.classId),
        eq(classBlocks.studentId, input.studentId),
        sql`exists (select 1 from ${classes} c where c.id = ${classBlocks.classId} and c.teacher_id = ${input.teacherId})`,
      ),
    )
    .returning({ studentId: classBlocks.studentId });
  return deleted.length > 0 ? ok() : refuse("not-found");
}

export type JoinResult =
  | Result<{ className: string; alreadyMember: boolean }, "bad-code" | "no-class" | "blocked">
  | ThrottledResult;

/**
 * A student joins with a code. Wrong codes are counted per account and per
 * address, claimed before the code is looked up (so a burst of guesses
 * cannot all pass a check made first) and given back when the code was
 * right; past the limit no code is looked up, so codes cannot be found by
 * trying them.
 */
export async function joinClass(input: {
  db: Executor;
  studentId: string;
  code: string;
  /** Where the attempt came from; the limit per address is skipped only where no address is known (seeding). */
  clientAddress?: string;
}): Promise<JoinResult> {
  const code = normalizeJoinCode(input.code);
  if (!code) return refuse("bad-code");
  const attempt = await claim({
    db: input.db,
    limits: [
      { limit: LIMITS.joinFailuresPerAccount, key: input.studentId },
      ...(input.clientAddress ? [{ limit: LIMITS.joinFailuresPerAddress, key: input.clientAddress }] : []),
    ],
  });
  if (attempt.limited) return { ok: false, reason: "throttled", retryAt: attempt.retryAt };
  const [row] = await input.db
    .select({
      id: classes.id,
      name: classes.name,
      blocked: sql<boolean>`exists (select 1 from ${classBlocks} b where b.class_id = ${classes.id} and b.student_id = ${input.studentId})`,
    })
    .from(classes)
    .where(eq(classes.joinCode, code))
    .limit(1);
  if (!row) return refuse("no-class");
  await release({ db: input.db, claimed: attempt.claimed });
  if (row.blocked) return refuse("blocked");
  const inserted = await input.db
    .insert(classMembers)
    .values({ classId: row.id, studentId: input.studentId })
    .onConflictDoNothing()
    .returning({ classId: classMembers.classId });
  return ok({ className: row.name, alreadyMember: inserted.length === 0 });
}

/** What the join form says when a code does not get the student in. */
export function joinFailureMessage(result: Extract<JoinResult, { ok: false }>, now = Date.now()): string {
  switch (result.reason) {
    case "bad-code":
      return "A join code has 6 letters and digits, like ACD-479. Check it with your teacher.";
    case "no-class":
      return "No class has that code. It may have been changed: ask your teacher for the current one.";
    case "blocked":
      return "Your teacher removed you from this class, so the code does not let you back in. Ask your teacher.";
    case "throttled":
      return `Too many wrong codes. Check the code with your teacher and try again in ${minutesUntil(result.retryAt, now)}.`;
  }
}

export async function listClassesForStudent(input: { db: Executor; studentId: string }) {
  return input.db
    .select({ id: classes.id, name: classes.name, teacherName: users.name, joinedAt: classMembers.joinedAt })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(users, eq(users.id, classes.teacherId))
    .where(eq(classMembers.studentId, input.studentId))
    .orderBy(asc(classes.name));
}
