import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
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
import type { Question, Response } from "@/lib/quiz";
import { lastDueAt, studentDueAt, studentExtraAttempts } from "@/lib/assignments/due-dates";
import { overrideEventsOf, regradeEventsOf } from "./corrections";
import { finalizeEndedAttempts, forcedEnding } from "./grading";
import { gradedLock, type GradedLock } from "./graded-lock";
import { revealedToStudent, scoreRevealedToStudent, submittedAtAssignment } from "./reveal";
import {
  currentOverrides,
  currentRegrades,
  effectiveQuestions,
  NO_OVERRIDES,
  type AttemptOverrides,
  type OverrideEvent,
  type RegradeEvent,
  type RegradeState,
} from "./scoring";

/** What a student reads of their own attempts. Timed attempts past their limit are graded before they are read. */

export type AttemptView = {
  attempt: Attempt;
  /** The quiz version, its questions as graded now (a regrade's key and explanation over the frozen ones). */
  quiz: QuizRow;
  article: { id: string; slug: string; title: string; body: string };
  /** The class assignment this attempt belongs to, with the student's own due date and attempts; null when studying alone. */
  assignment: AssignmentRow | null;
  /** When answers shown "after the due date" appear: the last due date of anyone on the assignment. */
  revealAfter: Date | null;
  /** For a self-study attempt: the open assignment on its article that closes it (and its results) for now. */
  lock: GradedLock | null;
  answers: Map<string, { response: Response | null; score: number | null; correct: boolean | null }>;
  corrections: AttemptCorrections;
};

/** What was corrected after the attempt was graded: regrades of its assignment, and teachers' scores for it. */
export type AttemptCorrections = {
  regrades: Map<string, RegradeState>;
  regradeLog: RegradeEvent[];
  overrides: AttemptOverrides;
  overrideLog: OverrideEvent[];
  /** The student's submitted attempts at the assignment (what "after the last attempt" counts). */
  submittedAttempts: number;
};

const NO_CORRECTIONS: AttemptCorrections = {
  regrades: new Map(),
  regradeLog: [],
  overrides: NO_OVERRIDES,
  overrideLog: [],
  submittedAttempts: 0,
};

/** An attempt's corrections. Two queries, for an attempt at an assignment; none for studying alone. */
export async function correctionsOf(
  db: Executor,
  attempt: Pick<Attempt, "id" | "assignmentId">,
  submittedAttempts: number,
): Promise<AttemptCorrections> {
  if (!attempt.assignmentId) return NO_CORRECTIONS;
  const [regrades, overrides] = await Promise.all([
    regradeEventsOf(db, [attempt.assignmentId]),
    overrideEventsOf(db, [attempt.id]),
  ]);
  const regradeLog = regrades.get(attempt.assignmentId) ?? [];
  const overrideLog = overrides.get(attempt.id) ?? [];
  return {
    regrades: currentRegrades(regradeLog),
    regradeLog,
    overrides: currentOverrides(overrideLog),
    overrideLog,
    submittedAttempts,
  };
}

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
      studentDueAt: studentDueAt.mapWith(assignments.dueAt),
      revealAfter: lastDueAt.mapWith(assignments.dueAt),
      extraAttempts: studentExtraAttempts,
      submittedAttempts: submittedAtAssignment,
    })
    .from(quizAttempts)
    .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
    .innerJoin(articles, eq(articles.id, quizAttempts.articleId))
    .leftJoin(assignments, eq(assignments.id, quizAttempts.assignmentId))
    .where(and(eq(quizAttempts.id, input.attemptId), eq(quizAttempts.userId, input.userId)))
    .limit(1);
  if (!row) return undefined;
  // The student's own due date and attempts (their exception, if any), as their pages show them.
  const assignment = row.assignment && {
    ...row.assignment,
    dueAt: row.studentDueAt ?? row.assignment.dueAt,
    attemptsAllowed: row.assignment.attemptsAllowed + Number(row.extraAttempts ?? 0),
  };
  // A timed attempt past its limit, or in a closed assignment, is graded before it is shown.
  const ended =
    row.attempt.status === "in_progress" &&
    forcedEnding(
      { deadlineAt: row.attempt.deadlineAt, closedAt: row.assignment?.closedAt ?? null },
      new Date(),
    );
  if (ended && (await finalizeEndedAttempts({ db: input.db, attemptId: row.attempt.id })) > 0)
    return getAttemptForUser(input);
  const { submittedAttempts, studentDueAt: _own, extraAttempts: _extra, ...view } = row;
  const [answers, corrections, lock] = await Promise.all([
    answersOf(input.db, input.attemptId),
    correctionsOf(input.db, row.attempt, submittedAttempts),
    row.assignment
      ? undefined
      : gradedLock({ db: input.db, userId: input.userId, articleId: row.attempt.articleId }),
  ]);
  return {
    ...view,
    assignment,
    quiz: { ...row.quiz, questions: effectiveQuestions(row.quiz.questions, corrections.regrades) },
    answers,
    corrections,
    lock: lock ?? null,
  };
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

/** The questions of this user's attempt and whether it is still open: all a form post needs. */
export async function getAttemptQuestions(input: {
  db: Executor;
  userId: string;
  attemptId: string;
}): Promise<
  | { id: string; status: Attempt["status"]; optionOrder: Attempt["optionOrder"]; questions: Question[] }
  | undefined
> {
  const [row] = await input.db
    .select({
      id: quizAttempts.id,
      status: quizAttempts.status,
      optionOrder: quizAttempts.optionOrder,
      questions: quizzes.questions,
    })
    .from(quizAttempts)
    .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
    .where(and(eq(quizAttempts.id, input.attemptId), eq(quizAttempts.userId, input.userId)))
    .limit(1);
  return row;
}

/**
 * Questions this student got wrong on this article and has not answered
 * right since, among the attempts whose answers they may see. Question ids
 * are stable across quizzes (kind + content hash), so "since" holds across
 * different quizzes of the same article.
 */
export async function missedQuestions(input: {
  db: Executor;
  userId: string;
  articleId: string;
}): Promise<Question[]> {
  const latest = await input.db
    .selectDistinctOn([attemptAnswers.questionId], {
      questionId: attemptAnswers.questionId,
      correct: attemptAnswers.correct,
      questions: quizzes.questions,
    })
    .from(attemptAnswers)
    .innerJoin(quizAttempts, eq(quizAttempts.id, attemptAnswers.attemptId))
    .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
    .where(
      and(
        eq(quizAttempts.userId, input.userId),
        eq(quizAttempts.articleId, input.articleId),
        eq(quizAttempts.status, "submitted"),
        revealedToStudent,
      ),
    )
    .orderBy(attemptAnswers.questionId, desc(quizAttempts.submittedAt));
  return latest
    .filter((r) => r.correct === false)
    .flatMap((r) => r.questions.find((q) => q.id === r.questionId) ?? [])
    .slice(0, 20);
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
        scoreRevealedToStudent,
      ),
    )
    .orderBy(desc(quizAttempts.startedAt))
    .limit(5);
}
