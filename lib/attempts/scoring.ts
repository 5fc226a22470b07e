import { gradeAnswer } from "@/lib/quiz/grade";
import type { Answer, Question, Response } from "@/lib/quiz/types";

/**
 * Scoring an attempt with the corrections made after students answered
 * (issue #12). The frozen quiz version is never changed: a regrade is a row
 * of its own (db/schema/corrections.ts), and this module is the one place
 * that combines a question, its regrade, a student's response and a
 * teacher's override into the stored score. Grading at submission and
 * re-grading after a correction both go through scoreAttempt, so a student
 * who submits after a regrade and one who submitted before it are scored
 * alike. Pure, and browser-safe.
 */

export type RegradeKind = "key" | "accept" | "full_credit" | "drop" | "original";

/** The regrade that holds for a question: the latest row of its history. */
export type RegradeState = {
  kind: RegradeKind;
  /** The key in force; null keeps the frozen one. */
  answer: Answer | null;
  /** The explanation in force; null keeps the frozen one. */
  explanation: string | null;
  at: Date;
};

/** One row of a question's regrade history, as pages show it ("Question 3 was regraded on …: key changed"). */
export type RegradeEvent = RegradeState & { seq: number; questionId: string; teacherName: string | null };

/** The regrade in force per question: the latest of its history, unless that went back to the original. */
export function currentRegrades(events: readonly RegradeEvent[]): Map<string, RegradeState> {
  const latest = new Map<string, RegradeEvent>();
  for (const e of events) {
    const seen = latest.get(e.questionId);
    if (!seen || e.seq > seen.seq) latest.set(e.questionId, e);
  }
  const out = new Map<string, RegradeState>();
  for (const [id, e] of latest)
    if (e.kind !== "original")
      out.set(id, { kind: e.kind, answer: e.answer, explanation: e.explanation, at: e.at });
  return out;
}

/** One row of an attempt's override history: a teacher's score for a question (0..1) or the attempt (0..max). */
export type OverrideEvent = {
  seq: number;
  /** Null: the whole attempt. */
  questionId: string | null;
  /** Null handed the score back to grading. */
  score: number | null;
  comment: string;
  at: Date;
  teacherName: string | null;
};

/** A teacher's score in force (null: the graded one stands), with what they said and when. */
export type OverrideState = { score: number | null; comment: string; at: Date };

export type AttemptOverrides = { questions: Map<string, OverrideState>; total: OverrideState | null };

export const NO_OVERRIDES: AttemptOverrides = { questions: new Map(), total: null };

/** The teacher's scores in force for one attempt: the latest row per question and for the whole attempt. */
export function currentOverrides(events: readonly OverrideEvent[]): AttemptOverrides {
  const latest = new Map<string | null, OverrideEvent>();
  for (const e of events) {
    const seen = latest.get(e.questionId);
    if (!seen || e.seq > seen.seq) latest.set(e.questionId, e);
  }
  const out: AttemptOverrides = { questions: new Map(), total: null };
  for (const [id, e] of latest) {
    // A score handed back to grading with nothing to say is no override at all.
    if (e.score === null && !e.comment) continue;
    const state = { score: e.score, comment: e.comment, at: e.at };
    if (id === null) out.total = state;
    else out.questions.set(id, state);
  }
  return out;
}

/** How a question counts towards the score now. */
export type Credit = "graded" | "full" | "dropped";

export function creditOf(regrade: RegradeState | undefined): Credit {
  if (regrade?.kind === "full_credit") return "full";
  if (regrade?.kind === "drop") return "dropped";
  return "graded";
}

/** The question as grading and results read it now: the regrade's key and explanation over the frozen ones. */
export function effectiveQuestion(question: Question, regrade: RegradeState | undefined): Question {
  if (!regrade || regrade.kind === "original" || (!regrade.answer && regrade.explanation === null))
    return question;
  return {
    ...question,
    answer: regrade.answer ?? question.answer,
    explanation: regrade.explanation ?? question.explanation,
  };
}

export function effectiveQuestions(
  questions: Question[],
  regrades: ReadonlyMap<string, RegradeState>,
): Question[] {
  return questions.map((q) => effectiveQuestion(q, regrades.get(q.id)));
}

/** Questions that still count: the attempt's maximum score. */
export function maxScoreOf(questions: Question[], regrades: ReadonlyMap<string, RegradeState>): number {
  return questions.filter((q) => creditOf(regrades.get(q.id)) !== "dropped").length;
}

type ScoredAnswer = {
  questionId: string;
  response: Response | null;
  /** Null for a dropped question: it is not part of the score. */
  score: number | null;
  correct: boolean | null;
};

export type ScoredAttempt = { answers: ScoredAnswer[]; score: number; maxScore: number };

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Scores one attempt. Per question: dropped → not counted; full credit → 1;
 * otherwise graded by the key in force; then the teacher's own score for the
 * question, if any, replaces it. The attempt's score is the sum, unless the
 * teacher set the whole attempt's score, which replaces it. `correct` is true
 * only for a full point, as in grading.
 */
export function scoreAttempt(input: {
  questions: Question[];
  responses: ReadonlyMap<string, Response | null>;
  regrades: ReadonlyMap<string, RegradeState>;
  overrides?: AttemptOverrides;
}): ScoredAttempt {
  const overrides = input.overrides ?? NO_OVERRIDES;
  let total = 0;
  let maxScore = 0;
  const answers = input.questions.map((frozen): ScoredAnswer => {
    const regrade = input.regrades.get(frozen.id);
    const response = input.responses.get(frozen.id) ?? null;
    const credit = creditOf(regrade);
    if (credit === "dropped") return { questionId: frozen.id, response, score: null, correct: null };
    maxScore++;
    const graded =
      credit === "full" ? 1 : response ? gradeAnswer(effectiveQuestion(frozen, regrade), response).score : 0;
    const score = overrides.questions.get(frozen.id)?.score ?? graded;
    total += score;
    return { questionId: frozen.id, response, score, correct: score === 1 };
  });
  const score = overrides.total?.score ?? round2(total);
  return { answers, score: Math.min(score, maxScore), maxScore };
}

/**
 * The key as a regrade form posts it: the same fields as a student's answer
 * (lib/attempts/answer-form.ts reads them), made into a key. A matching key
 * must pair every item; a typed key needs at least one accepted answer.
 */
export function answerFromResponse(question: Question, response: Response | null): Answer | null {
  if (!response) return null;
  const a = question.answer;
  if (a.type === "single" && "optionId" in response) return { type: "single", optionId: response.optionId };
  if (a.type === "multi" && "optionIds" in response && response.optionIds.length > 0)
    return { type: "multi", optionIds: [...response.optionIds] };
  if (a.type === "match" && "pairs" in response) {
    const items = question.items ?? [];
    const byItem = new Map(response.pairs.map((p) => [p.itemId, p.optionId]));
    if (items.length === 0 || items.some((i) => !byItem.has(i.id))) return null;
    return { type: "match", pairs: items.map((i) => ({ itemId: i.id, optionId: byItem.get(i.id)! })) };
  }
  return null;
}

/** Whether two keys make the same answers right (order of options or accepted answers aside). */
export function sameKey(a: Answer, b: Answer): boolean {
  const norm = (x: Answer): string => {
    switch (x.type) {
      case "single":
        return `s:${x.optionId}`;
      case "multi":
        return `m:${[...x.optionIds].sort().join("|")}`;
      case "text":
        return `t:${[...x.accepted].sort().join("|")}`;
      case "match":
        return `p:${x.pairs
          .map((p) => `${p.itemId}>${p.optionId}`)
          .sort()
          .join("|")}`;
    }
  };
  return norm(a) === norm(b);
}
