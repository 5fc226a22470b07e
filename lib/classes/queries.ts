import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { classes, classMembers, quizAttempts, users } from "@/db/schema";
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

export async function removeStudent(input: {
  db: Executor;
  teacherId: string;
  classId: string;
  studentId: string;
}): Promise<Result<object, "not-found">> {
  const removed = await input.db
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
  return removed.length > 0 ? ok() : refuse("not-found");
}

export type JoinResult = Result<{ className: string; alreadyMember: boolean }, "bad-code" | "no-class">;

export async function joinClass(input: {
  db: Executor;
  studentId: string;
  code: string;
}): Promise<JoinResult> {
  const code = normalizeJoinCode(input.code);
  if (!code) return refuse("bad-code");
  const [row] = await input.db
    .select({ id: classes.id, name: classes.name })
    .from(classes)
    .where(eq(classes.joinCode, code))
    .limit(1);
  if (!row) return refuse("no-class");
  const inserted = await input.db
    .insert(classMembers)
    .values({ classId: row.id, studentId: input.studentId })
    .onConflictDoNothing()
    .returning({ classId: classMembers.classId });
  return ok({ className: row.name, alreadyMember: inserted.length === 0 });
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
