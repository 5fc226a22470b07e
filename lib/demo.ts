import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { articles, assignments, classes, classMembers, quizzes, users, type Role } from "@/db/schema";
import { createAssignment, startAssignmentAttempt } from "@/lib/assignments/queries";
import { submitAttempt } from "@/lib/attempts/grading";
import { generateJoinCode } from "@/lib/classes/join-code";
import type { Question, Response } from "@/lib/quiz";
import { mulberry32, shuffle } from "@/lib/quiz/rng";
import { createUser } from "@/lib/users/accounts";

/** Demo accounts for development and SEED_DEMO=1. Published in the README, so never in production unasked. */
export const DEMO_ACCOUNTS: { name: string; email: string; password: string; role: Role }[] = [
  { name: "Demo Teacher", email: "teacher@example.com", password: "teach-demo-2022", role: "teacher" },
  { name: "Demo Student", email: "student@example.com", password: "learn-demo-2022", role: "student" },
];

export async function seedDemoAccounts(input: { db: Executor }): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const [existing] = await input.db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${account.email}`)
      .limit(1);
    if (!existing) await createUser({ db: input.db, ...account });
  }
}

/**
 * The demo class's id is fixed: inserting it is what makes the seeding happen
 * once (the primary key decides, also between two servers starting at once),
 * and the rest is seeded in the same transaction, so a failed start leaves
 * nothing half made to be skipped next time.
 */
export const DEMO_CLASS_ID = "5eed0000-de30-4c1a-8000-000000000001";
export const DEMO_CLASS_NAME = "Demo class: Year 10 current affairs";

/**
 * The demo student's classmates: they cannot sign in (their passwords are
 * random and never shown) and exist so that the gradebook and the reports
 * have a class to show. Each one's `right` is the share of questions they get
 * right; `submittedAfterDue` is hours past the due date (a late attempt);
 * `attempts` > 1 gives a first, weaker try before the one that counts.
 */
type DemoStudent = {
  name: string;
  email: string;
  right: number;
  submittedAfterDue?: number;
  attempts?: number;
  skip?: boolean;
};
const CLASSMATES: DemoStudent[] = [
  { name: "Amara Okafor", email: "amara.okafor@demo.example.com", right: 0.9 },
  { name: "Ben Carter", email: "ben.carter@demo.example.com", right: 0.5 },
  { name: "Chloé Martin", email: "chloe.martin@demo.example.com", right: 0.8, attempts: 2 },
  { name: "Dev Patel", email: "dev.patel@demo.example.com", right: 0.7, submittedAfterDue: 3 },
  { name: "Elif Yilmaz", email: "elif.yilmaz@demo.example.com", right: 0, skip: true },
];
const DEMO_STUDENT_SHARE_RIGHT = 0.7;

const HOUR = 3_600_000;

/** What a student who knows the answer gives, or a plausible wrong one. */
function demoResponse(q: Question, right: boolean): Response {
  const a = q.answer;
  if (a.type === "single") {
    const wrong = q.options.find((o) => o.id !== a.optionId);
    return { optionId: right || !wrong ? a.optionId : wrong.id };
  }
  if (a.type === "multi") {
    if (right) return { optionIds: a.optionIds };
    const extra = q.options.find((o) => !a.optionIds.includes(o.id));
    return { optionIds: extra ? [...a.optionIds.slice(1), extra.id] : a.optionIds.slice(1) };
  }
  if (a.type === "text") return { text: right ? (a.accepted[0] ?? "") : "I am not sure" };
  if (right) return { pairs: a.pairs };
  // Two roles swapped: the rest still matched.
  const pairs = a.pairs.map((p) => ({ ...p }));
  if (pairs.length >= 2) [pairs[0]!.optionId, pairs[1]!.optionId] = [pairs[1]!.optionId, pairs[0]!.optionId];
  return { pairs };
}

export type DemoClassSeed = { seeded: false } | { seeded: true; joinCode: string; students: number };

/**
 * The demo teacher's class with the demo student and five classmates, one
 * assignment on the first shipped article (due yesterday, answers shown on
 * submitting, two attempts, 15 minutes), and submitted attempts: on time,
 * late, a second try, and one student with nothing (missing), so the
 * gradebook, the report and the student's own pages show something on a
 * first run. Idempotent: a second call finds the class and does nothing.
 */
export async function seedDemoClass(input: {
  db: Db;
  articleSlug: string;
  now?: Date;
}): Promise<DemoClassSeed> {
  const now = input.now ?? new Date();
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const found = await input.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(sql`lower(${users.email}) in (${sql.join(emails, sql`, `)})`);
  const teacher = found.find((u) => u.email.toLowerCase() === emails[0]);
  const student = found.find((u) => u.email.toLowerCase() === emails[1]);
  const [article] = await input.db
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.slug, input.articleSlug));
  if (!teacher || !student || !article) return { seeded: false };

  return input.db.transaction(async (tx): Promise<DemoClassSeed> => {
    let joinCode = "";
    for (let i = 0; !joinCode; i++) {
      const code = generateJoinCode();
      try {
        const made = await tx
          .insert(classes)
          .values({ id: DEMO_CLASS_ID, teacherId: teacher.id, name: DEMO_CLASS_NAME, joinCode: code })
          .onConflictDoNothing({ target: classes.id })
          .returning({ id: classes.id });
        if (made.length === 0) return { seeded: false };
        joinCode = code;
      } catch (e) {
        // Another class has this code (rare): draw again.
        if (!isUniqueViolation(e) || i >= 5) throw e;
      }
    }

    const members: (DemoStudent & { id: string })[] = [
      { name: "Demo Student", email: emails[1]!, right: DEMO_STUDENT_SHARE_RIGHT, id: student.id },
    ];
    for (const mate of CLASSMATES) {
      const made = await createUser({
        db: tx,
        name: mate.name,
        email: mate.email,
        password: crypto.randomBytes(24).toString("base64url"),
        role: "student",
      });
      // An address someone really signed up with is theirs: they are not put in the demo class.
      if (made.ok) members.push({ ...mate, id: made.user.id });
    }
    await tx
      .insert(classMembers)
      .values(members.map((m) => ({ classId: DEMO_CLASS_ID, studentId: m.id })))
      .onConflictDoNothing();

    // Due yesterday, on the hour: late, missing and on-time work all show.
    const dueAt = new Date(Math.floor((now.getTime() - 20 * HOUR) / HOUR) * HOUR);
    const assigned = await createAssignment({
      db: tx,
      teacherId: teacher.id,
      classId: DEMO_CLASS_ID,
      articleId: article.id,
      settings: {
        dueAt,
        attemptsAllowed: 2,
        counting: "best",
        reveal: "after_submit",
        timeLimitMinutes: 15,
        shuffle: false,
      },
    });
    if (!assigned.ok) throw new Error(`The demo assignment could not be made (${assigned.reason}).`);
    const [quiz] = await tx
      .select({ questions: quizzes.questions })
      .from(quizzes)
      .innerJoin(assignments, eq(assignments.quizId, quizzes.id))
      .where(eq(assignments.id, assigned.assignmentId));
    const questions = quiz!.questions;

    const random = mulberry32(2022);
    for (const [k, m] of members.entries()) {
      if (m.skip) continue;
      const tries = m.attempts ?? 1;
      for (let t = 0; t < tries; t++) {
        // The first of two tries is the weaker one; the best counts.
        const share = tries > 1 && t === 0 ? m.right / 2 : m.right;
        const startAt = new Date(
          dueAt.getTime() + (m.submittedAfterDue ?? -(30 - 2 * k)) * HOUR + t * 2 * HOUR,
        );
        const started = await startAssignmentAttempt({
          db: tx,
          studentId: m.id,
          assignmentId: assigned.assignmentId,
          now: startAt,
        });
        if (!started.ok) throw new Error(`A demo attempt could not start (${started.reason}).`);
        // Exactly this share right, the questions drawn at random (the same draw on every machine).
        const rightOnes = new Set(
          shuffle(
            questions.map((q) => q.id),
            random,
          ).slice(0, Math.round(share * questions.length)),
        );
        const answers = questions.map((q) => ({
          questionId: q.id,
          response: demoResponse(q, rightOnes.has(q.id)),
        }));
        await submitAttempt({
          db: tx,
          userId: m.id,
          attemptId: started.attemptId,
          answers,
          now: new Date(startAt.getTime() + (6 + ((k + t) % 5)) * 60_000),
        });
      }
    }
    return { seeded: true, joinCode, students: members.length };
  });
}
