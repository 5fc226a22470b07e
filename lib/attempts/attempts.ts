import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { articles, attemptAnswers, quizAttempts, quizzes, type Attempt, type QuizRow } from "@/db/schema";
import { analyzeArticle, generateQuiz, gradeAnswer, type Question, type Response } from "@/lib/quiz";
import { visibleTo } from "@/lib/articles/queries";
import { shuffledOptionOrder } from "./questions";

export const QUIZ_LENGTH = 10;

const isUuid = (id: string) => z.uuid().safeParse(id).success;

type StartResult = { attemptId: string; resumed: boolean } | { error: "not-found" | "no-questions" };

/**
 * Starts an attempt on an article, or resumes the open one: a student has at
 * most one attempt in progress per article (a partial unique index), so a
 * double click or a second tab lands on the same attempt.
 */
export async function startAttempt(input: {
  db: Db;
  userId: string;
  articleId: string;
  /** "fresh" makes a new quiz with another seed; "practice" one of the questions missed before. */
  mode: "take" | "fresh" | "practice";
}): Promise<StartResult> {
  const { db, userId, articleId } = input;
  if (!isUuid(articleId)) return { error: "not-found" };
  const open = await findOpenAttempt(db, userId, articleId);
  if (open) return { attemptId: open.id, resumed: true };

  const [article] = await db
    .select()
    .from(articles)
    .where(and(eq(articles.id, articleId), visibleTo(userId)))
    .limit(1);
  if (!article) return { error: "not-found" };

  let questions: Question[];
  let seed: number;
  let generatorVersion: string;
  if (input.mode === "practice") {
    questions = await missedQuestions({ db, userId, articleId });
    seed = 0;
    generatorVersion = "practice";
  } else {
    const [{ n } = { n: 0 }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.articleId, articleId)));
    // The first take of an article is the same quiz for everyone (seed 1); later ones differ.
    seed = input.mode === "take" && n === 0 ? 1 : 1 + n + Math.floor(Math.random() * 1_000_000);
    const quiz = generateQuiz(analyzeArticle(article.body), { seed, count: QUIZ_LENGTH });
    questions = quiz.questions;
    generatorVersion = quiz.generatorVersion;
  }
  if (questions.length === 0) return { error: "no-questions" };

  try {
    return await db.transaction(async (tx) => {
      const [quiz] = await tx
        .insert(quizzes)
        .values({
          articleId,
          kind: input.mode === "practice" ? "practice" : "standard",
          generatorVersion,
          seed,
          questions,
          createdBy: userId,
        })
        .returning({ id: quizzes.id });
      const [attempt] = await tx
        .insert(quizAttempts)
        .values({
          userId,
          articleId,
          quizId: quiz!.id,
          optionOrder: shuffledOptionOrder(questions),
          maxScore: questions.length,
        })
        .returning({ id: quizAttempts.id });
      return { attemptId: attempt!.id, resumed: false };
    });
  } catch (e) {
    // Lost a race with a second click: the other request's attempt is the one.
    if (!isUniqueViolation(e)) throw e;
    const winner = await findOpenAttempt(db, userId, articleId);
    if (!winner) throw e;
    return { attemptId: winner.id, resumed: true };
  }
}

async function findOpenAttempt(db: Executor, userId: string, articleId: string) {
  const [open] = await db
    .select({ id: quizAttempts.id })
    .from(quizAttempts)
    .where(
      and(
        eq(quizAttempts.userId, userId),
        eq(quizAttempts.articleId, articleId),
        eq(quizAttempts.status, "in_progress"),
        isNull(quizAttempts.assignmentId),
      ),
    )
    .limit(1);
  return open;
}

export type AttemptView = {
  attempt: Attempt;
  quiz: QuizRow;
  article: { id: string; slug: string; title: string; body: string };
  answers: Map<string, { response: Response | null; score: number | null; correct: boolean | null }>;
};

/** An attempt of this user; another user's id finds nothing (the page shows not-found). */
export async function getAttemptForUser(input: {
  db: Executor;
  userId: string;
  attemptId: string;
}): Promise<AttemptView | undefined> {
  if (!isUuid(input.attemptId)) return undefined;
  const [row] = await input.db
    .select({
      attempt: quizAttempts,
      quiz: quizzes,
      article: { id: articles.id, slug: articles.slug, title: articles.title, body: articles.body },
    })
    .from(quizAttempts)
    .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
    .innerJoin(articles, eq(articles.id, quizAttempts.articleId))
    .where(and(eq(quizAttempts.id, input.attemptId), eq(quizAttempts.userId, input.userId)))
    .limit(1);
  if (!row) return undefined;
  const rows = await input.db
    .select({
      questionId: attemptAnswers.questionId,
      response: attemptAnswers.response,
      score: attemptAnswers.score,
      correct: attemptAnswers.correct,
    })
    .from(attemptAnswers)
    .where(eq(attemptAnswers.attemptId, input.attemptId));
  return { ...row, answers: new Map(rows.map((r) => [r.questionId, r])) };
}

export type SaveResult = { ok: true } | { ok: false; reason: "not-found" | "submitted" | "bad-question" };

/**
 * Saves (or clears) one answer while the attempt is open. The attempt row is
 * locked so an answer can never slip in after the attempt was graded.
 */
export async function saveAnswers(input: {
  db: Db;
  userId: string;
  attemptId: string;
  answers: { questionId: string; response: Response | null }[];
}): Promise<SaveResult> {
  if (!isUuid(input.attemptId)) return { ok: false, reason: "not-found" };
  return input.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: quizAttempts.status, questions: quizzes.questions })
      .from(quizAttempts)
      .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
      .where(and(eq(quizAttempts.id, input.attemptId), eq(quizAttempts.userId, input.userId)))
      .for("update", { of: quizAttempts });
    if (!row) return { ok: false, reason: "not-found" };
    if (row.status !== "in_progress") return { ok: false, reason: "submitted" };
    const skills = new Map(row.questions.map((q) => [q.id, q.skill]));
    if (input.answers.some((a) => !skills.has(a.questionId))) return { ok: false, reason: "bad-question" };
    for (const a of input.answers) {
      if (a.response === null) {
        await tx
          .delete(attemptAnswers)
          .where(
            and(eq(attemptAnswers.attemptId, input.attemptId), eq(attemptAnswers.questionId, a.questionId)),
          );
        continue;
      }
      await tx
        .insert(attemptAnswers)
        .values({
          attemptId: input.attemptId,
          questionId: a.questionId,
          skill: skills.get(a.questionId)!,
          response: a.response,
        })
        .onConflictDoUpdate({
          target: [attemptAnswers.attemptId, attemptAnswers.questionId],
          set: { response: a.response, updatedAt: new Date() },
        });
    }
    return { ok: true };
  });
}

export type SubmitResult =
  | { ok: true; score: number; maxScore: number; alreadySubmitted: boolean }
  | { ok: false; reason: "not-found" };

/**
 * Grades an attempt once. The row lock serialises concurrent submits; the
 * first grades and flips the status, the others find it submitted and return
 * the same result. Grading happens on the server clock with the stored key.
 */
export async function submitAttempt(input: {
  db: Db;
  userId: string;
  attemptId: string;
  now?: Date;
}): Promise<SubmitResult> {
  if (!isUuid(input.attemptId)) return { ok: false, reason: "not-found" };
  return input.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ attempt: quizAttempts, questions: quizzes.questions })
      .from(quizAttempts)
      .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
      .where(and(eq(quizAttempts.id, input.attemptId), eq(quizAttempts.userId, input.userId)))
      .for("update", { of: quizAttempts });
    if (!row) return { ok: false, reason: "not-found" };
    if (row.attempt.status === "submitted") {
      return {
        ok: true,
        score: row.attempt.score ?? 0,
        maxScore: row.attempt.maxScore,
        alreadySubmitted: true,
      };
    }
    const saved = await tx
      .select({ questionId: attemptAnswers.questionId, response: attemptAnswers.response })
      .from(attemptAnswers)
      .where(eq(attemptAnswers.attemptId, input.attemptId));
    const responses = new Map(saved.map((s) => [s.questionId, s.response]));
    let total = 0;
    const graded = row.questions.map((q) => {
      const response = responses.get(q.id) ?? null;
      const grade = response ? gradeAnswer(q, response) : { score: 0, correct: false };
      total += grade.score;
      return {
        attemptId: input.attemptId,
        questionId: q.id,
        skill: q.skill,
        response,
        score: grade.score,
        correct: grade.correct,
      };
    });
    if (graded.length > 0) {
      await tx
        .insert(attemptAnswers)
        .values(graded)
        .onConflictDoUpdate({
          target: [attemptAnswers.attemptId, attemptAnswers.questionId],
          set: { score: sql`excluded.score`, correct: sql`excluded.correct` },
        });
    }
    const score = Math.round(total * 100) / 100;
    await tx
      .update(quizAttempts)
      .set({ status: "submitted", submittedAt: input.now ?? new Date(), score })
      .where(and(eq(quizAttempts.id, input.attemptId), eq(quizAttempts.status, "in_progress")));
    return { ok: true, score, maxScore: row.attempt.maxScore, alreadySubmitted: false };
  });
}

/**
 * Questions this student got wrong on this article and has not answered
 * right since. Question ids are stable across quizzes (kind + content hash),
 * so "since" holds across different quizzes of the same article.
 */
export async function missedQuestions(input: {
  db: Executor;
  userId: string;
  articleId: string;
}): Promise<Question[]> {
  const latest = await input.db.execute<{
    question_id: string;
    correct: boolean;
    questions: Question[] | string;
  }>(sql`
    select * from (
      select distinct on (aa.question_id) aa.question_id, aa.correct, q.questions
      from ${attemptAnswers} aa
      join ${quizAttempts} a on a.id = aa.attempt_id
      join ${quizzes} q on q.id = a.quiz_id
      where a.user_id = ${input.userId} and a.article_id = ${input.articleId} and a.status = 'submitted'
      order by aa.question_id, a.submitted_at desc
    ) latest
    where latest.correct = false`);
  const rows = (latest as unknown as { rows: { question_id: string; questions: Question[] | string }[] })
    .rows;
  const out: Question[] = [];
  for (const r of rows) {
    const questions = typeof r.questions === "string" ? (JSON.parse(r.questions) as Question[]) : r.questions;
    const q = questions.find((x) => x.id === r.question_id);
    if (q) out.push(q);
  }
  return out.slice(0, 20);
}

export async function countMissed(input: {
  db: Executor;
  userId: string;
  articleId: string;
}): Promise<number> {
  return (await missedQuestions(input)).length;
}

export async function latestAttemptsForArticle(input: { db: Executor; userId: string; articleId: string }) {
  return input.db
    .select({
      id: quizAttempts.id,
      status: quizAttempts.status,
      score: quizAttempts.score,
      maxScore: quizAttempts.maxScore,
      startedAt: quizAttempts.startedAt,
      submittedAt: quizAttempts.submittedAt,
    })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, input.userId), eq(quizAttempts.articleId, input.articleId)))
    .orderBy(desc(quizAttempts.startedAt))
    .limit(5);
}
