import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  articles,
  assignments,
  attemptAnswers,
  classes,
  classMembers,
  quizAttempts,
  quizzes,
  users,
} from "@/db/schema";
import { toCsv } from "@/lib/csv";
import { getGradebook, gradebookCsvRows } from "@/lib/gradebook/class-gradebook";
import { getAssignmentForTeacher, getAssignmentReport } from "@/lib/gradebook/assignment-report";
import { getAttemptForTeacher } from "@/lib/gradebook/attempt-review";
import { responsesCsvRows, responsesForExport } from "@/lib/gradebook/responses-export";
import type { Question, Response } from "@/lib/quiz";
import { setupTestDatabase, uniqueEmail } from "../support/db";
import { countQueries } from "../support/query-count";

const t = setupTestDatabase();

const NOW = new Date("2026-03-10T12:00:00.000Z");
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

const QUESTIONS: Question[] = [
  {
    id: "q-single",
    kind: "who-said",
    skill: "attribution",
    prompt: "Who said the tanks would arrive soon?",
    options: [
      { id: "a", text: "Jens Stoltenberg" },
      { id: "b", text: "Lloyd Austin" },
      { id: "c", text: "Olaf Scholz" },
    ],
    answer: { type: "single", optionId: "a" },
    explanation: "Stoltenberg said it in Brussels.",
    evidence: [],
  },
  {
    id: "q-multi",
    kind: "systems-sent",
    skill: "systems",
    prompt: "Which systems were sent?",
    options: [
      { id: "a", text: "HIMARS" },
      { id: "b", text: "Javelin" },
      { id: "c", text: "F-16" },
      { id: "d", text: "Patriot" },
    ],
    answer: { type: "multi", optionIds: ["a", "b"] },
    explanation: "Only HIMARS and Javelin were delivered.",
    evidence: [],
  },
  {
    id: "q-text",
    kind: "cloze",
    skill: "details",
    prompt: "The meeting took place in ____.",
    options: [],
    answer: { type: "text", accepted: ["Kyiv"] },
    explanation: "The article names Kyiv.",
    evidence: [],
  },
  {
    id: "q-match",
    kind: "match-roles",
    skill: "roles",
    prompt: "Match each person to their role.",
    items: [
      { id: "i1", text: "Stoltenberg" },
      { id: "i2", text: "Austin" },
    ],
    options: [
      { id: "o1", text: "NATO Secretary General" },
      { id: "o2", text: "US Defense Secretary" },
      { id: "o3", text: "German Chancellor" },
    ],
    answer: {
      type: "match",
      pairs: [
        { itemId: "i1", optionId: "o1" },
        { itemId: "i2", optionId: "o2" },
      ],
    },
    explanation: "As the article says.",
    evidence: [],
  },
];

let seq = 0;
const tag = () => `${Date.now().toString(36)}${process.pid}${++seq}`;

async function makeUsers(db: Db, n: number, role: "teacher" | "student", prefix: string = role) {
  if (n === 0) return [];
  const rows = Array.from({ length: n }, (_, i) => ({
    name: `${prefix} ${String(i).padStart(4, "0")}`,
    email: uniqueEmail(role),
    role,
    passwordHash: "not-a-real-hash",
  }));
  return db.insert(users).values(rows).returning({ id: users.id, name: users.name, email: users.email });
}

async function makeClass(db: Db, teacherId: string, studentIds: string[]) {
  const [klass] = await db
    .insert(classes)
    .values({ teacherId, name: `Class ${tag()}`, joinCode: tag().toUpperCase().slice(-12) })
    .returning();
  if (studentIds.length) {
    await db.insert(classMembers).values(studentIds.map((studentId) => ({ classId: klass!.id, studentId })));
  }
  return klass!;
}

async function makeArticle(db: Db, ownerId: string) {
  const [article] = await db
    .insert(articles)
    .values({
      slug: `gradebook-${tag()}`,
      title: `Allies send = weapons ${tag()}`,
      body: "First paragraph.\n\nSecond paragraph.",
      wordCount: 4,
      ownerId,
    })
    .returning();
  return article!;
}

async function makeAssignments(
  db: Db,
  input: { classId: string; articleId: string; teacherId: string },
  specs: { dueAt: Date; counting?: "best" | "latest"; closedAt?: Date | null }[],
) {
  const [quiz] = await db
    .insert(quizzes)
    .values({
      articleId: input.articleId,
      kind: "assignment",
      generatorVersion: "test",
      seed: 1,
      questions: QUESTIONS,
      createdBy: input.teacherId,
    })
    .returning();
  return db
    .insert(assignments)
    .values(
      specs.map((s) => ({
        classId: input.classId,
        quizId: quiz!.id,
        articleId: input.articleId,
        dueAt: s.dueAt,
        counting: s.counting ?? "best",
        attemptsAllowed: 3,
        closedAt: s.closedAt ?? null,
      })),
    )
    .returning();
}

type AttemptSpec = {
  userId: string;
  assignment: { id: string; quizId: string; articleId: string };
  score?: number;
  submittedAt?: Date;
  startedAt?: Date;
  late?: boolean;
  inProgress?: boolean;
  answers?: Record<string, { response: Response | null; score: number; correct: boolean }>;
};

async function makeAttempts(db: Db, specs: AttemptSpec[]) {
  const ids: string[] = [];
  for (let i = 0; i < specs.length; i += 1000) {
    const chunk = specs.slice(i, i + 1000);
    const rows = await db
      .insert(quizAttempts)
      .values(
        chunk.map((s) => ({
          userId: s.userId,
          quizId: s.assignment.quizId,
          articleId: s.assignment.articleId,
          assignmentId: s.assignment.id,
          status: s.inProgress ? ("in_progress" as const) : ("submitted" as const),
          optionOrder: {},
          startedAt: s.startedAt ?? new Date((s.submittedAt ?? NOW).getTime() - 600_000),
          submittedAt: s.inProgress ? null : (s.submittedAt ?? days(-3)),
          score: s.inProgress ? null : (s.score ?? 0),
          maxScore: QUESTIONS.length,
          late: s.late ?? false,
          endedBy: s.inProgress ? null : ("student" as const),
        })),
      )
      .returning({ id: quizAttempts.id });
    ids.push(...rows.map((r) => r.id));
  }
  const answerRows = specs.flatMap((s, i) =>
    Object.entries(s.answers ?? {}).map(([questionId, a]) => ({
      attemptId: ids[i]!,
      questionId,
      skill: QUESTIONS.find((q) => q.id === questionId)!.skill,
      ...a,
    })),
  );
  for (let i = 0; i < answerRows.length; i += 2000) {
    await db.insert(attemptAnswers).values(answerRows.slice(i, i + 2000));
  }
  return ids;
}

const measured = countQueries;

describe("gradebook", () => {
  it("counts the best or the latest attempt, marks late, missing and in progress, and averages both ways", async () => {
    const db = t.db();
    const [teacher] = await makeUsers(db, 1, "teacher");
    const [a, b, c] = await makeUsers(db, 3, "student", `Pupil ${tag()}`);
    const klass = await makeClass(db, teacher!.id, [a!.id, b!.id, c!.id]);
    const article = await makeArticle(db, teacher!.id);
    // Made out of due order: the gradebook orders by due date.
    const [z, y, x] = await makeAssignments(
      db,
      { classId: klass.id, articleId: article.id, teacherId: teacher!.id },
      [{ dueAt: days(5) }, { dueAt: days(-1), counting: "latest" }, { dueAt: days(-2), counting: "best" }],
    );
    const [, aBest, , , bFirst] = await makeAttempts(db, [
      { userId: a!.id, assignment: x!, score: 2, submittedAt: days(-3) },
      { userId: a!.id, assignment: x!, score: 4, submittedAt: days(-1), late: true },
      { userId: a!.id, assignment: y!, score: 4, submittedAt: days(-3) },
      { userId: a!.id, assignment: y!, score: 1, submittedAt: days(-2) },
      { userId: b!.id, assignment: x!, score: 3, submittedAt: days(-4) },
      { userId: b!.id, assignment: x!, score: 3, submittedAt: days(-3) },
      { userId: b!.id, assignment: z!, inProgress: true },
      { userId: c!.id, assignment: x!, inProgress: true },
      { userId: c!.id, assignment: y!, score: 2, submittedAt: days(-2) },
      { userId: c!.id, assignment: z!, score: 4, submittedAt: hours(-1) },
    ]);

    const gb = (await getGradebook({ db, teacherId: teacher!.id, classId: klass.id, now: NOW }))!;
    expect(gb.assignments.map((col) => col.id)).toEqual([x!.id, y!.id, z!.id]);
    expect(gb.rows.map((r) => r.studentId)).toEqual([a!.id, b!.id, c!.id]);
    const cells = gb.rows.map((r) => r.cells.map((cell) => [cell.status, cell.percent]));
    expect(cells).toEqual([
      [
        ["late", 100],
        ["submitted", 25],
        ["not_started", null],
      ],
      [
        ["submitted", 75],
        ["missing", null],
        ["in_progress", null],
      ],
      [
        ["in_progress", null],
        ["submitted", 50],
        ["submitted", 100],
      ],
    ]);
    expect(gb.rows[0]!.cells[0]).toMatchObject({
      attemptId: aBest,
      score: 4,
      maxScore: 4,
      submittedAttempts: 2,
    });
    // A tie under "best" goes to the earlier submission.
    expect(gb.rows[1]!.cells[0]!.attemptId).toBe(bFirst);
    expect(gb.rows[2]!.cells[0]!.overdue).toBe(true);
    expect(gb.rows[1]!.cells[2]!.overdue).toBe(false);

    expect(gb.rows.map((r) => [r.average, r.averageWithMissing])).toEqual([
      [62.5, 62.5],
      [75, 37.5],
      [75, 50],
    ]);
    expect(
      gb.assignments.map((col) => [col.average, col.averageWithMissing, col.submitted, col.overdue]),
    ).toEqual([
      [87.5, 58.3, 2, 1],
      [37.5, 25, 2, 1],
      [100, 100, 1, 0],
    ]);
    expect([gb.average, gb.averageWithMissing]).toEqual([70, 50]);

    const csv = toCsv(gradebookCsvRows(gb));
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(3 + 2 + 1);
    // The article title starts "Allies send = weapons": fine in the middle of a cell.
    expect(lines[0]).toContain("Allies send = weapons");
    expect(lines[1]).toBe(`${a!.name},${a!.email},100,Submitted late,25,Submitted,,Not started,62.5,62.5`);
    expect(lines[3]).toBe(`${c!.name},${c!.email},,In progress (overdue),50,Submitted,100,Submitted,75,50`);
  });

  it("treats a closed assignment as over: nothing submitted is missing even before the due date", async () => {
    const db = t.db();
    const [teacher] = await makeUsers(db, 1, "teacher");
    const [s] = await makeUsers(db, 1, "student");
    const klass = await makeClass(db, teacher!.id, [s!.id]);
    const article = await makeArticle(db, teacher!.id);
    await makeAssignments(db, { classId: klass.id, articleId: article.id, teacherId: teacher!.id }, [
      { dueAt: days(3), closedAt: hours(-1) },
    ]);
    const gb = (await getGradebook({ db, teacherId: teacher!.id, classId: klass.id, now: NOW }))!;
    expect(gb.rows[0]!.cells[0]).toMatchObject({ status: "missing", overdue: true });
    expect(gb.rows[0]!.averageWithMissing).toBe(0);
    expect(gb.rows[0]!.average).toBeNull();
  });

  it("drops a student removed from the class from the gradebook, the report and the export", async () => {
    const db = t.db();
    const [teacher] = await makeUsers(db, 1, "teacher");
    const [stay, leave] = await makeUsers(db, 2, "student");
    const klass = await makeClass(db, teacher!.id, [stay!.id, leave!.id]);
    const article = await makeArticle(db, teacher!.id);
    const [asg] = await makeAssignments(
      db,
      { classId: klass.id, articleId: article.id, teacherId: teacher!.id },
      [{ dueAt: days(-1) }],
    );
    await makeAttempts(db, [
      { userId: stay!.id, assignment: asg!, score: 1 },
      { userId: leave!.id, assignment: asg!, score: 4 },
    ]);
    await db
      .delete(classMembers)
      .where(and(eq(classMembers.classId, klass.id), eq(classMembers.studentId, leave!.id)));
    const gb = (await getGradebook({ db, teacherId: teacher!.id, classId: klass.id, now: NOW }))!;
    expect(gb.rows.map((r) => r.studentId)).toEqual([stay!.id]);
    expect(gb.assignments[0]!.average).toBe(25);
    const report = (await getAssignmentReport({
      db,
      teacherId: teacher!.id,
      assignmentId: asg!.id,
      now: NOW,
    }))!;
    expect(report.students.map((s) => s.studentId)).toEqual([stay!.id]);
    expect(report.counts).toMatchObject({ students: 1, submitted: 1 });
    const exp = (await responsesForExport({ db, teacherId: teacher!.id, assignmentId: asg!.id }))!;
    expect(new Set(exp.rows.map((r) => r.email))).toEqual(new Set([stay!.email]));
  });
});

describe("assignment report", () => {
  it("analyses items and skills over each student's counting attempt", async () => {
    const db = t.db();
    const [teacher] = await makeUsers(db, 1, "teacher");
    const students = await makeUsers(db, 6, "student", `Reader ${tag()}`);
    const [s1, s2, s3, s4, s5, s6] = students;
    const klass = await makeClass(
      db,
      teacher!.id,
      students.map((s) => s.id),
    );
    const article = await makeArticle(db, teacher!.id);
    const [asg] = await makeAssignments(
      db,
      { classId: klass.id, articleId: article.id, teacherId: teacher!.id },
      [{ dueAt: days(-1) }],
    );
    const right = { score: 1, correct: true };
    const wrong = { score: 0, correct: false };
    const single = (optionId: string) => ({ response: { optionId }, ...(optionId === "a" ? right : wrong) });
    const none = { response: null, ...wrong };
    const [, , , , , , , s6Attempt] = await makeAttempts(db, [
      {
        userId: s1!.id,
        assignment: asg!,
        score: 4,
        submittedAt: days(-2),
        answers: {
          "q-single": single("a"),
          "q-multi": { response: { optionIds: ["a", "b"] }, ...right },
          "q-text": { response: { text: "Kyiv" }, ...right },
          "q-match": {
            response: {
              pairs: [
                { itemId: "i1", optionId: "o1" },
                { itemId: "i2", optionId: "o2" },
              ],
            },
            ...right,
          },
        },
      },
      {
        userId: s2!.id,
        assignment: asg!,
        score: 0.5,
        submittedAt: days(-2),
        answers: {
          "q-single": single("b"),
          "q-multi": { response: { optionIds: ["a", "c"] }, ...wrong },
          "q-text": { response: { text: "Kiev" }, ...wrong },
          "q-match": {
            response: {
              pairs: [
                { itemId: "i1", optionId: "o2" },
                { itemId: "i2", optionId: "o2" },
              ],
            },
            score: 0.5,
            correct: false,
          },
        },
      },
      {
        userId: s3!.id,
        assignment: asg!,
        score: 0.5,
        submittedAt: days(-2),
        answers: {
          "q-single": single("b"),
          "q-multi": { response: { optionIds: ["a", "b", "c"] }, score: 0.5, correct: false },
          "q-text": { response: { text: " the KIEV. " }, ...wrong },
          "q-match": {
            response: {
              pairs: [
                { itemId: "i1", optionId: "o2" },
                { itemId: "i2", optionId: "o1" },
              ],
            },
            ...wrong,
          },
        },
      },
      {
        userId: s4!.id,
        assignment: asg!,
        score: 0,
        submittedAt: days(-2),
        answers: {
          "q-single": single("c"),
          "q-multi": { response: { optionIds: ["c", "d"] }, ...wrong },
          "q-text": { response: { text: '=HYPERLINK("http://x")' }, ...wrong },
          "q-match": none,
        },
      },
      // No answer rows at all: counts as unanswered, scored 0.
      { userId: s5!.id, assignment: asg!, score: 0, submittedAt: days(-2) },
      // Earlier, worse attempts of s1 and s2: not counting, so their option "c" must not tip the analysis.
      {
        userId: s1!.id,
        assignment: asg!,
        score: 0,
        submittedAt: days(-3),
        answers: { "q-single": single("c"), "q-multi": { response: { optionIds: ["d"] }, ...wrong } },
      },
      {
        userId: s2!.id,
        assignment: asg!,
        score: 0,
        submittedAt: days(-3),
        answers: { "q-single": single("c"), "q-multi": { response: { optionIds: ["d"] }, ...wrong } },
      },
      { userId: s6!.id, assignment: asg!, inProgress: true, answers: { "q-single": single("c") } },
    ]);

    const report = (await getAssignmentReport({
      db,
      teacherId: teacher!.id,
      assignmentId: asg!.id,
      now: NOW,
    }))!;
    expect(report.counts).toEqual({
      students: 6,
      submitted: 5,
      late: 0,
      inProgress: 1,
      notStarted: 0,
      missing: 0,
    });
    const items = Object.fromEntries(report.items.map((i) => [i.questionId, i]));
    expect(items["q-single"]).toMatchObject({
      number: 1,
      attempts: 5,
      answered: 4,
      right: 1,
      shareRight: 20,
      key: "Jens Stoltenberg",
      mostChosenWrong: { text: "Lloyd Austin", count: 2 },
    });
    expect(items["q-multi"]).toMatchObject({
      right: 1,
      shareRight: 20,
      averageScore: 30,
      mostChosenWrong: { text: "F-16", count: 3 },
    });
    expect(items["q-text"]).toMatchObject({ right: 1, mostChosenWrong: { text: "Kiev", count: 2 } });
    expect(items["q-match"]).toMatchObject({
      answered: 3,
      right: 1,
      averageScore: 30,
      mostChosenWrong: { text: "Stoltenberg → US Defense Secretary", count: 2 },
    });
    expect(Object.fromEntries(report.skills.map((s) => [s.skill, s.percent]))).toEqual({
      attribution: 20,
      systems: 30,
      details: 20,
      roles: 30,
    });
    const byId = Object.fromEntries(report.students.map((s) => [s.studentId, s]));
    expect(byId[s1!.id]!.attempts.map((x) => [x.number, x.counting])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(byId[s6!.id]).toMatchObject({ status: "in_progress", counting: null });
    expect(byId[s6!.id]!.attempts[0]!.id).toBe(s6Attempt);

    const exp = (await responsesForExport({ db, teacherId: teacher!.id, assignmentId: asg!.id }))!;
    // Seven submitted attempts by four questions; the in-progress attempt is not exported.
    expect(exp.rows).toHaveLength(7 * 4);
    const injected = exp.rows.find((r) => r.response.startsWith("=HYPERLINK"))!;
    expect(injected).toMatchObject({
      questionNumber: 3,
      key: "Kyiv",
      score: 0,
      correct: false,
      email: s4!.email,
    });
    const csv = toCsv(responsesCsvRows(exp.rows));
    // Then the regrade and the teacher's note, empty here.
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"")",Kyiv,0,false,,\r\n`);
    expect(csv).toContain(",No answer,");
    expect(csv).not.toMatch(/,=/);
  });

  it("shows the teacher a student's attempt with the key, and no one else", async () => {
    const db = t.db();
    const [teacher, other] = await makeUsers(db, 2, "teacher");
    const [s] = await makeUsers(db, 1, "student");
    const klass = await makeClass(db, teacher!.id, [s!.id]);
    const article = await makeArticle(db, teacher!.id);
    const [asg] = await makeAssignments(
      db,
      { classId: klass.id, articleId: article.id, teacherId: teacher!.id },
      [{ dueAt: days(-1) }],
    );
    const [first, second] = await makeAttempts(db, [
      { userId: s!.id, assignment: asg!, score: 1, submittedAt: days(-3) },
      {
        userId: s!.id,
        assignment: asg!,
        score: 1,
        submittedAt: days(-2),
        answers: { "q-single": { response: { optionId: "a" }, score: 1, correct: true } },
      },
    ]);
    // A practice attempt of the same student on the teacher's article, outside any assignment.
    const [practice] = await db
      .insert(quizAttempts)
      .values({
        userId: s!.id,
        quizId: asg!.quizId,
        articleId: article.id,
        optionOrder: {},
        maxScore: 4,
        status: "submitted",
        score: 4,
        submittedAt: days(-1),
      })
      .returning();

    const view = (await getAttemptForTeacher({ db, teacherId: teacher!.id, attemptId: second! }))!;
    expect(view.student).toEqual({ id: s!.id, name: s!.name, email: s!.email });
    expect(view.attemptNumber).toBe(2);
    expect(view.assignment.id).toBe(asg!.id);
    expect(view.quiz.questions).toHaveLength(4);
    expect(view.answers.get("q-single")).toMatchObject({ correct: true });
    expect(
      (await getAttemptForTeacher({ db, teacherId: teacher!.id, attemptId: first! }))!.attemptNumber,
    ).toBe(1);

    for (const teacherId of [other!.id, s!.id]) {
      expect(await getGradebook({ db, teacherId, classId: klass.id, now: NOW })).toBeUndefined();
      expect(await getAssignmentReport({ db, teacherId, assignmentId: asg!.id, now: NOW })).toBeUndefined();
      expect(await getAssignmentForTeacher({ db, teacherId, assignmentId: asg!.id })).toBeUndefined();
      expect(await responsesForExport({ db, teacherId, assignmentId: asg!.id })).toBeUndefined();
      expect(await getAttemptForTeacher({ db, teacherId, attemptId: second! })).toBeUndefined();
    }
    expect(
      await getAttemptForTeacher({ db, teacherId: teacher!.id, attemptId: practice!.id }),
    ).toBeUndefined();
  });
});

describe("query count", () => {
  async function classOf(students: number, assignmentCount: number) {
    const db = t.db();
    const [teacher] = await makeUsers(db, 1, "teacher");
    const roster = await makeUsers(db, students, "student", `Bulk ${tag()}`);
    const klass = await makeClass(
      db,
      teacher!.id,
      roster.map((s) => s.id),
    );
    const article = await makeArticle(db, teacher!.id);
    const made = await makeAssignments(
      db,
      { classId: klass.id, articleId: article.id, teacherId: teacher!.id },
      Array.from({ length: assignmentCount }, (_, i) => ({ dueAt: days(i - assignmentCount / 2) })),
    );
    // Every student: one submitted attempt at each assignment, a second at the first, some with answers.
    const specs: AttemptSpec[] = [];
    roster.forEach((s, i) =>
      made.forEach((asg, j) => {
        if ((i + j) % 7 === 0) return;
        specs.push({
          userId: s.id,
          assignment: asg,
          score: (i + j) % 5,
          answers:
            j === 0 ? { "q-single": { response: { optionId: "b" }, score: 0, correct: false } } : undefined,
        });
      }),
    );
    for (const s of roster)
      specs.push({ userId: s.id, assignment: made[0]!, score: 4, submittedAt: days(-1) });
    await makeAttempts(db, specs);
    return { teacherId: teacher!.id, classId: klass.id, assignmentId: made[0]!.id };
  }

  it("reads a gradebook, a report and an export in the same number of queries for 3×2, 35×20 and 1,000 students", async () => {
    const db = t.db();
    const sizes = [
      [3, 2],
      [35, 20],
      [1000, 3],
    ] as const;
    const measures: { size: string; gradebook: number; report: number; csv: number; ms: number }[] = [];
    for (const [students, count] of sizes) {
      const c = await classOf(students, count);
      const started = performance.now();
      const gb = await measured(db, () =>
        getGradebook({ db, teacherId: c.teacherId, classId: c.classId, now: NOW }),
      );
      const report = await measured(db, () =>
        getAssignmentReport({ db, teacherId: c.teacherId, assignmentId: c.assignmentId, now: NOW }),
      );
      const exported = await measured(db, () =>
        responsesForExport({ db, teacherId: c.teacherId, assignmentId: c.assignmentId }),
      );
      const ms = Math.round(performance.now() - started);
      expect(exported.result!.rows.length).toBeGreaterThanOrEqual(students * 4);
      expect(gb.result!.rows).toHaveLength(students);
      expect(gb.result!.assignments).toHaveLength(count);
      expect(gb.result!.rows.every((r) => r.cells[0]!.percent === 100)).toBe(true);
      expect(report.result!.students).toHaveLength(students);
      expect(report.result!.items[0]!.attempts).toBe(students);
      measures.push({
        size: `${students}×${count}`,
        gradebook: gb.queries,
        report: report.queries,
        csv: exported.queries,
        ms,
      });
    }
    console.log("[gradebook] queries per read:", JSON.stringify(measures));
    // Four reads (students' exceptions ride along), plus the one that finds timed attempts past their limit to grade first.
    expect(measures[0]!.gradebook).toBe(5);
    expect(measures[0]!.report).toBe(5);
    for (const m of measures) {
      expect(m.gradebook).toBe(measures[0]!.gradebook);
      expect(m.report).toBe(measures[0]!.report);
      expect(m.csv).toBe(measures[0]!.csv);
    }
  }, 120_000);
});
