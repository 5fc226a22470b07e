/**
 * Fixing mistakes after students answered (issue #12): regrading a question
 * for everyone, a teacher's own score for one student, and what follows from
 * them (gradebook, exports, the student's results, progress); the item
 * analysis that points at mistakes; growth over time; and "answers after the
 * last attempt".
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  articles,
  assignments,
  attemptAnswers,
  classes,
  classMembers,
  questionRegrades,
  quizAttempts,
  quizzes,
  scoreOverrides,
  users,
} from "@/db/schema";
import { startAssignmentAttempt } from "@/lib/assignments/queries";
import { submitAttempt } from "@/lib/attempts/grading";
import { getAttemptForUser, missedQuestions } from "@/lib/attempts/views";
import { getAttemptForTeacher } from "@/lib/gradebook/attempt-review";
import { getAssignmentReport } from "@/lib/gradebook/assignment-report";
import { getGradebook } from "@/lib/gradebook/class-gradebook";
import { keyFromForm } from "@/lib/gradebook/correction-form";
import { overrideScore, regradeQuestion, type RegradeChange } from "@/lib/gradebook/corrections";
import { getClassGrowth } from "@/lib/gradebook/growth";
import { responsesForExport } from "@/lib/gradebook/responses-export";
import { masteryBySkill, scoreHistory } from "@/lib/progress/queries";
import type { Question, Response } from "@/lib/quiz";
import { setupTestDatabase, uniqueEmail } from "../support/db";
import { countQueries } from "../support/query-count";

const t = setupTestDatabase();

const QUESTIONS: Question[] = [
  {
    id: "q-single",
    kind: "who-said",
    skill: "attribution",
    prompt: "Who said the bridge would open in spring?",
    options: [
      { id: "a", text: "Ana Ruiz" },
      { id: "b", text: "Tom Hale" },
      { id: "c", text: "The clerk" },
    ],
    answer: { type: "single", optionId: "a" },
    explanation: "Ruiz said it on Tuesday.",
    evidence: [],
  },
  {
    id: "q-text",
    kind: "cloze",
    skill: "details",
    prompt: "The plan cost ____ million dollars.",
    options: [],
    answer: { type: "text", accepted: ["40"] },
    explanation: "The article says $40 million.",
    evidence: [],
  },
  {
    id: "q-multi",
    kind: "systems-sent",
    skill: "systems",
    prompt: "Which were sent?",
    options: [
      { id: "x", text: "HIMARS" },
      { id: "y", text: "Javelin" },
      { id: "z", text: "F-16" },
    ],
    answer: { type: "multi", optionIds: ["x", "y"] },
    explanation: "HIMARS and Javelin were sent.",
    evidence: [],
  },
];

let seq = 0;
const tag = () => `${Date.now().toString(36)}${process.pid}${++seq}`;

async function makeUsers(db: Db, n: number, role: "teacher" | "student") {
  return db
    .insert(users)
    .values(
      Array.from({ length: n }, (_, i) => ({
        name: `${role} ${String(i).padStart(2, "0")} ${tag()}`,
        email: uniqueEmail(role),
        role,
        passwordHash: "not-a-real-hash",
      })),
    )
    .returning({ id: users.id, name: users.name });
}

/** A teacher, a class of `n` students and an assignment of QUESTIONS (by the test's own quiz). */
async function classroom(
  n: number,
  settings: Partial<typeof assignments.$inferInsert> = {},
  questions: Question[] = QUESTIONS,
) {
  const db = t.db();
  const [teacher] = await makeUsers(db, 1, "teacher");
  const students = await makeUsers(db, n, "student");
  const [klass] = await db
    .insert(classes)
    .values({ teacherId: teacher!.id, name: `Class ${tag()}`, joinCode: tag().toUpperCase().slice(-12) })
    .returning();
  await db.insert(classMembers).values(students.map((s) => ({ classId: klass!.id, studentId: s.id })));
  const [article] = await db
    .insert(articles)
    .values({
      slug: `corrections-${tag()}`,
      title: `Bridge ${tag()}`,
      body: "x",
      wordCount: 1,
      ownerId: teacher!.id,
    })
    .returning();
  const assign = async (extra: Partial<typeof assignments.$inferInsert> = {}) => {
    const [quiz] = await db
      .insert(quizzes)
      .values({
        articleId: article!.id,
        kind: "assignment",
        generatorVersion: "test",
        seed: 1,
        questions,
        createdBy: teacher!.id,
      })
      .returning();
    const [assignment] = await db
      .insert(assignments)
      .values({
        classId: klass!.id,
        quizId: quiz!.id,
        articleId: article!.id,
        dueAt: new Date(Date.now() + 86_400_000),
        attemptsAllowed: 3,
        shuffle: false,
        ...settings,
        ...extra,
      })
      .returning();
    return assignment!;
  };
  const assignment = await assign();
  return { db, teacherId: teacher!.id, students, classId: klass!.id, assignment, assign };
}

/** A student's attempt, started and submitted with these answers (question id → response). */
async function take(
  db: Db,
  studentId: string,
  assignmentId: string,
  answers: Record<string, Response | null>,
  submit = true,
): Promise<string> {
  const started = await startAssignmentAttempt({ db, studentId, assignmentId });
  if (!started.ok) throw new Error(started.reason);
  if (submit)
    await submitAttempt({
      db,
      userId: studentId,
      attemptId: started.attemptId,
      // As the form posts it: every question, unanswered ones empty.
      answers: QUESTIONS.map((q) => ({ questionId: q.id, response: answers[q.id] ?? null })),
    });
  return started.attemptId;
}

const scoreOf = async (db: Db, attemptId: string) =>
  (
    await db
      .select({ score: quizAttempts.score, maxScore: quizAttempts.maxScore })
      .from(quizAttempts)
      .where(eq(quizAttempts.id, attemptId))
  )[0]!;

const form = (fields: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of fields) f.append(k, v);
  return f;
};
const newKey =
  (fields: [string, string][], accepted = "") =>
  (q: Question) =>
    keyFromForm(q, form(fields), accepted);

const ALL_RIGHT = {
  "q-single": { optionId: "a" },
  "q-text": { text: "40" },
  "q-multi": { optionIds: ["x", "y"] },
};

describe("regrading a question", () => {
  it("changes the key for everyone at once; the gradebook, the export and the student's results follow, the frozen quiz stays", async () => {
    const { db, teacherId, students, classId, assignment } = await classroom(3);
    const [s1, s2, s3] = students;
    const a1 = await take(db, s1!.id, assignment.id, { ...ALL_RIGHT, "q-single": { optionId: "a" } });
    const a2 = await take(db, s2!.id, assignment.id, { ...ALL_RIGHT, "q-single": { optionId: "b" } });
    const a3 = await take(db, s3!.id, assignment.id, { ...ALL_RIGHT, "q-single": { optionId: "c" } });
    expect((await scoreOf(db, a2)).score).toBe(2);

    const done = await regradeQuestion({
      db,
      teacherId,
      assignmentId: assignment.id,
      questionNumber: 1,
      change: {
        kind: "key",
        keyOf: newKey([["q_key", "b"]]),
        explanation: "Hale said it, after Ruiz spoke.",
      },
    });
    expect(done).toEqual({ ok: true, questionNumber: 1, rescored: 3 });
    expect(await Promise.all([a1, a2, a3].map((a) => scoreOf(db, a)))).toEqual([
      { score: 2, maxScore: 3 },
      { score: 3, maxScore: 3 },
      { score: 2, maxScore: 3 },
    ]);
    const [answer] = await db
      .select()
      .from(attemptAnswers)
      .where(and(eq(attemptAnswers.attemptId, a2), eq(attemptAnswers.questionId, "q-single")));
    expect(answer).toMatchObject({ score: 1, correct: true, response: { optionId: "b" } });

    // The frozen version is untouched: the regrade is its own row, with who made it.
    const [quiz] = await db.select().from(quizzes).where(eq(quizzes.id, assignment.quizId));
    expect(quiz!.questions).toEqual(QUESTIONS);
    const log = await db
      .select()
      .from(questionRegrades)
      .where(eq(questionRegrades.assignmentId, assignment.id));
    expect(log).toMatchObject([{ questionId: "q-single", kind: "key", teacherId }]);

    const gradebook = await getGradebook({ db, teacherId, classId });
    const s2Row = gradebook!.rows.find((r) => r.studentId === s2!.id)!;
    expect(s2Row.cells[0]!.percent).toBe(100);
    const exported = await responsesForExport({ db, teacherId, assignmentId: assignment.id });
    const row = exported!.rows.find((r) => r.attemptId === a2 && r.questionNumber === 1)!;
    expect(row).toMatchObject({ key: "Tom Hale", score: 1, correct: true, regrade: "key changed" });

    const view = await getAttemptForUser({ db, userId: s2!.id, attemptId: a2 });
    expect(view!.quiz.questions[0]).toMatchObject({
      answer: { type: "single", optionId: "b" },
      explanation: "Hale said it, after Ruiz spoke.",
    });
    expect(view!.corrections.regrades.get("q-single")?.kind).toBe("key");
    expect(view!.corrections.regradeLog).toHaveLength(1);

    // The report reads in as many queries with a regrade as without (five).
    const measured = await countQueries(db, () =>
      getAssignmentReport({ db, teacherId, assignmentId: assignment.id }),
    );
    expect(measured.queries).toBe(5);
    expect(measured.result!.items[0]).toMatchObject({ regrade: "key", key: "Tom Hale", right: 1 });
  });

  it("refuses a key that is the key already, or a new key without a new explanation, and writes nothing", async () => {
    const { db, teacherId, students, assignment } = await classroom(1);
    await take(db, students[0]!.id, assignment.id, ALL_RIGHT);
    const regrade = (change: RegradeChange) =>
      regradeQuestion({ db, teacherId, assignmentId: assignment.id, questionNumber: 1, change });
    expect(
      await regrade({ kind: "key", keyOf: newKey([["q_key", "a"]]), explanation: "Something new." }),
    ).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { key: [expect.stringContaining("key already")] },
    });
    expect(
      await regrade({
        kind: "key",
        keyOf: newKey([["q_key", "b"]]),
        explanation: "Ruiz said it on Tuesday.",
      }),
    ).toMatchObject({ ok: false, fieldErrors: { explanation: [expect.stringContaining("old answer")] } });
    expect(await regrade({ kind: "key", keyOf: newKey([]), explanation: "x" })).toMatchObject({
      ok: false,
      fieldErrors: { key: ["Choose the right option."] },
    });
    expect(await regrade({ kind: "accept", text: "Tom", explanation: "" })).toMatchObject({
      ok: false,
      fieldErrors: { kind: [expect.stringContaining("typed answer")] },
    });
    expect(await regrade({ kind: "original" })).toMatchObject({
      ok: false,
      fieldErrors: { kind: expect.any(Array) },
    });
    expect(
      await db.select().from(questionRegrades).where(eq(questionRegrades.assignmentId, assignment.id)),
    ).toEqual([]);
  });

  it("accepts another typed answer, compared as grading compares, once", async () => {
    const { db, teacherId, students, assignment } = await classroom(2);
    const a1 = await take(db, students[0]!.id, assignment.id, { ...ALL_RIGHT, "q-text": { text: "Forty!" } });
    const a2 = await take(db, students[1]!.id, assignment.id, { ...ALL_RIGHT, "q-text": { text: "fifty" } });
    const accept = (text: string) =>
      regradeQuestion({
        db,
        teacherId,
        assignmentId: assignment.id,
        questionNumber: 2,
        change: { kind: "accept", text, explanation: "" },
      });
    expect(await accept("forty")).toMatchObject({ ok: true, rescored: 2 });
    expect((await scoreOf(db, a1)).score).toBe(3);
    expect((await scoreOf(db, a2)).score).toBe(2);
    expect(await accept("FORTY")).toMatchObject({
      ok: false,
      fieldErrors: { accept: ["That answer is accepted already."] },
    });
    const report = await getAssignmentReport({ db, teacherId, assignmentId: assignment.id });
    expect(report!.assignment.questions[1]!.answer).toEqual({ type: "text", accepted: ["40", "forty"] });
    // The explanation was not touched: accepting a spelling keeps the reason.
    expect(report!.assignment.questions[1]!.explanation).toBe("The article says $40 million.");
  });

  it("gives full credit to everyone (blank answers too), drops a question from every maximum, and undoes", async () => {
    const { db, teacherId, students, assignment } = await classroom(3);
    const blank = await take(db, students[0]!.id, assignment.id, { ...ALL_RIGHT, "q-multi": null });
    const right = await take(db, students[1]!.id, assignment.id, ALL_RIGHT);
    const open = await take(db, students[2]!.id, assignment.id, {}, false);
    const regrade = (questionNumber: number, change: RegradeChange) =>
      regradeQuestion({ db, teacherId, assignmentId: assignment.id, questionNumber, change });

    expect(await regrade(3, { kind: "full_credit" })).toMatchObject({ ok: true, rescored: 2 });
    expect((await scoreOf(db, blank)).score).toBe(3);

    expect(await regrade(3, { kind: "drop" })).toMatchObject({ ok: true });
    expect(await scoreOf(db, blank)).toEqual({ score: 2, maxScore: 2 });
    expect(await scoreOf(db, right)).toEqual({ score: 2, maxScore: 2 });
    // The open attempt's maximum follows, and it is graded with the drop when it is submitted.
    expect((await scoreOf(db, open)).maxScore).toBe(2);
    await submitAttempt({
      db,
      userId: students[2]!.id,
      attemptId: open,
      answers: QUESTIONS.map((q) => ({
        questionId: q.id,
        response: q.id === "q-single" ? { optionId: "a" } : null,
      })),
    });
    expect(await scoreOf(db, open)).toEqual({ score: 1, maxScore: 2 });
    const [dropped] = await db
      .select()
      .from(attemptAnswers)
      .where(and(eq(attemptAnswers.attemptId, open), eq(attemptAnswers.questionId, "q-multi")));
    expect(dropped).toMatchObject({ score: null, correct: null });
    // A dropped question is no evidence of mastery.
    const mastery = await masteryBySkill({ db, userId: students[0]!.id });
    expect(mastery.map((m) => m.skill).sort()).toEqual(["attribution", "details"]);
    const exported = await responsesForExport({ db, teacherId, assignmentId: assignment.id });
    expect(exported!.rows.find((r) => r.attemptId === right && r.questionNumber === 3)).toMatchObject({
      score: null,
      regrade: "dropped from the score",
    });

    // The last counting question cannot go.
    expect(await regrade(2, { kind: "drop" })).toMatchObject({ ok: true });
    expect(await regrade(1, { kind: "drop" })).toMatchObject({
      ok: false,
      fieldErrors: { kind: ["At least one question must count towards the score."] },
    });

    expect(await regrade(3, { kind: "original" })).toMatchObject({ ok: true });
    expect(await regrade(2, { kind: "original" })).toMatchObject({ ok: true });
    expect(await scoreOf(db, blank)).toEqual({ score: 2, maxScore: 3 });
    expect(await scoreOf(db, right)).toEqual({ score: 3, maxScore: 3 });
    expect(
      (await db.select().from(questionRegrades).where(eq(questionRegrades.assignmentId, assignment.id))).map(
        (r) => r.kind,
      ),
    ).toEqual(["full_credit", "drop", "drop", "original", "original"]);
  });

  it("grades an attempt submitted after a regrade by the regrade", async () => {
    const { db, teacherId, students, assignment } = await classroom(1);
    await regradeQuestion({
      db,
      teacherId,
      assignmentId: assignment.id,
      questionNumber: 1,
      change: { kind: "key", keyOf: newKey([["q_key", "c"]]), explanation: "The clerk announced it." },
    });
    const later = await take(db, students[0]!.id, assignment.id, {
      ...ALL_RIGHT,
      "q-single": { optionId: "c" },
    });
    expect(await scoreOf(db, later)).toEqual({ score: 3, maxScore: 3 });
  });

  it("grades a submission that races a regrade by the regrade, whichever commits first", async () => {
    // On PostgreSQL the two transactions really overlap; the regrade locks every attempt first.
    const { db, teacherId, students, assignment } = await classroom(6);
    const open = await Promise.all(students.map((s) => take(db, s.id, assignment.id, {}, false)));
    const answers = QUESTIONS.map((q) => ({
      questionId: q.id,
      response: q.id === "q-single" ? { optionId: "b" } : null,
    }));
    await Promise.all([
      ...students.map((s, i) => submitAttempt({ db, userId: s.id, attemptId: open[i]!, answers })),
      regradeQuestion({
        db,
        teacherId,
        assignmentId: assignment.id,
        questionNumber: 1,
        change: { kind: "key", keyOf: newKey([["q_key", "b"]]), explanation: "Hale said it." },
      }),
    ]);
    expect(await Promise.all(open.map((a) => scoreOf(db, a)))).toEqual(
      open.map(() => ({ score: 1, maxScore: 3 })),
    );
  });

  it("finds nothing for another teacher, or a question the quiz does not have, and writes nothing", async () => {
    const { db, students, assignment } = await classroom(1);
    const attempt = await take(db, students[0]!.id, assignment.id, ALL_RIGHT);
    const [other] = await makeUsers(db, 1, "teacher");
    expect(
      await regradeQuestion({
        db,
        teacherId: other!.id,
        assignmentId: assignment.id,
        questionNumber: 1,
        change: { kind: "drop" },
      }),
    ).toEqual({ ok: false, reason: "not-found" });
    const owner = (await db.select().from(classes).where(eq(classes.id, assignment.classId)))[0]!.teacherId;
    expect(
      await regradeQuestion({
        db,
        teacherId: owner,
        assignmentId: assignment.id,
        questionNumber: 4,
        change: { kind: "drop" },
      }),
    ).toEqual({ ok: false, reason: "not-found" });
    expect(
      await overrideScore({
        db,
        teacherId: other!.id,
        attemptId: attempt,
        questionNumber: 1,
        score: 1,
        comment: "",
      }),
    ).toEqual({ ok: false, reason: "not-found" });
    expect(
      await db.select().from(questionRegrades).where(eq(questionRegrades.assignmentId, assignment.id)),
    ).toEqual([]);
    expect(await db.select().from(scoreOverrides).where(eq(scoreOverrides.attemptId, attempt))).toEqual([]);
    expect(await scoreOf(db, attempt)).toEqual({ score: 3, maxScore: 3 });
  });
});

describe("a teacher's own score for one student", () => {
  it("sets a question's or the attempt's score with a comment the student reads, keeps who and when, and hands back", async () => {
    const { db, teacherId, students, classId, assignment } = await classroom(1);
    const s = students[0]!;
    const attempt = await take(db, s.id, assignment.id, {
      ...ALL_RIGHT,
      "q-text": { text: "forty dollars" },
    });
    expect((await scoreOf(db, attempt)).score).toBe(2);
    const set = (questionNumber: number | null, score: number | null, comment = "") =>
      overrideScore({ db, teacherId, attemptId: attempt, questionNumber, score, comment });

    expect(await set(2, 1, "Right idea: the unit was not asked for.")).toEqual({ ok: true });
    expect((await scoreOf(db, attempt)).score).toBe(3);
    const view = await getAttemptForUser({ db, userId: s.id, attemptId: attempt });
    expect(view!.corrections.overrides.questions.get("q-text")).toMatchObject({
      score: 1,
      comment: "Right idea: the unit was not asked for.",
    });
    expect(view!.answers.get("q-text")).toMatchObject({ score: 1, correct: true });

    expect(await set(null, 2.5, "Late penalty")).toEqual({ ok: true });
    expect((await scoreOf(db, attempt)).score).toBe(2.5);
    const gradebook = await getGradebook({ db, teacherId, classId });
    expect(gradebook!.rows[0]!.cells[0]!.percent).toBe(83.3);

    // Back to grading: the attempt's sum again, the question's own score still set.
    expect(await set(null, null)).toEqual({ ok: true });
    expect((await scoreOf(db, attempt)).score).toBe(3);

    // A regrade afterwards leaves the teacher's own score for that question standing.
    await regradeQuestion({
      db,
      teacherId,
      assignmentId: assignment.id,
      questionNumber: 2,
      change: { kind: "accept", text: "41", explanation: "" },
    });
    expect((await scoreOf(db, attempt)).score).toBe(3);

    const teacherView = await getAttemptForTeacher({ db, teacherId, attemptId: attempt });
    const log = teacherView!.corrections.overrideLog;
    expect(log.map((e) => [e.questionId, e.score, e.comment])).toEqual([
      ["q-text", 1, "Right idea: the unit was not asked for."],
      [null, 2.5, "Late penalty"],
      [null, null, ""],
    ]);
    expect(log.every((e) => e.teacherName !== null && e.at instanceof Date)).toBe(true);
    const exported = await responsesForExport({ db, teacherId, assignmentId: assignment.id });
    expect(exported!.rows.find((r) => r.questionNumber === 2)!.teacherNote).toBe(
      "question score set to 1: Right idea: the unit was not asked for.",
    );
  });

  it("refuses an open attempt, a score over the maximum and a dropped question", async () => {
    const { db, teacherId, students, assignment } = await classroom(2);
    const open = await take(db, students[0]!.id, assignment.id, {}, false);
    const done = await take(db, students[1]!.id, assignment.id, ALL_RIGHT);
    const set = (attemptId: string, questionNumber: number | null, score: number | null) =>
      overrideScore({ db, teacherId, attemptId, questionNumber, score, comment: "" });
    expect(await set(open, 1, 1)).toEqual({ ok: false, reason: "not-submitted" });
    expect(await set(done, 1, 1.5)).toMatchObject({
      ok: false,
      fieldErrors: { score: ["A question's score is from 0 to 1."] },
    });
    expect(await set(done, null, 4)).toMatchObject({
      ok: false,
      fieldErrors: { score: ["The score is from 0 to 3."] },
    });
    expect(await set(done, 9, 1)).toEqual({ ok: false, reason: "not-found" });
    await regradeQuestion({
      db,
      teacherId,
      assignmentId: assignment.id,
      questionNumber: 3,
      change: { kind: "drop" },
    });
    expect(await set(done, 3, 1)).toMatchObject({ ok: false, fieldErrors: { form: expect.any(Array) } });
    expect(await db.select().from(scoreOverrides).where(eq(scoreOverrides.attemptId, done))).toEqual([]);
  });
});

describe("answers after the last attempt", () => {
  it("shows the score between attempts but keeps the answers out of practice and mastery until the last", async () => {
    const { db, students, assignment } = await classroom(1, {
      attemptsAllowed: 2,
      reveal: "after_last_attempt",
    });
    const s = students[0]!.id;
    const wrong = { ...ALL_RIGHT, "q-single": { optionId: "b" } };
    await take(db, s, assignment.id, wrong);
    expect((await scoreHistory({ db, userId: s })).map((h) => h.percent)).toEqual([66.7]);
    expect(await missedQuestions({ db, userId: s, articleId: assignment.articleId })).toEqual([]);
    expect(await masteryBySkill({ db, userId: s })).toEqual([]);
    await take(db, s, assignment.id, wrong);
    expect(
      (await missedQuestions({ db, userId: s, articleId: assignment.articleId })).map((q) => q.id),
    ).toEqual(["q-single"]);
    expect((await masteryBySkill({ db, userId: s })).length).toBe(3);
  });
});

describe("item analysis and growth", () => {
  it("counts how many chose each option over the counting attempts, with the flags", async () => {
    const { db, teacherId, students, assignment } = await classroom(10);
    // Six chose b, four chose a (the key); nobody chose c: most missed it, and c does no work.
    for (const [i, s] of students.entries())
      await take(db, s.id, assignment.id, { ...ALL_RIGHT, "q-single": { optionId: i < 4 ? "a" : "b" } });
    const report = await getAssignmentReport({ db, teacherId, assignmentId: assignment.id });
    const item = report!.items[0]!;
    expect(item.choices.map((c) => [c.text, c.count, c.rare])).toEqual([
      ["Ana Ruiz", 4, false],
      ["Tom Hale", 6, false],
      ["The clerk", 0, true],
    ]);
    expect(item.flags).toEqual(["most-missed", "rare-distractors"]);
    // Everyone scored the same on the rest, so the index says nothing.
    expect(item.discrimination).toBeNull();
  });

  it("follows each student's counting score across the class's assignments, oldest due date first", async () => {
    const { db, teacherId, students, classId, assignment, assign } = await classroom(2);
    const second = await assign({ dueAt: new Date(Date.now() + 2 * 86_400_000) });
    const [s1, s2] = students;
    await take(db, s1!.id, assignment.id, { "q-single": { optionId: "a" } });
    await take(db, s1!.id, second.id, ALL_RIGHT);
    await take(db, s2!.id, second.id, { "q-single": { optionId: "a" } });
    const growth = await getClassGrowth({ db, teacherId, classId });
    expect(growth!.assignments.map((a) => a.id)).toEqual([assignment.id, second.id]);
    const byId = new Map(growth!.students.map((s) => [s.studentId, s]));
    expect(byId.get(s1!.id)).toMatchObject({ first: 33.3, latest: 100, change: 66.7, submitted: 2 });
    expect(byId.get(s2!.id)).toMatchObject({ first: 33.3, latest: 33.3, change: null, submitted: 1 });
    expect(byId.get(s2!.id)!.cells.map((c) => c.status)).toEqual(["not_started", "submitted"]);
    expect(growth!.assignments.map((a) => a.average)).toEqual([33.3, 66.7]);
    const [other] = await makeUsers(db, 1, "teacher");
    expect(await getClassGrowth({ db, teacherId: other!.id, classId })).toBeUndefined();
  });
});
