import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { assignments, attemptAnswers, quizAttempts, quizzes } from "@/db/schema";
import { getArticleBySlug } from "@/lib/articles/queries";
import {
  closeAssignment,
  createAssignment,
  getAssignmentForStudent,
  listAssignmentsForClass,
  listAssignmentsForStudent,
  reopenAssignment,
  startAssignmentAttempt,
  type StudentAssignment,
} from "@/lib/assignments/queries";
import type { AssignmentSettings } from "@/lib/assignments/form";
import { finalizeEndedAttempts, saveAnswers, submitAttempt } from "@/lib/attempts/grading";
import { startAttempt } from "@/lib/attempts/start";
import { getAttemptForUser, latestAttemptsForArticle, missedQuestions } from "@/lib/attempts/views";
import { createClass, joinClass } from "@/lib/classes/queries";
import type { Question, Response } from "@/lib/quiz";
import { masteryBySkill, scoreHistory } from "@/lib/progress/queries";
import { saveQuestionEdit, setQuestionIncluded } from "@/lib/reviews/queries";
import { prepareContent } from "@/lib/startup";
import { createUser } from "@/lib/users/accounts";
import { FAST_HASH, setupTestDatabase, uniqueEmail } from "../support/db";

const t = setupTestDatabase();
let articleId: string;

beforeAll(async () => {
  await prepareContent({ database: t.database(), seedDemo: false });
  articleId = (await getArticleBySlug({
    db: t.db(),
    slug: "us-allies-weapons-ukraine-2022-10-12",
    viewerId: null,
  }))!.id;
});

async function user(role: "teacher" | "student") {
  const r = await createUser({
    db: t.db(),
    name: `${role} ${Math.random().toString(36).slice(2, 6)}`,
    email: uniqueEmail(role),
    password: "password123",
    role,
    hashParams: FAST_HASH,
  });
  if (!r.ok) throw new Error("user");
  return r.user.id;
}

const HOUR = 3_600_000;
// Far ahead of the real clock: reads that grade ended attempts use it (an earlier T0 turned these tests red on that day).
const T0 = new Date("2099-12-01T09:00:00Z");

function settings(over: Partial<AssignmentSettings> = {}): AssignmentSettings {
  return {
    dueAt: new Date(T0.getTime() + 24 * HOUR),
    attemptsAllowed: 1,
    counting: "best",
    reveal: "after_submit",
    timeLimitMinutes: null,
    shuffle: true,
    ...over,
  };
}

/** A teacher, a class with `n` students in it, and an assignment. */
async function classWithAssignment(over: Partial<AssignmentSettings> = {}, n = 1) {
  const teacher = await user("teacher");
  const klass = await createClass({ db: t.db(), teacherId: teacher, name: "Period 3" });
  const students: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = await user("student");
    await joinClass({ db: t.db(), studentId: s, code: klass.joinCode });
    students.push(s);
  }
  const made = await createAssignment({
    db: t.db(),
    teacherId: teacher,
    classId: klass.id,
    articleId,
    settings: settings(over),
  });
  if (!made.ok) throw new Error(made.reason);
  return { teacher, klass, students, assignmentId: made.assignmentId };
}

function rightAnswer(q: Question): Response {
  const a = q.answer;
  if (a.type === "single") return { optionId: a.optionId };
  if (a.type === "multi") return { optionIds: a.optionIds };
  if (a.type === "text") return { text: a.accepted[0]! };
  return { pairs: a.pairs };
}

async function questionsOf(attemptId: string, userId: string) {
  return (await getAttemptForUser({ db: t.db(), userId, attemptId }))!.quiz.questions;
}

describe("assignments", () => {
  it("freezes the quiz at assigning and gives each student their own order", async () => {
    const { students, assignmentId } = await classWithAssignment({}, 2);
    const [a, b] = students as [string, string];
    const ra = await startAssignmentAttempt({ db: t.db(), studentId: a, assignmentId, now: T0 });
    const rb = await startAssignmentAttempt({ db: t.db(), studentId: b, assignmentId, now: T0 });
    if (!ra.ok || !rb.ok) throw new Error("start");
    const va = (await getAttemptForUser({ db: t.db(), userId: a, attemptId: ra.attemptId }))!;
    const vb = (await getAttemptForUser({ db: t.db(), userId: b, attemptId: rb.attemptId }))!;
    expect(va.quiz.id).toBe(vb.quiz.id);
    expect(va.quiz.kind).toBe("assignment");
    expect(va.assignment?.id).toBe(assignmentId);
    expect([...va.attempt.questionOrder!].sort()).toEqual(va.quiz.questions.map((q) => q.id).sort());
    // A second click resumes; it never makes a second attempt.
    const again = await startAssignmentAttempt({ db: t.db(), studentId: a, assignmentId, now: T0 });
    expect(again).toEqual({ ok: true, attemptId: ra.attemptId, resumed: true });
    // Studying the same article alone is a separate attempt, not the assignment's.
    const own = await startAttempt({ db: t.db(), userId: a, articleId, mode: "take" });
    expect("attemptId" in own && own.attemptId).not.toBe(ra.attemptId);
  });

  it("keeps the authored order when shuffling is off", async () => {
    const { students, assignmentId } = await classWithAssignment({ shuffle: false });
    const r = await startAssignmentAttempt({ db: t.db(), studentId: students[0]!, assignmentId, now: T0 });
    if (!r.ok) throw new Error("start");
    const view = (await getAttemptForUser({ db: t.db(), userId: students[0]!, attemptId: r.attemptId }))!;
    expect(view.attempt.questionOrder).toBeNull();
    for (const q of view.quiz.questions)
      expect(view.attempt.optionOrder[q.id]).toEqual(q.options.map((o) => o.id));
  });

  it("limits attempts and counts the best or the latest", async () => {
    const { students, assignmentId } = await classWithAssignment({ attemptsAllowed: 2, counting: "latest" });
    const s = students[0]!;
    const scores: number[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await startAssignmentAttempt({ db: t.db(), studentId: s, assignmentId, now: T0 });
      if (!r.ok) throw new Error(r.reason);
      const qs = await questionsOf(r.attemptId, s);
      // First attempt all right, second attempt only the first question.
      const answers = (i === 0 ? qs : qs.slice(0, 1)).map((q) => ({
        questionId: q.id,
        response: rightAnswer(q),
      }));
      expect(await saveAnswers({ db: t.db(), userId: s, attemptId: r.attemptId, answers, now: T0 })).toEqual({
        ok: true,
      });
      const done = await submitAttempt({
        db: t.db(),
        userId: s,
        attemptId: r.attemptId,
        now: new Date(T0.getTime() + (i + 1) * HOUR),
      });
      if (!done.ok) throw new Error("submit");
      scores.push(done.score);
    }
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(await startAssignmentAttempt({ db: t.db(), studentId: s, assignmentId, now: T0 })).toEqual({
      ok: false,
      reason: "no-attempts-left",
    });
    const view = (await getAssignmentForStudent({ db: t.db(), studentId: s, assignmentId, now: T0 }))!;
    expect(view.status).toBe("submitted");
    expect(view.counting?.score).toBe(scores[1]);
    // The same attempts under "best" count the first, higher one (the gradebook's SQL rule).
    await t.db().update(assignments).set({ counting: "best" }).where(eq(assignments.id, assignmentId));
    const best = (await getAssignmentForStudent({ db: t.db(), studentId: s, assignmentId, now: T0 }))!;
    expect(best.counting?.score).toBe(scores[0]);
    expect(best.counting?.id).toBe(best.attempts[0]!.id);
  });

  it("marks a submission after the due date late, and a closed assignment takes no more work", async () => {
    const { teacher, students, assignmentId } = await classWithAssignment({}, 3);
    const [onTime, late, open] = students as [string, string, string];
    const due = new Date(T0.getTime() + 24 * HOUR);
    for (const [s, at] of [
      [onTime, T0],
      [late, new Date(due.getTime() + HOUR)],
    ] as const) {
      const r = await startAssignmentAttempt({ db: t.db(), studentId: s, assignmentId, now: at });
      if (!r.ok) throw new Error(r.reason);
      await submitAttempt({ db: t.db(), userId: s, attemptId: r.attemptId, now: at });
    }
    const rOpen = await startAssignmentAttempt({ db: t.db(), studentId: open, assignmentId, now: T0 });
    if (!rOpen.ok) throw new Error(rOpen.reason);
    const qs = await questionsOf(rOpen.attemptId, open);
    await saveAnswers({
      db: t.db(),
      userId: open,
      attemptId: rOpen.attemptId,
      answers: [{ questionId: qs[0]!.id, response: rightAnswer(qs[0]!) }],
      now: T0,
    });
    const after = new Date(due.getTime() + 2 * HOUR);
    expect(
      (await getAssignmentForStudent({ db: t.db(), studentId: onTime, assignmentId, now: after }))!.status,
    ).toBe("submitted");
    expect(
      (await getAssignmentForStudent({ db: t.db(), studentId: late, assignmentId, now: after }))!.status,
    ).toBe("late");
    // Another teacher cannot close it.
    const other = await user("teacher");
    expect(await closeAssignment({ db: t.db(), teacherId: other, assignmentId, now: after })).toMatchObject({
      ok: false,
    });
    expect(await closeAssignment({ db: t.db(), teacherId: teacher, assignmentId, now: after })).toMatchObject(
      { ok: true },
    );
    // The open attempt was graded with what it had saved, and marked as ended by closing.
    const [graded] = await t.db().select().from(quizAttempts).where(eq(quizAttempts.id, rOpen.attemptId));
    expect(graded).toMatchObject({ status: "submitted", endedBy: "closed", late: true });
    expect(graded!.score).toBeGreaterThan(0);
    // Nothing more is saved, and no new attempt starts.
    expect(
      await saveAnswers({ db: t.db(), userId: open, attemptId: rOpen.attemptId, answers: [], now: after }),
    ).toEqual({ ok: false, reason: "submitted" });
    const fresh = await user("student");
    expect(await startAssignmentAttempt({ db: t.db(), studentId: onTime, assignmentId, now: after })).toEqual(
      {
        ok: false,
        reason: "closed",
      },
    );
    expect(await startAssignmentAttempt({ db: t.db(), studentId: fresh, assignmentId, now: after })).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(await reopenAssignment({ db: t.db(), teacherId: teacher, assignmentId })).toMatchObject({
      ok: true,
    });
  });

  it("closes a timed attempt on the server clock and grades what was saved", async () => {
    const { students, assignmentId } = await classWithAssignment({ timeLimitMinutes: 10 });
    const s = students[0]!;
    const r = await startAssignmentAttempt({ db: t.db(), studentId: s, assignmentId, now: T0 });
    if (!r.ok) throw new Error(r.reason);
    const qs = await questionsOf(r.attemptId, s);
    const at = (min: number) => new Date(T0.getTime() + min * 60_000);
    expect(
      await saveAnswers({
        db: t.db(),
        userId: s,
        attemptId: r.attemptId,
        answers: [{ questionId: qs[0]!.id, response: rightAnswer(qs[0]!) }],
        now: at(9),
      }),
    ).toEqual({ ok: true });
    // After the limit, a save is refused and the attempt graded with the answer saved before it.
    expect(
      await saveAnswers({
        db: t.db(),
        userId: s,
        attemptId: r.attemptId,
        answers: qs.map((q) => ({ questionId: q.id, response: rightAnswer(q) })),
        now: at(11),
      }),
    ).toEqual({ ok: false, reason: "time-up" });
    const [row] = await t.db().select().from(quizAttempts).where(eq(quizAttempts.id, r.attemptId));
    expect(row).toMatchObject({ status: "submitted", endedBy: "time_limit", score: 1 });
    expect(row!.submittedAt?.toISOString()).toBe(at(10).toISOString());
    const answers = await t
      .db()
      .select()
      .from(attemptAnswers)
      .where(eq(attemptAnswers.attemptId, r.attemptId));
    expect(answers.filter((a) => a.response !== null)).toHaveLength(1);
  });

  it("grades an abandoned timed attempt when anyone next looks", async () => {
    const { students, assignmentId } = await classWithAssignment({ timeLimitMinutes: 5 });
    const s = students[0]!;
    const r = await startAssignmentAttempt({ db: t.db(), studentId: s, assignmentId, now: T0 });
    if (!r.ok) throw new Error(r.reason);
    const later = new Date(T0.getTime() + HOUR);
    expect(await finalizeEndedAttempts({ db: t.db(), assignmentIds: [assignmentId], now: later })).toBe(1);
    expect(await finalizeEndedAttempts({ db: t.db(), assignmentIds: [assignmentId], now: later })).toBe(0);
    const view = (await getAssignmentForStudent({ db: t.db(), studentId: s, assignmentId, now: later }))!;
    expect(view.status).toBe("submitted");
    expect(view.counting?.endedBy).toBe("time_limit");
    // A submit that arrives later returns the same graded result.
    const late = await submitAttempt({ db: t.db(), userId: s, attemptId: r.attemptId, now: later });
    expect(late).toMatchObject({ ok: true, alreadySubmitted: true, endedBy: "time_limit", score: 0 });
  });

  it("shows nothing that depends on a hidden score: no counting attempt, no scores, the same status whichever scored higher", async () => {
    const views = [];
    for (const higher of [0, 1]) {
      const { students, assignmentId } = await classWithAssignment({
        attemptsAllowed: 2,
        counting: "best",
        reveal: "after_due",
      });
      const s = students[0]!;
      for (let i = 0; i < 2; i++) {
        const started = new Date(T0.getTime() + i * 2 * HOUR);
        const r = await startAssignmentAttempt({ db: t.db(), studentId: s, assignmentId, now: started });
        if (!r.ok) throw new Error(r.reason);
        const qs = await questionsOf(r.attemptId, s);
        const answers = (i === higher ? qs : qs.slice(0, 1)).map((q) => ({
          questionId: q.id,
          response: rightAnswer(q),
        }));
        await saveAnswers({ db: t.db(), userId: s, attemptId: r.attemptId, answers, now: started });
        await submitAttempt({
          db: t.db(),
          userId: s,
          attemptId: r.attemptId,
          // The second attempt is late: "counts" or "late" would otherwise tell which scored higher.
          now: new Date(T0.getTime() + (i === 0 ? 1 : 30) * HOUR),
        });
      }
      const hidden = (await getAssignmentForStudent({ db: t.db(), studentId: s, assignmentId, now: T0 }))!;
      views.push(hidden);
      const shown = (await getAssignmentForStudent({
        db: t.db(),
        studentId: s,
        assignmentId,
        now: new Date(T0.getTime() + 48 * HOUR),
      }))!;
      // Control: once shown, the best attempt counts, and it is the one that scored higher.
      expect(shown.counting?.id).toBe(shown.attempts[higher]!.id);
    }
    for (const view of views) {
      expect(view.revealed).toEqual({ score: false, answers: false });
      expect(view.counting).toBeNull();
      expect(view.attempts.map((a) => a.score)).toEqual([null, null]);
    }
    const [a, b] = views as [StudentAssignment, StudentAssignment];
    expect({ status: a.status, overdue: a.overdue }).toEqual({ status: b.status, overdue: b.overdue });
  });

  it("hides answers until the due date when the teacher asks", async () => {
    const { students, assignmentId } = await classWithAssignment({ reveal: "after_due" });
    const s = students[0]!;
    const before = await getAssignmentForStudent({ db: t.db(), studentId: s, assignmentId, now: T0 });
    expect(before?.revealed).toEqual({ score: false, answers: false });
    const after = await getAssignmentForStudent({
      db: t.db(),
      studentId: s,
      assignmentId,
      now: new Date(T0.getTime() + 25 * HOUR),
    });
    expect(after?.revealed).toEqual({ score: true, answers: true });
  });

  it("shows each student only their classes' assignments, and each teacher only theirs", async () => {
    const a = await classWithAssignment({}, 1);
    const b = await classWithAssignment({}, 1);
    const mine = await listAssignmentsForStudent({ db: t.db(), studentId: a.students[0]!, now: T0 });
    expect(mine.map((x) => x.assignment.id)).toEqual([a.assignmentId]);
    expect(mine[0]).toMatchObject({ status: "not_started", overdue: false, attemptsLeft: 1 });
    expect(
      await getAssignmentForStudent({ db: t.db(), studentId: a.students[0]!, assignmentId: b.assignmentId }),
    ).toBeUndefined();
    expect(
      await startAssignmentAttempt({ db: t.db(), studentId: a.students[0]!, assignmentId: b.assignmentId }),
    ).toEqual({ ok: false, reason: "not-found" });
    expect(await listAssignmentsForClass({ db: t.db(), teacherId: a.teacher, classId: b.klass.id })).toEqual(
      [],
    );
    const listed = await listAssignmentsForClass({ db: t.db(), teacherId: a.teacher, classId: a.klass.id });
    expect(listed.map((x) => x.assignment.id)).toEqual([a.assignmentId]);
    // Another teacher cannot assign to this class.
    expect(
      await createAssignment({
        db: t.db(),
        teacherId: b.teacher,
        classId: a.klass.id,
        articleId,
        settings: settings(),
      }),
    ).toEqual({ ok: false, reason: "not-found" });
    // The frozen quiz row is never touched by later assignments.
    const [before] = await t.db().select().from(quizzes).where(eq(quizzes.id, listed[0]!.assignment.quizId));
    await createAssignment({
      db: t.db(),
      teacherId: a.teacher,
      classId: a.klass.id,
      articleId,
      settings: settings(),
    });
    const [after] = await t.db().select().from(quizzes).where(eq(quizzes.id, listed[0]!.assignment.quizId));
    expect(after).toEqual(before);
  });

  it("grades the answers sent with a submit in the same step, unless the time limit has passed", async () => {
    const { students, assignmentId } = await classWithAssignment({ timeLimitMinutes: 10 }, 2);
    const [onTime, tooLate] = students as [string, string];
    const at = (min: number) => new Date(T0.getTime() + min * 60_000);
    for (const [s, min] of [
      [onTime, 5],
      [tooLate, 30],
    ] as const) {
      const r = await startAssignmentAttempt({ db: t.db(), studentId: s, assignmentId, now: T0 });
      if (!r.ok) throw new Error(r.reason);
      const qs = await questionsOf(r.attemptId, s);
      const answers = qs.map((q, i) => ({ questionId: q.id, response: i < 3 ? rightAnswer(q) : null }));
      const done = await submitAttempt({
        db: t.db(),
        userId: s,
        attemptId: r.attemptId,
        answers,
        now: at(min),
      });
      const stored = await t
        .db()
        .select()
        .from(attemptAnswers)
        .where(eq(attemptAnswers.attemptId, r.attemptId));
      expect(stored).toHaveLength(qs.length);
      if (s === onTime) {
        expect(done).toMatchObject({ ok: true, score: 3, endedBy: "student" });
        expect(stored.filter((a) => a.response !== null)).toHaveLength(3);
      } else {
        // Past the limit the form's answers are not taken: nothing was saved in time.
        expect(done).toMatchObject({ ok: true, score: 0, endedBy: "time_limit" });
        expect(stored.filter((a) => a.response !== null)).toHaveLength(0);
      }
    }
  });

  it("assigns the teacher's reviewed questions, and later edits never reach an assignment already made", async () => {
    const { teacher, klass, assignmentId } = await classWithAssignment();
    const quizOf = async (id: string) => {
      const [row] = await t
        .db()
        .select({ questions: quizzes.questions })
        .from(quizzes)
        .innerJoin(assignments, eq(assignments.quizId, quizzes.id))
        .where(eq(assignments.id, id));
      return row!.questions;
    };
    const before = await quizOf(assignmentId);
    const edited = before.find((q) => q.answer.type === "single" && q.kind !== "true-false")!;
    const dropped = before.find((q) => q.id !== edited.id)!;
    expect(
      await setQuestionIncluded({
        db: t.db(),
        teacherId: teacher,
        articleId,
        questionId: dropped.id,
        included: false,
      }),
    ).toMatchObject({ ok: true });
    const saved = await saveQuestionEdit({
      db: t.db(),
      teacherId: teacher,
      articleId,
      questionId: edited.id,
      draft: {
        prompt: "Reworded by the teacher?",
        options: edited.options.map((o) => ({
          id: o.id,
          text: o.text,
          correct: edited.answer.type === "single" && o.id === edited.answer.optionId,
        })),
      },
    });
    expect(saved).toMatchObject({ ok: true });
    const second = await createAssignment({
      db: t.db(),
      teacherId: teacher,
      classId: klass.id,
      articleId,
      settings: settings(),
    });
    if (!second.ok) throw new Error(second.reason);
    const now = await quizOf(second.assignmentId);
    expect(now.map((q) => q.id)).not.toContain(dropped.id);
    expect(now.map((q) => q.id)).not.toContain(edited.id);
    expect(now.find((q) => q.prompt === "Reworded by the teacher?")).toBeDefined();
    expect(now).toHaveLength(before.length - 1);
    // The first assignment keeps exactly what it was given.
    expect(await quizOf(assignmentId)).toEqual(before);
  });

  it("keeps a hidden score out of progress, practice and the article page until the due date", async () => {
    const { students, assignmentId } = await classWithAssignment({
      reveal: "after_due",
      dueAt: new Date(Date.now() + 86_400_000),
    });
    const s = students[0]!;
    const r = await startAssignmentAttempt({ db: t.db(), studentId: s, assignmentId });
    if (!r.ok) throw new Error(r.reason);
    await submitAttempt({ db: t.db(), userId: s, attemptId: r.attemptId }); // nothing answered: all missed
    const seen = async () => ({
      history: (await scoreHistory({ db: t.db(), userId: s })).length,
      mastery: (await masteryBySkill({ db: t.db(), userId: s })).length,
      missed: (await missedQuestions({ db: t.db(), userId: s, articleId })).length,
      listed: (await latestAttemptsForArticle({ db: t.db(), userId: s, articleId })).length,
    });
    expect(await seen()).toEqual({ history: 0, mastery: 0, missed: 0, listed: 0 });
    // Once due, everything shows.
    await t
      .db()
      .update(assignments)
      .set({ dueAt: new Date(Date.now() - 1000) })
      .where(eq(assignments.id, assignmentId));
    const after = await seen();
    expect(after.history).toBe(1);
    expect(after.mastery).toBeGreaterThan(0);
    expect(after.missed).toBeGreaterThan(0);
    expect(after.listed).toBe(1);
  });
});
