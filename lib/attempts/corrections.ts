import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor, Tx } from "@/db/client";
import { attemptAnswers, questionRegrades, quizAttempts, scoreOverrides, users } from "@/db/schema";
import type { Question, Response } from "@/lib/quiz/types";
import {
  currentOverrides,
  currentRegrades,
  scoreAttempt,
  type OverrideEvent,
  type RegradeEvent,
  type RegradeState,
} from "./scoring";

/**
 * Reading the corrections grading applies (regrades per assignment, teachers'
 * scores per attempt) and storing their effect. Callers have checked who may
 * read or change them: these functions take ids they trust.
 */

export type Regrades = Map<string, RegradeState>;

/** Every assignment's regrade history, oldest first. One query. */
export async function regradeEventsOf(
  db: Executor,
  assignmentIds: string[],
): Promise<Map<string, RegradeEvent[]>> {
  const out = new Map<string, RegradeEvent[]>();
  if (assignmentIds.length === 0) return out;
  const rows = await db
    .select({
      assignmentId: questionRegrades.assignmentId,
      seq: questionRegrades.seq,
      questionId: questionRegrades.questionId,
      kind: questionRegrades.kind,
      answer: questionRegrades.answer,
      explanation: questionRegrades.explanation,
      at: questionRegrades.createdAt,
      teacherName: users.name,
    })
    .from(questionRegrades)
    .leftJoin(users, eq(users.id, questionRegrades.teacherId))
    .where(inArray(questionRegrades.assignmentId, assignmentIds))
    .orderBy(asc(questionRegrades.seq));
  for (const { assignmentId, ...e } of rows) {
    const list = out.get(assignmentId);
    if (list) list.push(e);
    else out.set(assignmentId, [e]);
  }
  return out;
}

/** The regrades in force at one assignment. */
export async function regradesOfAssignment(db: Executor, assignmentId: string): Promise<Regrades> {
  return currentRegrades((await regradeEventsOf(db, [assignmentId])).get(assignmentId) ?? []);
}

/** Every attempt's override history, oldest first: of these attempts, or of every attempt at an assignment. One query. */
export async function overrideEventsOf(
  db: Executor,
  scope: string[] | { assignmentId: string },
): Promise<Map<string, OverrideEvent[]>> {
  const out = new Map<string, OverrideEvent[]>();
  if (Array.isArray(scope) && scope.length === 0) return out;
  const rows = await db
    .select({
      attemptId: scoreOverrides.attemptId,
      seq: scoreOverrides.seq,
      questionId: scoreOverrides.questionId,
      score: scoreOverrides.score,
      comment: scoreOverrides.comment,
      at: scoreOverrides.createdAt,
      teacherName: users.name,
    })
    .from(scoreOverrides)
    .leftJoin(users, eq(users.id, scoreOverrides.teacherId))
    .where(
      Array.isArray(scope)
        ? inArray(scoreOverrides.attemptId, scope)
        : inArray(
            scoreOverrides.attemptId,
            db
              .select({ id: quizAttempts.id })
              .from(quizAttempts)
              .where(eq(quizAttempts.assignmentId, scope.assignmentId)),
          ),
    )
    .orderBy(asc(scoreOverrides.seq));
  for (const { attemptId, ...e } of rows) {
    const list = out.get(attemptId);
    if (list) list.push(e);
    else out.set(attemptId, [e]);
  }
  return out;
}

/** Rows per statement when writing scores back: well under PostgreSQL's 65,535 parameters. */
const CHUNK = 1_000;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/**
 * Scores submitted attempts again from their stored responses, with the
 * regrades and teachers' scores in force, and stores the result: each
 * answer's score and the attempt's score and maximum. The caller holds the
 * attempts' row locks and passes submitted attempts only. Two reads, then one statement per thousand answers
 * and per thousand attempts, whatever the class's size.
 */
export async function rescoreSubmitted(
  tx: Tx,
  input: { attemptIds: string[]; questions: Question[]; regrades: Regrades },
): Promise<number> {
  if (input.attemptIds.length === 0) return 0;
  const [saved, overrides] = await Promise.all([
    tx
      .select({
        attemptId: attemptAnswers.attemptId,
        questionId: attemptAnswers.questionId,
        response: attemptAnswers.response,
      })
      .from(attemptAnswers)
      .innerJoin(quizAttempts, eq(quizAttempts.id, attemptAnswers.attemptId))
      .where(and(inArray(attemptAnswers.attemptId, input.attemptIds), eq(quizAttempts.status, "submitted"))),
    overrideEventsOf(tx, input.attemptIds),
  ]);
  const responses = new Map<string, Map<string, Response | null>>();
  for (const s of saved) {
    let m = responses.get(s.attemptId);
    if (!m) responses.set(s.attemptId, (m = new Map()));
    m.set(s.questionId, s.response);
  }
  const skills = new Map(input.questions.map((q) => [q.id, q.skill]));
  const answerRows: (typeof attemptAnswers.$inferInsert)[] = [];
  const attemptRows: { id: string; score: number; maxScore: number }[] = [];
  for (const attemptId of new Set(input.attemptIds)) {
    const given = responses.get(attemptId) ?? new Map<string, Response | null>();
    const scored = scoreAttempt({
      questions: input.questions,
      responses: given,
      regrades: input.regrades,
      overrides: currentOverrides(overrides.get(attemptId) ?? []),
    });
    for (const a of scored.answers) answerRows.push({ attemptId, ...a, skill: skills.get(a.questionId)! });
    attemptRows.push({ id: attemptId, score: scored.score, maxScore: scored.maxScore });
  }
  for (const part of chunks(answerRows))
    await tx
      .insert(attemptAnswers)
      .values(part)
      .onConflictDoUpdate({
        target: [attemptAnswers.attemptId, attemptAnswers.questionId],
        set: { score: sql`excluded.score`, correct: sql`excluded.correct` },
      });
  for (const part of chunks(attemptRows)) {
    const values = sql.join(
      part.map((r) => sql`(${r.id}::uuid, ${r.score}::real, ${r.maxScore}::int)`),
      sql`, `,
    );
    await tx.execute(sql`update ${quizAttempts} set score = v.score, max_score = v.max_score
      from (values ${values}) as v(id, score, max_score)
      where ${quizAttempts.id} = v.id and ${quizAttempts.status} = 'submitted'`);
  }
  return attemptRows.length;
}
