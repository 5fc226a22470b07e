import { and, asc, eq, isNull, sql } from "drizzle-orm";
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

export const classSectionSchema = z
  .string()
  .trim()
  .max(40, "Use at most 40 characters for the section.")
  .default("")
  .transform((s) => s || null);

/** A class that still exists (a deleted one is kept only for its students' work). */
export const classLive = isNull(classes.deletedAt);

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

export async function createClass(input: {
  db: Db;
  teacherId: string;
  name: string;
  section?: string | null;
}) {
  return withFreshCode(async (joinCode) => {
    const [row] = await input.db
      .insert(classes)
      .values({
        teacherId: input.teacherId,
        name: input.name.trim(),
        section: input.section?.trim() || null,
        joinCode,
      })
      .returning();
    return row!;
  });
}

/** How many classes in the result share this one's name and section (case and spacing aside). */
const sameNameCount = sql<number>`(count(*) over (partition by lower(${classes.name}), lower(coalesce(${classes.section}, ''))))::int`;

/**
 * The teacher's classes, archived ones included (the desk lists them apart),
 * each with whether another of the teacher's classes has the same name and
 * section, so the desk can tell them apart by date.
 */
export async function listClassesForTeacher(input: { db: Executor; teacherId: string }) {
  return input.db
    .select({
      id: classes.id,
      name: classes.name,
      section: classes.section,
      joinCode: classes.joinCode,
      createdAt: classes.createdAt,
      archivedAt: classes.archivedAt,
      students: sql<number>`(select count(*)::int from ${classMembers} m where m.class_id = ${classes.id})`,
      sameName: sameNameCount,
    })
    .from(classes)
    .where(and(eq(classes.teacherId, input.teacherId), classLive))
    .orderBy(asc(classes.name), asc(classes.section), asc(classes.createdAt));
}

/** The class if this teacher owns it; another teacher's id finds nothing. */
export async function getClassForTeacher(input: { db: Executor; teacherId: string; classId: string }) {
  const [row] = await input.db
    .select()
    .from(classes)
    .where(and(eq(classes.id, input.classId), eq(classes.teacherId, input.teacherId), classLive))
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
      .where(
        and(
          eq(classes.id, input.classId),
          eq(classes.teacherId, input.teacherId),
          classLive,
          // An archived class takes no one in: its code is not shown and not changed.
          isNull(classes.archivedAt),
        ),
      )
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
        sql`exists (select 1 from ${classes} c where c.id = ${classMembers.classId} and c.teacher_id = ${input.teacherId} and c.deleted_at is null)`,
      ),
    )
    .returning({ classId: classMembers.classId });
  return removed.length > 0 ? ok() : refuse("not-found");
}

export type JoinResult = Result<
  { className: string; alreadyMember: boolean },
  "bad-code" | "no-class" | "archived"
>;

export async function joinClass(input: {
  db: Executor;
  studentId: string;
  code: string;
}): Promise<JoinResult> {
  const code = normalizeJoinCode(input.code);
  if (!code) return refuse("bad-code");
  const [row] = await input.db
    .select({ id: classes.id, name: classes.name, archivedAt: classes.archivedAt })
    .from(classes)
    .where(and(eq(classes.joinCode, code), classLive))
    .limit(1);
  if (!row) return refuse("no-class");
  if (row.archivedAt) return refuse("archived");
  const inserted = await input.db
    .insert(classMembers)
    .values({ classId: row.id, studentId: input.studentId })
    .onConflictDoNothing()
    .returning({ classId: classMembers.classId });
  return ok({ className: row.name, alreadyMember: inserted.length === 0 });
}

export async function listClassesForStudent(input: { db: Executor; studentId: string }) {
  return input.db
    .select({
      id: classes.id,
      name: classes.name,
      section: classes.section,
      createdAt: classes.createdAt,
      archivedAt: classes.archivedAt,
      teacherName: users.name,
      joinedAt: classMembers.joinedAt,
      sameName: sql<number>`(count(*) over (partition by lower(${classes.name}), lower(coalesce(${classes.section}, '')), ${classes.teacherId}))::int`,
    })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(users, eq(users.id, classes.teacherId))
    .where(and(eq(classMembers.studentId, input.studentId), classLive))
    .orderBy(asc(classes.name), asc(classes.section), asc(classes.createdAt));
}
