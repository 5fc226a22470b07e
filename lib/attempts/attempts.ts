import { and, desc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db, Executor, Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import {
  articles,
  assignments,
  attemptAnswers,
  quizAttempts,
  quizzes,
  type AssignmentRow,
  type Attempt,
  type QuizRow,
} from "@/db/schema";
import { analyzeArticle, generateQuiz, gradeAnswer, type Question, type Response } from "@/lib/quiz";
import { visibleTo } from "@/lib/articles/queries";
import { ok, refuse, type Result } from "@/lib/result";
import { shuffledOptionOrder } from "./shuffle";

export const QUIZ_LENGTH = 10;

export type StartResult = Result<{ attemptId: string; resumed: boolean }, "not-found" | "no-questions">;

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
    const quiz = generateQuiz(analyzeArticle(article.body), { seed, count: QUIZ_LENGTH });
    questions = quiz.questions;
    generatorVersion = quiz.generatorVersion;
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

/**
 * Whether the student may see this attempt's score and answers yet: always
 * when studying alone; for an assignment that reveals "after the due date",
 * only once it is due or closed (the SQL twin of isRevealed in
 * lib/assignments). Every student-facing aggregate filters on it, so a score
 * or a missed question never leaks early through progress or practice.
 */
export const revealedToStudent = sql`(${quizAttempts.assignmentId} is null or exists (
  select 1 from ${assignments} where ${assignments.id} = ${quizAttempts.assignmentId}
    and (${assignments.reveal} = 'after_submit' or ${assignments.dueAt} <= now() or ${assignments.closedAt} is not null)))`;

export type AttemptView = {
  attempt: Attempt;
  quiz: QuizRow;
  article: { id: string; slug: string; title: string; body: string };
  /** The class assignment this attempt belongs to; null when studying alone. */
  assignment: AssignmentRow | null;
  answers: Map<string, { response: Response | null; score: number | null; correct: boolean | null }>;
};

/** An attempt of this user; another user's id finds nothing (the page shows not-found). */
export async function getAttemptForUser(input: {
  db: Executor;
  userId: string;
  attemptId: string;
}): Promise<AttemptView | undefined> {
  const [row] = await input.db
    .select({
      attempt: quizAttempts,
      quiz: quizzes,
      article: { id: articles.id, slug: articles.slug, title: articles.title, body: articles.body },
      assignment: assignments,
    })
    .from(quizAttempts)
    .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
    .innerJoin(articles, eq(articles.id, quizAttempts.articleId))
    .leftJoin(assignments, eq(assignments.id, quizAttempts.assignmentId))
    .where(and(eq(quizAttempts.id, input.attemptId), eq(quizAttempts.userId, input.userId)))
    .limit(1);
  if (!row) return undefined;
  // A timed attempt past its limit, or in a closed assignment, is graded before it is shown.
  const ended =
    row.attempt.status === "in_progress" &&
    forcedEnding(
      { deadlineAt: row.attempt.deadlineAt, closedAt: row.assignment?.closedAt ?? null },
      new Date(),
    );
  if (ended && (await finalizeEndedAttempts({ db: input.db, attemptId: row.attempt.id })) > 0)
    return getAttemptForUser(input);
  return { ...row, answers: await answersOf(input.db, input.attemptId) };
}

/** An attempt's saved (or graded) answers by question id. Callers have checked who may read them. */
export async function answersOf(db: Executor, attemptId: string): Promise<AttemptView["answers"]> {
  const rows = await db
    .select({
      questionId: attemptAnswers.questionId,
      response: attemptAnswers.response,
      score: attemptAnswers.score,
      correct: attemptAnswers.correct,
    })
    .from(attemptAnswers)
    .where(eq(attemptAnswers.attemptId, attemptId));
  return new Map(rows.map((r) => [r.questionId, r]));
}

/** Seconds of network grace after a time limit: an answer sent at 0:00 still counts. */
export const DEADLINE_GRACE_MS = 5_000;

export type AttemptEnding = { endedBy: "student" | "time_limit" | "closed"; submittedAt: Date };

type LockedAttempt = {
  attempt: Attempt;
  questions: Question[];
  dueAt: Date | null;
  closedAt: Date | null;
};

/**
 * Reads an attempt with its quiz and assignment and locks the attempt row, so
 * saves, submits, a time limit and a teacher closing the assignment happen one
 * after the other. `userId` limits it to the student's own attempt.
 */
async function lockAttempt(tx: Tx, attemptId: string, userId?: string): Promise<LockedAttempt | undefined> {
  const [row] = await tx
    .select({
      attempt: quizAttempts,
      questions: quizzes.questions,
      dueAt: assignments.dueAt,
      closedAt: assignments.closedAt,
    })
    .from(quizAttempts)
    .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
    .leftJoin(assignments, eq(assignments.id, quizAttempts.assignmentId))
    .where(
      userId
        ? and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, userId))
        : eq(quizAttempts.id, attemptId),
    )
    .for("update", { of: quizAttempts });
  return row;
}

/** How an open attempt has already ended on the server clock, or null while it is still open. */
export function forcedEnding(
  row: { deadlineAt: Date | null; closedAt: Date | null },
  now: Date,
): AttemptEnding | null {
  if (row.closedAt && row.closedAt.getTime() <= now.getTime())
    return { endedBy: "closed", submittedAt: row.closedAt };
  if (row.deadlineAt && now.getTime() > row.deadlineAt.getTime() + DEADLINE_GRACE_MS)
    return { endedBy: "time_limit", submittedAt: row.deadlineAt };
  return null;
}

/** Grades a locked, open attempt with the answers saved so far and closes it. */
async function gradeLocked(
  tx: Tx,
  row: LockedAttempt,
  ending: AttemptEnding,
  given?: Map<string, Response | null>,
): Promise<number> {
  const attemptId = row.attempt.id;
  // Answers sent with the submit are stored by the statement that grades them;
  // otherwise (a time limit, a closed assignment) what was saved is what counts.
  const complete = given && row.questions.every((q) => given.has(q.id));
  const responses = complete
    ? given
    : new Map(
        (
          await tx
            .select({ questionId: attemptAnswers.questionId, response: attemptAnswers.response })
            .from(attemptAnswers)
            .where(eq(attemptAnswers.attemptId, attemptId))
        ).map((s) => [s.questionId, s.response]),
      );
  let total = 0;
  const graded = row.questions.map((q) => {
    const response = responses.get(q.id) ?? null;
    const grade = response ? gradeAnswer(q, response) : { score: 0, correct: false };
    total += grade.score;
    return {
      attemptId,
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
        set: {
          response: sql`excluded.response`,
          score: sql`excluded.score`,
          correct: sql`excluded.correct`,
        },
      });
  }
  const score = Math.round(total * 100) / 100;
  await tx
    .update(quizAttempts)
    .set({
      status: "submitted",
      submittedAt: ending.submittedAt,
      score,
      endedBy: ending.endedBy,
      late: row.dueAt ? ending.submittedAt.getTime() > row.dueAt.getTime() : false,
    })
    .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.status, "in_progress")));
  return score;
}

/** The questions of this user's attempt and whether it is still open: all a form post needs. */
export async function getAttemptQuestions(input: {
  db: Executor;
  userId: string;
  attemptId: string;
}): Promise<{ status: Attempt["status"]; questions: Question[] } | undefined> {
  const [row] = await input.db
    .select({ status: quizAttempts.status, questions: quizzes.questions })
    .from(quizAttempts)
    .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
    .where(and(eq(quizAttempts.id, input.attemptId), eq(quizAttempts.userId, input.userId)))
    .limit(1);
  return row;
}

export type SaveResult =
  { ok: true } | { ok: false; reason: "not-found" | "submitted" | "bad-question" | "time-up" | "closed" };

/**
 * Saves (or clears) answers while the attempt is open. The attempt row is
 * locked so an answer can never slip in after the attempt was graded; past a
 * time limit, or once the teacher closed the assignment, nothing more is
 * saved and the attempt is graded with what it had.
 */
export async function saveAnswers(input: {
  db: Db;
  userId: string;
  attemptId: string;
  answers: { questionId: string; response: Response | null }[];
  now?: Date;
}): Promise<SaveResult> {
  return input.db.transaction(async (tx) => {
    const row = await lockAttempt(tx, input.attemptId, input.userId);
    if (!row) return { ok: false, reason: "not-found" };
    if (row.attempt.status !== "in_progress") return { ok: false, reason: "submitted" };
    const ending = forcedEnding(
      { deadlineAt: row.attempt.deadlineAt, closedAt: row.closedAt },
      input.now ?? new Date(),
    );
    if (ending) {
      await gradeLocked(tx, row, ending);
      return { ok: false, reason: ending.endedBy === "closed" ? "closed" : "time-up" };
    }
    const skills = new Map(row.questions.map((q) => [q.id, q.skill]));
    if (input.answers.some((a) => !skills.has(a.questionId))) return { ok: false, reason: "bad-question" };
    // Last answer wins when a batch names a question twice; one statement each way.
    const latest = new Map(input.answers.map((a) => [a.questionId, a.response]));
    const cleared = [...latest].filter(([, r]) => r === null).map(([id]) => id);
    const given = [...latest].flatMap(([questionId, response]) =>
      response === null
        ? []
        : [{ attemptId: input.attemptId, questionId, skill: skills.get(questionId)!, response }],
    );
    if (cleared.length > 0) {
      await tx
        .delete(attemptAnswers)
        .where(
          and(eq(attemptAnswers.attemptId, input.attemptId), inArray(attemptAnswers.questionId, cleared)),
        );
    }
    if (given.length > 0) {
      await tx
        .insert(attemptAnswers)
        .values(given)
        .onConflictDoUpdate({
          target: [attemptAnswers.attemptId, attemptAnswers.questionId],
          set: { response: sql`excluded.response`, updatedAt: new Date() },
        });
    }
    return { ok: true };
  });
}

export type SubmitResult =
  | {
      ok: true;
      score: number;
      maxScore: number;
      alreadySubmitted: boolean;
      endedBy: AttemptEnding["endedBy"] | null;
    }
  | { ok: false; reason: "not-found" };

/**
 * Grades an attempt once. The row lock serialises concurrent submits; the
 * first grades and flips the status, the others find it submitted and return
 * the same result. Grading happens on the server clock with the stored key:
 * an attempt past its time limit is graded as it stood at the limit.
 */
export async function submitAttempt(input: {
  db: Db;
  userId: string;
  attemptId: string;
  now?: Date;
  /** The answers on the form being submitted, saved and graded in the same transaction. */
  answers?: { questionId: string; response: Response | null }[];
}): Promise<SubmitResult> {
  return input.db.transaction(async (tx) => {
    const row = await lockAttempt(tx, input.attemptId, input.userId);
    if (!row) return { ok: false, reason: "not-found" };
    if (row.attempt.status === "submitted") {
      return {
        ok: true,
        score: row.attempt.score ?? 0,
        maxScore: row.attempt.maxScore,
        alreadySubmitted: true,
        endedBy: row.attempt.endedBy,
      };
    }
    const now = input.now ?? new Date();
    const ending = forcedEnding({ deadlineAt: row.attempt.deadlineAt, closedAt: row.closedAt }, now) ?? {
      endedBy: "student" as const,
      submittedAt: now,
    };
    const given =
      ending.endedBy === "student" && input.answers
        ? new Map(input.answers.map((a) => [a.questionId, a.response]))
        : undefined;
    const score = await gradeLocked(tx, row, ending, given);
    return {
      ok: true,
      score,
      maxScore: row.attempt.maxScore,
      alreadySubmitted: false,
      endedBy: ending.endedBy,
    };
  });
}

/**
 * Grades open attempts that have already ended on the server clock (time
 * limit passed, or assignment closed) with what they saved. Pages that show
 * results call it first, so a student who closed the tab still gets graded.
 */
export async function finalizeEndedAttempts(input: {
  db: Executor;
  now?: Date;
  userId?: string;
  assignmentIds?: string[];
  classId?: string;
  attemptId?: string;
}): Promise<number> {
  const now = input.now ?? new Date();
  const scope = [
    input.userId ? eq(quizAttempts.userId, input.userId) : undefined,
    input.assignmentIds ? inArray(quizAttempts.assignmentId, input.assignmentIds) : undefined,
    input.classId ? eq(assignments.classId, input.classId) : undefined,
    input.attemptId ? eq(quizAttempts.id, input.attemptId) : undefined,
  ].filter((c) => c !== undefined);
  if (scope.length === 0 || input.assignmentIds?.length === 0) return 0;
  const due = await input.db
    .select({ id: quizAttempts.id })
    .from(quizAttempts)
    .leftJoin(assignments, eq(assignments.id, quizAttempts.assignmentId))
    .where(
      and(
        ...scope,
        eq(quizAttempts.status, "in_progress"),
        or(
          lt(quizAttempts.deadlineAt, new Date(now.getTime() - DEADLINE_GRACE_MS)),
          lte(assignments.closedAt, now),
        ),
      ),
    );
  let closed = 0;
  for (const { id } of due) {
    await input.db.transaction(async (tx) => {
      const row = await lockAttempt(tx, id);
      if (!row || row.attempt.status !== "in_progress") return;
      const ending = forcedEnding({ deadlineAt: row.attempt.deadlineAt, closedAt: row.closedAt }, now);
      if (!ending) return;
      await gradeLocked(tx, row, ending);
      closed++;
    });
  }
  return closed;
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
        and (a.assignment_id is null or exists (select 1 from ${assignments} s where s.id = a.assignment_id
          and (s.reveal = 'after_submit' or s.due_at <= now() or s.closed_at is not null)))
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
    .where(
      and(
        eq(quizAttempts.userId, input.userId),
        eq(quizAttempts.articleId, input.articleId),
        revealedToStudent,
      ),
    )
    .orderBy(desc(quizAttempts.startedAt))
    .limit(5);
}
