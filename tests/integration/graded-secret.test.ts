/**
 * Graded quizzes stay secret (issues #12 and #14, finding 2): while a student
 * has an open assignment on an article, self-study of it is closed, in every
 * way it could show a question or a key.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assignments, classes } from "@/db/schema";
import { addTeacherArticle, getArticleBySlug } from "@/lib/articles/queries";
import { setExtension } from "@/lib/assignments/extensions";
import { closeAssignment, createAssignment, startAssignmentAttempt } from "@/lib/assignments/queries";
import type { AssignmentSettings } from "@/lib/assignments/form";
import { gradedLock } from "@/lib/attempts/graded-lock";
import { saveAnswers, submitAttempt } from "@/lib/attempts/grading";
import { startAttempt } from "@/lib/attempts/start";
import { getAttemptForUser } from "@/lib/attempts/views";
import { createClass, joinClass, removeStudent } from "@/lib/classes/queries";
import { prepareContent } from "@/lib/startup";
import { createUser } from "@/lib/users/accounts";
import { FAST_HASH, setupTestDatabase, uniqueEmail } from "../support/db";
import { ARTICLE_TEXT } from "../support/fuzz-kit";

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

let shippedId: string;
beforeAll(async () => {
  await prepareContent({ database: t.database(), seedDemo: false });
  shippedId = (await getArticleBySlug({
    db: t.db(),
    slug: "us-allies-weapons-ukraine-2022-10-12",
    viewerId: null,
  }))!.id;
});

const settings = (over: Partial<AssignmentSettings> = {}): AssignmentSettings => ({
  dueAt: new Date(Date.now() + 7 * DAY),
  attemptsAllowed: 2,
  counting: "best",
  reveal: "after_submit",
  timeLimitMinutes: null,
  shuffle: true,
  ...over,
});

/** A teacher, a class with one student, and an article the student can study. */
async function classroom(article: "shipped" | "teacher's own" = "shipped") {
  const teacher = await user("teacher");
  const student = await user("student");
  const klass = await createClass({ db: t.db(), teacherId: teacher, name: "Period 2" });
  await joinClass({ db: t.db(), studentId: student, code: klass.joinCode });
  let articleId = shippedId;
  if (article === "teacher's own") {
    const made = await addTeacherArticle({
      db: t.db(),
      ownerId: teacher,
      title: "Bridge vote",
      source: "",
      publishedOn: "",
      text: ARTICLE_TEXT,
    });
    if (!made.ok) throw new Error(made.reason);
    articleId = (await getArticleBySlug({ db: t.db(), slug: made.slug, viewerId: teacher }))!.id;
  }
  const assign = async (over: Partial<AssignmentSettings> = {}) => {
    const made = await createAssignment({
      db: t.db(),
      teacherId: teacher,
      classId: klass.id,
      articleId,
      settings: settings(over),
    });
    if (!made.ok) throw new Error(made.reason);
    return made.assignmentId;
  };
  return { teacher, student, classId: klass.id, articleId, assign };
}

const selfStudy = (userId: string, articleId: string, mode: "take" | "fresh" | "practice") =>
  startAttempt({ db: t.db(), userId, articleId, mode });

describe("self-study of an article while an assignment on it is open", () => {
  for (const kind of ["shipped", "teacher's own"] as const) {
    it(`is closed for take, new quiz and practice on a ${kind} article, and says which assignment`, async () => {
      const room = await classroom(kind);
      const assignmentId = await room.assign();
      for (const mode of ["take", "fresh", "practice"] as const)
        expect(await selfStudy(room.student, room.articleId, mode)).toEqual({
          ok: false,
          reason: "graded-open",
          assignmentId,
        });
    });
  }

  it("closes a self-study attempt started before the assignment: no resume, no save, no submit, no results", async () => {
    const room = await classroom();
    const earlier = await selfStudy(room.student, room.articleId, "take");
    if (!earlier.ok) throw new Error(earlier.reason);
    const finished = await selfStudy(room.student, room.articleId, "fresh");
    expect(finished).toMatchObject({ ok: true, resumed: true }); // the open one, before any assignment
    await room.assign();

    expect(await selfStudy(room.student, room.articleId, "take")).toMatchObject({ reason: "graded-open" });
    const view = (await getAttemptForUser({
      db: t.db(),
      userId: room.student,
      attemptId: earlier.attemptId,
    }))!;
    expect(view.lock).not.toBeNull();
    const question = view.quiz.questions[0]!;
    expect(
      await saveAnswers({
        db: t.db(),
        userId: room.student,
        attemptId: earlier.attemptId,
        answers: [{ questionId: question.id, response: null }],
      }),
    ).toEqual({ ok: false, reason: "graded-open" });
    expect(await submitAttempt({ db: t.db(), userId: room.student, attemptId: earlier.attemptId })).toEqual({
      ok: false,
      reason: "graded-open",
    });
  });

  it("opens again once the assignment is submitted and its answers are shown", async () => {
    const room = await classroom();
    const assignmentId = await room.assign({ reveal: "after_submit" });
    const started = await startAssignmentAttempt({ db: t.db(), studentId: room.student, assignmentId });
    if (!started.ok) throw new Error(started.reason);
    // In progress is not done.
    expect(await gradedLock({ db: t.db(), userId: room.student, articleId: room.articleId })).toBeDefined();
    await submitAttempt({ db: t.db(), userId: room.student, attemptId: started.attemptId });
    expect(await gradedLock({ db: t.db(), userId: room.student, articleId: room.articleId })).toBeUndefined();
    expect(await selfStudy(room.student, room.articleId, "take")).toMatchObject({ ok: true });
  });

  it("stays closed after submitting while the answers wait for the due date, and opens at it", async () => {
    const room = await classroom();
    const assignmentId = await room.assign({ reveal: "after_due" });
    const started = await startAssignmentAttempt({ db: t.db(), studentId: room.student, assignmentId });
    if (!started.ok) throw new Error(started.reason);
    await submitAttempt({ db: t.db(), userId: room.student, attemptId: started.attemptId });
    expect(await selfStudy(room.student, room.articleId, "take")).toMatchObject({ reason: "graded-open" });
    await t
      .db()
      .update(assignments)
      .set({ dueAt: new Date(Date.now() - 1000) })
      .where(eq(assignments.id, assignmentId));
    expect(await selfStudy(room.student, room.articleId, "take")).toMatchObject({ ok: true });
  });

  it("stays closed after the due date while a classmate's extension runs: the answers wait for it", async () => {
    const room = await classroom();
    const classmate = await user("student");
    const [klass] = await t.db().select().from(classes).where(eq(classes.id, room.classId));
    await joinClass({ db: t.db(), studentId: classmate, code: klass!.joinCode });
    const assignmentId = await room.assign({ reveal: "after_due" });
    const started = await startAssignmentAttempt({ db: t.db(), studentId: room.student, assignmentId });
    if (!started.ok) throw new Error(started.reason);
    await submitAttempt({ db: t.db(), userId: room.student, attemptId: started.attemptId });
    const extended = await setExtension({
      db: t.db(),
      teacherId: room.teacher,
      assignmentId,
      studentId: classmate,
      extension: { dueAt: new Date(Date.now() + 2 * DAY), timeMultiplier: null, extraAttempts: 0 },
    });
    if (!extended.ok) throw new Error(extended.reason);
    await t
      .db()
      .update(assignments)
      .set({ dueAt: new Date(Date.now() - 1000) })
      .where(eq(assignments.id, assignmentId));
    expect(await selfStudy(room.student, room.articleId, "take")).toMatchObject({ reason: "graded-open" });
  });

  it("stays closed between attempts 'after the last attempt', past the due date too, and opens after the last", async () => {
    const room = await classroom();
    const assignmentId = await room.assign({ reveal: "after_last_attempt", attemptsAllowed: 2 });
    const submitOne = async () => {
      const started = await startAssignmentAttempt({ db: t.db(), studentId: room.student, assignmentId });
      if (!started.ok) throw new Error(started.reason);
      await submitAttempt({ db: t.db(), userId: room.student, attemptId: started.attemptId });
    };
    await submitOne();
    expect(await selfStudy(room.student, room.articleId, "take")).toMatchObject({ reason: "graded-open" });
    // The due date shows nothing with this setting: late attempts are still taken.
    await t
      .db()
      .update(assignments)
      .set({ dueAt: new Date(Date.now() - 1000) })
      .where(eq(assignments.id, assignmentId));
    expect(await selfStudy(room.student, room.articleId, "take")).toMatchObject({ reason: "graded-open" });
    await submitOne();
    expect(await selfStudy(room.student, room.articleId, "take")).toMatchObject({ ok: true });
  });

  it("stays closed 'after the last attempt' while the student has an extra attempt left", async () => {
    const room = await classroom();
    const assignmentId = await room.assign({ reveal: "after_last_attempt", attemptsAllowed: 1 });
    const extended = await setExtension({
      db: t.db(),
      teacherId: room.teacher,
      assignmentId,
      studentId: room.student,
      extension: { dueAt: null, timeMultiplier: null, extraAttempts: 1 },
    });
    if (!extended.ok) throw new Error(extended.reason);
    const submitOne = async () => {
      const started = await startAssignmentAttempt({ db: t.db(), studentId: room.student, assignmentId });
      if (!started.ok) throw new Error(started.reason);
      await submitAttempt({ db: t.db(), userId: room.student, attemptId: started.attemptId });
      return started.attemptId;
    };
    const first = await submitOne();
    expect(await selfStudy(room.student, room.articleId, "take")).toMatchObject({ reason: "graded-open" });
    const view = await getAttemptForUser({ db: t.db(), userId: room.student, attemptId: first });
    expect(view!.assignment!.attemptsAllowed).toBe(2);
    await submitOne();
    expect(await selfStudy(room.student, room.articleId, "take")).toMatchObject({ ok: true });
  });

  it("stays closed past the due date for a student who has not submitted (late work is still open)", async () => {
    const room = await classroom();
    await room.assign({ dueAt: new Date(Date.now() - DAY), reveal: "after_due" });
    expect(await selfStudy(room.student, room.articleId, "take")).toMatchObject({ reason: "graded-open" });
  });

  it("opens when the teacher closes the assignment, and for a student no longer in the class", async () => {
    const room = await classroom();
    const assignmentId = await room.assign();
    expect(await closeAssignment({ db: t.db(), teacherId: room.teacher, assignmentId })).toMatchObject({
      ok: true,
    });
    expect(await selfStudy(room.student, room.articleId, "take")).toMatchObject({ ok: true });

    const other = await classroom();
    await other.assign();
    await removeStudent({
      db: t.db(),
      teacherId: other.teacher,
      classId: other.classId,
      studentId: other.student,
    });
    expect(await selfStudy(other.student, other.articleId, "take")).toMatchObject({ ok: true });
  });

  it("closes nothing for a student of another class, nor on another article", async () => {
    const room = await classroom("teacher's own");
    await room.assign();
    const outsider = await user("student");
    expect(await gradedLock({ db: t.db(), userId: outsider, articleId: room.articleId })).toBeUndefined();
    expect(await selfStudy(room.student, shippedId, "take")).toMatchObject({ ok: true });
  });
});
