/**
 * The reveal rule is written twice, in SQL (scoreRevealedToStudent and
 * revealedToStudent, for aggregates) and in JS (revealFor, for pages): here
 * both answer every case.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assignments, quizAttempts } from "@/db/schema";
import { getArticleBySlug } from "@/lib/articles/queries";
import { createAssignment, startAssignmentAttempt } from "@/lib/assignments/queries";
import {
  revealedToStudent,
  revealFor,
  scoreRevealedToStudent,
  submittedAtAssignment,
} from "@/lib/attempts/reveal";
import { submitAttempt } from "@/lib/attempts/grading";
import { startAttempt } from "@/lib/attempts/start";
import { createClass, joinClass } from "@/lib/classes/queries";
import { prepareContent } from "@/lib/startup";
import { createUser } from "@/lib/users/accounts";
import { FAST_HASH, setupTestDatabase, uniqueEmail } from "../support/db";

const t = setupTestDatabase();
const DAY = 86_400_000;

async function user(role: "teacher" | "student") {
  const r = await createUser({
    db: t.db(),
    name: role,
    email: uniqueEmail(role),
    password: "password123",
    role,
    hashParams: FAST_HASH,
  });
  if (!r.ok) throw new Error("user");
  return r.user.id;
}

let teacher: string;
let student: string;
let classId: string;
let articleId: string;

beforeAll(async () => {
  await prepareContent({ database: t.database(), seedDemo: false });
  teacher = await user("teacher");
  student = await user("student");
  const klass = await createClass({ db: t.db(), teacherId: teacher, name: "Reveal" });
  classId = klass.id;
  await joinClass({ db: t.db(), studentId: student, code: klass.joinCode });
  articleId = (await getArticleBySlug({
    db: t.db(),
    slug: "us-allies-weapons-ukraine-2022-10-12",
    viewerId: null,
  }))!.id;
});

describe("when a student may see an attempt's score and answers", () => {
  it("is the same in SQL and in JS for every setting, due date, closing and number of attempts submitted", async () => {
    const now = Date.now();
    const attemptIds: string[] = [];
    // Studying alone first: once assignments on the article are open, self-study of it is closed.
    const alone = await startAttempt({ db: t.db(), userId: student, articleId, mode: "take" });
    if (!alone.ok) throw new Error(alone.reason);
    attemptIds.push(alone.attemptId);
    for (const reveal of ["after_submit", "after_due", "after_last_attempt"] as const)
      for (const due of [-DAY, DAY])
        for (const closed of [false, true])
          for (const submitted of [1, 2]) {
            const made = await createAssignment({
              db: t.db(),
              teacherId: teacher,
              classId,
              articleId,
              settings: {
                dueAt: new Date(now + due),
                attemptsAllowed: 2,
                counting: "best",
                reveal,
                timeLimitMinutes: null,
                shuffle: false,
              },
            });
            if (!made.ok) throw new Error(made.reason);
            for (let k = 0; k < submitted; k++) {
              const started = await startAssignmentAttempt({
                db: t.db(),
                studentId: student,
                assignmentId: made.assignmentId,
              });
              if (!started.ok) throw new Error(started.reason);
              await submitAttempt({ db: t.db(), userId: student, attemptId: started.attemptId });
              attemptIds.push(started.attemptId);
            }
            if (closed)
              await t
                .db()
                .update(assignments)
                .set({ closedAt: new Date(now - DAY / 2) })
                .where(eq(assignments.id, made.assignmentId));
          }

    const rows = await t
      .db()
      .select({
        id: quizAttempts.id,
        score: sql<boolean>`${scoreRevealedToStudent}`,
        answers: sql<boolean>`${revealedToStudent}`,
        submitted: submittedAtAssignment,
        assignment: assignments,
      })
      .from(quizAttempts)
      .leftJoin(assignments, eq(assignments.id, quizAttempts.assignmentId))
      .where(inArray(quizAttempts.id, attemptIds));
    expect(rows).toHaveLength(1 + 3 * 2 * 2 * 3);
    const verdicts = rows.map((r) => ({
      id: r.id,
      setting: `${r.assignment?.reveal} due ${r.assignment?.dueAt.toISOString()} closed ${r.assignment?.closedAt !== null} submitted ${r.submitted}`,
      inSql: { score: r.score, answers: r.answers },
      inJs: r.assignment
        ? revealFor(r.assignment, { now: new Date(), submittedAttempts: r.submitted })
        : { score: true, answers: true },
    }));
    for (const v of verdicts) expect(v.inSql, v.setting).toEqual(v.inJs);
    // Every combination occurs: hidden both, score only (between attempts), and both shown.
    const shapes = new Set(verdicts.map((v) => `${v.inJs.score}/${v.inJs.answers}`));
    expect([...shapes].sort()).toEqual(["false/false", "true/false", "true/true"]);
    // Between attempts is "after the last attempt", open, with one of two attempts submitted, due or not.
    expect(verdicts.filter((v) => v.inJs.score && !v.inJs.answers)).toHaveLength(2);
  });
});
