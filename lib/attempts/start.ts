import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { articles, quizAttempts, quizzes } from "@/db/schema";
import { visibleTo } from "@/lib/articles/queries";
import { quizOf } from "@/lib/analysis";
import { GENERATOR_VERSION, type Question } from "@/lib/quiz";
import { ok, refuse, type Result } from "@/lib/result";
import { gradedLock, type GradedLock } from "./graded-lock";
import { shuffledOptionOrder } from "./shuffle";
import { missedQuestions } from "./views";

/** Starting (or resuming) a quiz on an article when studying alone. Assignments start in lib/assignments. */

export const QUIZ_LENGTH = 10;

export type StartResult =
  | Result<{ attemptId: string; resumed: boolean }, "not-found" | "no-questions">
  | ({ ok: false; reason: "graded-open"; fieldErrors?: undefined } & GradedLock);

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
  // An open assignment on this article closes self-study of it, resuming included (lib/attempts/graded-lock.ts).
  const lock = await gradedLock({ db, userId, articleId });
  if (lock) return { ok: false, reason: "graded-open", ...lock };
  const open = await findOpenAttempt(db, userId, articleId);
  if (open) return ok({ attemptId: open.id, resumed: true });

  const [article] = await db
    .select()
    .from(articles)
    .where(and(eq(articles.id, articleId), visibleTo(userId)))
    .limit(1);
  if (!article) return refuse("not-found");

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
    // Analysed in a worker, and the analysis kept there (lib/analysis): not on the request thread.
    questions = await quizOf(article.body, { seed, count: QUIZ_LENGTH });
    generatorVersion = GENERATOR_VERSION;
  }
  if (questions.length === 0) return refuse("no-questions");

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
      return ok({ attemptId: attempt!.id, resumed: false });
    });
  } catch (e) {
    // Lost a race with a second click: the other request's attempt is the one.
    if (!isUniqueViolation(e)) throw e;
    const winner = await findOpenAttempt(db, userId, articleId);
    if (!winner) throw e;
    return ok({ attemptId: winner.id, resumed: true });
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
