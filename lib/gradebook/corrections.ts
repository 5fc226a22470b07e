import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, classes, questionRegrades, quizAttempts, quizzes, scoreOverrides } from "@/db/schema";
import { regradesOfAssignment, rescoreSubmitted } from "@/lib/attempts/corrections";
import {
  creditOf,
  effectiveQuestion,
  maxScoreOf,
  sameKey,
  type RegradeKind,
  type RegradeState,
} from "@/lib/attempts/scoring";
import { normalizeAnswer } from "@/lib/quiz/grade";
import type { Answer, Question } from "@/lib/quiz/types";
import { ok, refuse, type Result } from "@/lib/result";
import type { OverrideField, RegradeField } from "./correction-form";

/**
 * Fixing mistakes after students answered (issue #12): regrading a question
 * of an assignment for everyone, and a teacher's own score for one student.
 * Each is one transaction that records the change as a row of its own (the
 * frozen quiz version is never updated), then scores the affected submitted
 * attempts again, so the gradebook, the exports and the students' results
 * all read the new scores. Ownership is in the where clause of the lock.
 */

export type RegradeChange =
  | {
      kind: "key";
      /** Reads the new key for this question from the post (lib/gradebook/correction-form.ts). */
      keyOf: (question: Question) => { ok: true; answer: Answer } | { ok: false; message: string };
      explanation: string;
    }
  | { kind: "accept"; text: string; explanation: string }
  | { kind: Exclude<RegradeKind, "key" | "accept"> };

export type RegradeResult = Result<
  { questionNumber: number; rescored: number },
  "not-found" | "invalid",
  RegradeField
>;

const invalid = (field: RegradeField, message: string) => refuse("invalid", { [field]: [message] });

/** What the regrade row records, or why the change cannot be made to the question as it stands. */
function plan(
  frozen: Question,
  current: RegradeState | undefined,
  regrades: Map<string, RegradeState>,
  questions: Question[],
  change: RegradeChange,
): { ok: true; answer: Answer | null; explanation: string | null } | ReturnType<typeof invalid> {
  const now = effectiveQuestion(frozen, current);
  const credit = creditOf(current);
  // Full credit and dropping keep the key and explanation in force, so an undo of either needs no memory.
  const carried = { answer: current?.answer ?? null, explanation: current?.explanation ?? null };
  switch (change.kind) {
    case "key": {
      const key = change.keyOf(frozen);
      if (!key.ok) return invalid("key", key.message);
      if (sameKey(key.answer, now.answer)) return invalid("key", "That is the key already. Choose another.");
      if (!change.explanation || change.explanation === now.explanation)
        return invalid(
          "explanation",
          "The stored explanation gives the old answer's reason. Write why the new answer is right.",
        );
      return { ok: true, answer: key.answer, explanation: change.explanation };
    }
    case "accept": {
      if (now.answer.type !== "text")
        return invalid("kind", "Only a question with a typed answer can accept another answer.");
      if (!change.text) return invalid("accept", "Type the answer to accept.");
      const typed = normalizeAnswer(change.text);
      if (!typed)
        return invalid("accept", "That answer has no letters or digits, so no typed answer could match it.");
      if (now.answer.accepted.some((a) => normalizeAnswer(a) === typed))
        return invalid("accept", "That answer is accepted already.");
      return {
        ok: true,
        answer: { type: "text", accepted: [...now.answer.accepted, change.text] },
        explanation: change.explanation || carried.explanation,
      };
    }
    case "full_credit":
      if (credit === "full") return invalid("kind", "Everyone has full credit for this question already.");
      return { ok: true, ...carried };
    case "drop": {
      if (credit === "dropped") return invalid("kind", "This question is dropped already.");
      if (maxScoreOf(questions, regrades) <= 1)
        return invalid("kind", "At least one question must count towards the score.");
      return { ok: true, ...carried };
    }
    case "original":
      if (!current)
        return invalid("kind", "This question has not been regraded: it is the original already.");
      return { ok: true, answer: null, explanation: null };
  }
}

/**
 * Regrades one question (by its number in the quiz as written) of an
 * assignment of a class this teacher owns, and grades every submitted
 * attempt again, in one transaction. The assignment row is locked first, so
 * two regrades happen one after the other, then every attempt at it, so a
 * submission grading at the same moment either finished before (and is
 * graded again here) or waits and reads this regrade. An attempt started
 * during the regrade waits too: inserting it checks its foreign key to the
 * assignment with a KEY SHARE lock, which this FOR UPDATE blocks, so it is
 * created (and later graded) after the regrade commits. PGlite runs one
 * transaction at a time.
 */
export async function regradeQuestion(input: {
  db: Db;
  teacherId: string;
  assignmentId: string;
  questionNumber: number;
  change: RegradeChange;
}): Promise<RegradeResult> {
  return input.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: assignments.id, questions: quizzes.questions })
      .from(assignments)
      .innerJoin(classes, eq(classes.id, assignments.classId))
      .innerJoin(quizzes, eq(quizzes.id, assignments.quizId))
      .where(and(eq(assignments.id, input.assignmentId), eq(classes.teacherId, input.teacherId)))
      .for("update", { of: assignments });
    const frozen = row?.questions[input.questionNumber - 1];
    if (!row || !frozen) return refuse("not-found");
    const regrades = await regradesOfAssignment(tx, row.id);
    const planned = plan(frozen, regrades.get(frozen.id), regrades, row.questions, input.change);
    if (!planned.ok) return planned;
    await tx.insert(questionRegrades).values({
      assignmentId: row.id,
      questionId: frozen.id,
      kind: input.change.kind,
      answer: planned.answer,
      explanation: planned.explanation,
      teacherId: input.teacherId,
    });
    const after = await regradesOfAssignment(tx, row.id);
    const attempts = await tx
      .select({ id: quizAttempts.id, status: quizAttempts.status })
      .from(quizAttempts)
      .where(eq(quizAttempts.assignmentId, row.id))
      .for("update");
    const rescored = await rescoreSubmitted(tx, {
      attemptIds: attempts.filter((a) => a.status === "submitted").map((a) => a.id),
      questions: row.questions,
      regrades: after,
    });
    // Attempts still open are graded later with the regrade; their maximum follows a drop now.
    const open = attempts.filter((a) => a.status === "in_progress").map((a) => a.id);
    if (open.length > 0)
      await tx
        .update(quizAttempts)
        .set({ maxScore: maxScoreOf(row.questions, after) })
        .where(and(inArray(quizAttempts.id, open), eq(quizAttempts.status, "in_progress")));
    return ok({ questionNumber: input.questionNumber, rescored });
  });
}

export type OverrideResult = Result<object, "not-found" | "not-submitted" | "invalid", OverrideField>;

/**
 * A teacher's own score for one question of a submitted attempt (0 to 1), or
 * for the whole attempt (0 to its maximum), with a comment the student reads
 * on their results; an empty score hands it back to grading. Each change is
 * a row of its own (who, what, when). The attempt must be at an assignment
 * of a class this teacher owns.
 */
export async function overrideScore(input: {
  db: Db;
  teacherId: string;
  attemptId: string;
  /** The question's number in the quiz as written; null for the whole attempt. */
  questionNumber: number | null;
  score: number | null;
  comment: string;
}): Promise<OverrideResult> {
  return input.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: quizAttempts.id,
        status: quizAttempts.status,
        assignmentId: assignments.id,
        questions: quizzes.questions,
      })
      .from(quizAttempts)
      .innerJoin(assignments, eq(assignments.id, quizAttempts.assignmentId))
      .innerJoin(classes, eq(classes.id, assignments.classId))
      .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
      .where(and(eq(quizAttempts.id, input.attemptId), eq(classes.teacherId, input.teacherId)))
      .for("update", { of: quizAttempts });
    if (!row) return refuse("not-found");
    const question = input.questionNumber === null ? null : row.questions[input.questionNumber - 1];
    if (question === undefined) return refuse("not-found");
    if (row.status !== "submitted") return refuse("not-submitted");
    const regrades = await regradesOfAssignment(tx, row.assignmentId);
    if (question && creditOf(regrades.get(question.id)) === "dropped")
      return refuse("invalid", {
        form: ["This question is dropped from the score, so it has no score to set."],
      });
    const max = question ? 1 : maxScoreOf(row.questions, regrades);
    if (input.score !== null && input.score > max)
      return refuse("invalid", {
        score: [question ? "A question's score is from 0 to 1." : `The score is from 0 to ${max}.`],
      });
    await tx.insert(scoreOverrides).values({
      attemptId: row.id,
      questionId: question?.id ?? null,
      score: input.score,
      comment: input.comment,
      teacherId: input.teacherId,
    });
    await rescoreSubmitted(tx, { attemptIds: [row.id], questions: row.questions, regrades });
    return ok();
  });
}
