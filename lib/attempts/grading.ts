import { and, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Db, Executor, Tx } from "@/db/client";
import { assignments, attemptAnswers, quizAttempts, quizzes, type Attempt } from "@/db/schema";
import { studentDueAt } from "@/lib/assignments/due-dates";
import type { Question, Response } from "@/lib/quiz";
import { regradesOfAssignment } from "./corrections";
import { gradedLock } from "./graded-lock";
import { scoreAttempt, type RegradeState } from "./scoring";

/**
 * Saving, submitting and grading an attempt. Every write locks the attempt
 * row first (lockAttempt), so saves, submits, a time limit and a teacher
 * closing the assignment happen one after the other; an attempt is graded
 * once (gradeLocked flips the status in the same transaction).
 */

/** Seconds of network grace after a time limit: an answer sent at 0:00 still counts. */
const DEADLINE_GRACE_MS = 5_000;

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
      // The student's own due date when they have an extension: late is measured against it.
      dueAt: studentDueAt.mapWith(assignments.dueAt),
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

/** A self-study attempt while an assignment on its article is open for its student (lib/attempts/graded-lock.ts). */
async function selfStudyLocked(tx: Tx, row: LockedAttempt): Promise<boolean> {
  if (row.attempt.assignmentId !== null) return false;
  return Boolean(await gradedLock({ db: tx, userId: row.attempt.userId, articleId: row.attempt.articleId }));
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
): Promise<{ score: number; maxScore: number }> {
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
  // A regrade made before this attempt ended applies to it as to those already submitted.
  const regrades = row.attempt.assignmentId
    ? await regradesOfAssignment(tx, row.attempt.assignmentId)
    : new Map<string, RegradeState>();
  const scored = scoreAttempt({ questions: row.questions, responses, regrades });
  const skills = new Map(row.questions.map((q) => [q.id, q.skill]));
  const graded = scored.answers.map((a) => ({ attemptId, ...a, skill: skills.get(a.questionId)! }));
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
  const { score, maxScore } = scored;
  await tx
    .update(quizAttempts)
    .set({
      status: "submitted",
      submittedAt: ending.submittedAt,
      score,
      maxScore,
      endedBy: ending.endedBy,
      late: row.dueAt ? ending.submittedAt.getTime() > row.dueAt.getTime() : false,
    })
    .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.status, "in_progress")));
  return { score, maxScore };
}

export type SaveResult =
  | { ok: true }
  | { ok: false; reason: "not-found" | "submitted" | "bad-question" | "time-up" | "closed" | "graded-open" };

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
    if (await selfStudyLocked(tx, row)) return { ok: false, reason: "graded-open" };
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
  | { ok: false; reason: "not-found" | "graded-open" };

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
    // Submitting a self-study attempt would show its key: not while an assignment on the article is open.
    if (await selfStudyLocked(tx, row)) return { ok: false, reason: "graded-open" };
    const now = input.now ?? new Date();
    const ending = forcedEnding({ deadlineAt: row.attempt.deadlineAt, closedAt: row.closedAt }, now) ?? {
      endedBy: "student" as const,
      submittedAt: now,
    };
    const given =
      ending.endedBy === "student" && input.answers
        ? new Map(input.answers.map((a) => [a.questionId, a.response]))
        : undefined;
    const { score, maxScore } = await gradeLocked(tx, row, ending, given);
    return {
      ok: true,
      score,
      maxScore,
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
