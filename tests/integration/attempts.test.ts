import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { attemptAnswers, quizAttempts } from "@/db/schema";
import { getArticleBySlug } from "@/lib/articles/queries";
import { saveAnswers, submitAttempt } from "@/lib/attempts/grading";
import { startAttempt } from "@/lib/attempts/start";
import { getAttemptForUser, missedQuestions } from "@/lib/attempts/views";
import { fieldName, responseFromForm, toPublicQuestion } from "@/lib/attempts/answer-form";
import { masteryBySkill, progressByArticle, scoreHistory } from "@/lib/progress/queries";
import { gradeAnswer, type Question, type Response } from "@/lib/quiz";
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

async function student() {
  const r = await createUser({
    db: t.db(),
    name: "Student",
    email: uniqueEmail("s"),
    password: "password123",
    role: "student",
    hashParams: FAST_HASH,
  });
  if (!r.ok) throw new Error("user");
  return r.user.id;
}

function rightResponse(q: Question): Response {
  const a = q.answer;
  if (a.type === "single") return { optionId: a.optionId };
  if (a.type === "multi") return { optionIds: a.optionIds };
  if (a.type === "text") return { text: a.accepted[0]! };
  return { pairs: a.pairs };
}

function wrongResponse(q: Question): Response | null {
  const a = q.answer;
  if (a.type === "single") return { optionId: q.options.find((o) => o.id !== a.optionId)!.id };
  if (a.type === "text") return { text: "definitely not it" };
  return null;
}

describe("attempts", () => {
  it("starts an attempt and resumes it instead of making a second", async () => {
    const userId = await student();
    const first = await startAttempt({ db: t.db(), userId, articleId, mode: "take" });
    const again = await startAttempt({ db: t.db(), userId, articleId, mode: "take" });
    expect("attemptId" in first && "attemptId" in again && again.attemptId === first.attemptId).toBe(true);
    expect(again).toMatchObject({ resumed: true });
  });

  it("gives one attempt to concurrent starts (a double click)", async () => {
    const userId = await student();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => startAttempt({ db: t.db(), userId, articleId, mode: "take" })),
    );
    const ids = new Set(results.map((r) => ("attemptId" in r ? r.attemptId : "error")));
    expect(ids.size).toBe(1);
    const rows = await t.db().select().from(quizAttempts).where(eq(quizAttempts.userId, userId));
    expect(rows).toHaveLength(1);
  });

  it("hides another student's attempt and refuses to save into it", async () => {
    const owner = await student();
    const intruder = await student();
    const r = await startAttempt({ db: t.db(), userId: owner, articleId, mode: "take" });
    if (!("attemptId" in r)) throw new Error("no attempt");
    expect(await getAttemptForUser({ db: t.db(), userId: intruder, attemptId: r.attemptId })).toBeUndefined();
    const view = (await getAttemptForUser({ db: t.db(), userId: owner, attemptId: r.attemptId }))!;
    const q = view.quiz.questions[0]!;
    expect(
      await saveAnswers({
        db: t.db(),
        userId: intruder,
        attemptId: r.attemptId,
        answers: [{ questionId: q.id, response: rightResponse(q) }],
      }),
    ).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(await submitAttempt({ db: t.db(), userId: intruder, attemptId: r.attemptId })).toEqual({
      ok: false,
      reason: "not-found",
    });
  });

  it("keeps the answer key out of what the quiz page sends", async () => {
    const userId = await student();
    const r = await startAttempt({ db: t.db(), userId, articleId, mode: "take" });
    if (!("attemptId" in r)) throw new Error("no attempt");
    const view = (await getAttemptForUser({ db: t.db(), userId, attemptId: r.attemptId }))!;
    for (const q of view.quiz.questions) {
      const pub = toPublicQuestion(q, view.attempt.optionOrder[q.id]);
      const json = JSON.stringify(pub);
      expect(json).not.toContain('"answer"');
      expect(json).not.toContain('"explanation"');
      expect(json).not.toContain('"evidence"');
      if (q.answer.type === "text") for (const a of q.answer.accepted) expect(pub.prompt).not.toContain(a);
      expect(pub.options.map((o) => o.id).sort()).toEqual(q.options.map((o) => o.id).sort());
    }
  });

  it("autosaves answers, keeps the last one, and drops forged option ids", async () => {
    const userId = await student();
    const r = await startAttempt({ db: t.db(), userId, articleId, mode: "take" });
    if (!("attemptId" in r)) throw new Error("no attempt");
    const view = (await getAttemptForUser({ db: t.db(), userId, attemptId: r.attemptId }))!;
    const q = view.quiz.questions.find((x) => x.answer.type === "single")!;
    const forged = new FormData();
    forged.set(fieldName(q.id), "forged");
    expect(responseFromForm(toPublicQuestion(q), forged)).toBeNull();
    const wrong = wrongResponse(q)!;
    await saveAnswers({
      db: t.db(),
      userId,
      attemptId: r.attemptId,
      answers: [{ questionId: q.id, response: wrong }],
    });
    await saveAnswers({
      db: t.db(),
      userId,
      attemptId: r.attemptId,
      answers: [{ questionId: q.id, response: rightResponse(q) }],
    });
    const after = (await getAttemptForUser({ db: t.db(), userId, attemptId: r.attemptId }))!;
    expect(after.answers.get(q.id)?.response).toEqual(rightResponse(q));
    expect(after.answers.size).toBe(1);
  });

  it("grades once under concurrent submits, and a submitted attempt is read-only", async () => {
    const userId = await student();
    const r = await startAttempt({ db: t.db(), userId, articleId, mode: "take" });
    if (!("attemptId" in r)) throw new Error("no attempt");
    const view = (await getAttemptForUser({ db: t.db(), userId, attemptId: r.attemptId }))!;
    const qs = view.quiz.questions;
    await saveAnswers({
      db: t.db(),
      userId,
      attemptId: r.attemptId,
      answers: qs.map((q) => ({ questionId: q.id, response: rightResponse(q) })),
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => submitAttempt({ db: t.db(), userId, attemptId: r.attemptId })),
    );
    expect(results.filter((x) => x.ok && !x.alreadySubmitted)).toHaveLength(1);
    for (const x of results) expect(x).toMatchObject({ ok: true, score: qs.length, maxScore: qs.length });
    const [row] = await t.db().select().from(quizAttempts).where(eq(quizAttempts.id, r.attemptId));
    expect(row).toMatchObject({ status: "submitted", score: qs.length });
    expect(row?.submittedAt).toBeInstanceOf(Date);
    const again = await submitAttempt({ db: t.db(), userId, attemptId: r.attemptId, now: new Date(0) });
    expect(again).toMatchObject({ ok: true, alreadySubmitted: true, score: qs.length });
    const [still] = await t.db().select().from(quizAttempts).where(eq(quizAttempts.id, r.attemptId));
    expect(still?.submittedAt).toEqual(row?.submittedAt);
    const graded = await t
      .db()
      .select()
      .from(attemptAnswers)
      .where(eq(attemptAnswers.attemptId, r.attemptId));
    expect(graded).toHaveLength(qs.length);
    expect(graded.every((a) => a.correct === true && a.score === 1)).toBe(true);
    const saved = await saveAnswers({
      db: t.db(),
      userId,
      attemptId: r.attemptId,
      answers: [{ questionId: qs[0]!.id, response: null }],
    });
    expect(saved).toEqual({ ok: false, reason: "submitted" });
  });

  it("keeps the last answer when two tabs answer the same question, in turn and at once", async () => {
    const userId = await student();
    const r = await startAttempt({ db: t.db(), userId, articleId, mode: "take" });
    if (!("attemptId" in r)) throw new Error("no attempt");
    const view = (await getAttemptForUser({ db: t.db(), userId, attemptId: r.attemptId }))!;
    const q = view.quiz.questions.find((x) => x.answer.type === "single" && x.options.length >= 3)!;
    const pick = (i: number): Response => ({ optionId: q.options[i % q.options.length]!.id });
    const save = (response: Response) =>
      saveAnswers({ db: t.db(), userId, attemptId: r.attemptId, answers: [{ questionId: q.id, response }] });
    // Tab A, tab B, tab A again: the latest save wins, whichever tab made it.
    for (const i of [0, 1, 2]) expect(await save(pick(i))).toEqual({ ok: true });
    expect(
      (await getAttemptForUser({ db: t.db(), userId, attemptId: r.attemptId }))!.answers.get(q.id),
    ).toMatchObject({ response: pick(2) });
    // At once: one of them wins whole (never a mix, never two rows).
    await Promise.all([save(pick(0)), save(pick(1))]);
    const rows = await t.db().select().from(attemptAnswers).where(eq(attemptAnswers.attemptId, r.attemptId));
    expect(rows).toHaveLength(1);
    expect([pick(0), pick(1)]).toContainEqual(rows[0]!.response);
  });

  it("never leaves an answer saved after grading when saves race a submit", async () => {
    const userId = await student();
    const r = await startAttempt({ db: t.db(), userId, articleId, mode: "take" });
    if (!("attemptId" in r)) throw new Error("no attempt");
    const view = (await getAttemptForUser({ db: t.db(), userId, attemptId: r.attemptId }))!;
    const qs = view.quiz.questions;
    const saves = qs.flatMap((q) => [
      saveAnswers({
        db: t.db(),
        userId,
        attemptId: r.attemptId,
        answers: [{ questionId: q.id, response: wrongResponse(q) ?? rightResponse(q) }],
      }),
      saveAnswers({
        db: t.db(),
        userId,
        attemptId: r.attemptId,
        answers: [{ questionId: q.id, response: rightResponse(q) }],
      }),
    ]);
    const submit = submitAttempt({ db: t.db(), userId, attemptId: r.attemptId });
    const [graded, ...saved] = await Promise.all([submit, ...saves]);
    if (!graded.ok) throw new Error("not graded");
    for (const s of saved) expect([{ ok: true }, { ok: false, reason: "submitted" }]).toContainEqual(s);
    // Every stored answer is one that grading saw: its score is the grade of the stored response.
    const rows = await t.db().select().from(attemptAnswers).where(eq(attemptAnswers.attemptId, r.attemptId));
    let total = 0;
    for (const row of rows) {
      const q = qs.find((x) => x.id === row.questionId)!;
      expect(row.score).not.toBeNull();
      expect(row.score).toBe(row.response ? gradeAnswer(q, row.response).score : 0);
      total += row.score!;
    }
    expect(graded.score).toBeCloseTo(total);
    expect(
      await saveAnswers({
        db: t.db(),
        userId,
        attemptId: r.attemptId,
        answers: [{ questionId: qs[0]!.id, response: rightResponse(qs[0]!) }],
      }),
    ).toEqual({ ok: false, reason: "submitted" });
  });

  it("scores unanswered questions zero, practises what was missed, and tracks progress in SQL", async () => {
    const userId = await student();
    const r = await startAttempt({ db: t.db(), userId, articleId, mode: "take" });
    if (!("attemptId" in r)) throw new Error("no attempt");
    const view = (await getAttemptForUser({ db: t.db(), userId, attemptId: r.attemptId }))!;
    const qs = view.quiz.questions;
    const missed = qs.filter((q) => wrongResponse(q) !== null).slice(0, 2);
    const right = qs.filter((q) => !missed.includes(q));
    await saveAnswers({
      db: t.db(),
      userId,
      attemptId: r.attemptId,
      answers: [
        ...right.map((q) => ({ questionId: q.id, response: rightResponse(q) })),
        ...missed.map((q) => ({ questionId: q.id, response: wrongResponse(q) })),
      ],
    });
    const graded = await submitAttempt({ db: t.db(), userId, attemptId: r.attemptId });
    expect(graded).toMatchObject({ ok: true, score: right.length });

    const practice = await missedQuestions({ db: t.db(), userId, articleId });
    expect(practice.map((q) => q.id).sort()).toEqual(missed.map((q) => q.id).sort());

    const p = await startAttempt({ db: t.db(), userId, articleId, mode: "practice" });
    if (!("attemptId" in p)) throw new Error("no practice");
    const pv = (await getAttemptForUser({ db: t.db(), userId, attemptId: p.attemptId }))!;
    expect(pv.quiz.kind).toBe("practice");
    await saveAnswers({
      db: t.db(),
      userId,
      attemptId: p.attemptId,
      answers: pv.quiz.questions.map((q) => ({ questionId: q.id, response: rightResponse(q) })),
    });
    await submitAttempt({ db: t.db(), userId, attemptId: p.attemptId });
    expect(await missedQuestions({ db: t.db(), userId, articleId })).toEqual([]);

    const history = await scoreHistory({ db: t.db(), userId });
    expect(history.map((h) => h.percent)).toEqual([Math.round((1000 * right.length) / qs.length) / 10, 100]);
    const byArticle = await progressByArticle({ db: t.db(), userId });
    expect(byArticle).toHaveLength(1);
    expect(byArticle[0]).toMatchObject({ attempts: 2, best: 100, latest: 100 });
    const mastery = await masteryBySkill({ db: t.db(), userId });
    expect(mastery.reduce((n, m) => n + m.answered, 0)).toBe(qs.length + missed.length);
  });
});
