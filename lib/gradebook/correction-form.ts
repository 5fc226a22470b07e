import { z } from "zod";
import { responseFromForm } from "@/lib/attempts/answer-form";
import { answerFromResponse, type RegradeKind } from "@/lib/attempts/scoring";
import { normalizeAnswer } from "@/lib/quiz/grade";
import type { Answer, Question } from "@/lib/quiz/types";
import { REVIEW_LIMITS } from "@/lib/reviews/limits";

/**
 * The regrade and override forms' contract, shared by the forms
 * (components/regrade-form.tsx, components/override-form.tsx) and their
 * actions. Browser-safe.
 */

export type RegradeField = "kind" | "key" | "accepted" | "accept" | "explanation" | "form";
export type OverrideField = "score" | "comment" | "form";

const REGRADE_KINDS = [
  "key",
  "accept",
  "full_credit",
  "drop",
  "original",
] as const satisfies readonly RegradeKind[];

/** What the change did, as "Question 3 was regraded on …: key changed" says it. */
export const REGRADE_LABELS: Record<RegradeKind, string> = {
  key: "key changed",
  accept: "another answer accepted",
  full_credit: "full credit for everyone",
  drop: "dropped from the score",
  original: "back to the original key",
};

/** The choices of the regrade form. */
export const REGRADE_CHOICES: Record<RegradeKind, string> = {
  key: "Change the key",
  accept: "Accept another answer",
  full_credit: "Give everyone full credit",
  drop: "Drop the question from the score",
  original: "Undo: back to the original question",
};

export const CORRECTION_LIMITS = { comment: 500, maxQuestions: 1000 } as const;

/** The key's inputs are named as a student's answer to a question with this id (lib/attempts/answer-form.ts). */
export const KEY_FIELD_ID = "key";

export const regradeSchema = z.object({
  assignmentId: z.uuid(),
  question: z.coerce.number().int().min(1).max(CORRECTION_LIMITS.maxQuestions),
  kind: z.enum(REGRADE_KINDS, { message: "Choose what to change." }),
  explanation: z
    .string()
    .default("")
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .max(
          REVIEW_LIMITS.explanation,
          `Use at most ${REVIEW_LIMITS.explanation} characters for the explanation.`,
        ),
    ),
  accept: z
    .string()
    .default("")
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .max(REVIEW_LIMITS.accepted, `Use at most ${REVIEW_LIMITS.accepted} characters for an answer.`),
    ),
  accepted: z
    .string()
    .max(REVIEW_LIMITS.maxAccepted * (REVIEW_LIMITS.accepted + 2))
    .default(""),
});

/** A typed key from the form's lines: trimmed, one per line, the same answer (as grading compares) once. */
export function acceptedFromLines(
  text: string,
): { ok: true; accepted: string[] } | { ok: false; message: string } {
  const accepted: string[] = [];
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const a = line.trim();
    if (!a) continue;
    if (a.length > REVIEW_LIMITS.accepted)
      return { ok: false, message: `Use at most ${REVIEW_LIMITS.accepted} characters for an answer.` };
    const n = normalizeAnswer(a);
    if (!n)
      return { ok: false, message: `"${a}" has no letters or digits, so no typed answer could match it.` };
    if (!seen.has(n)) {
      seen.add(n);
      accepted.push(a);
    }
  }
  if (accepted.length === 0) return { ok: false, message: "Give at least one accepted answer." };
  if (accepted.length > REVIEW_LIMITS.maxAccepted)
    return { ok: false, message: `Give at most ${REVIEW_LIMITS.maxAccepted} accepted answers.` };
  return { ok: true, accepted };
}

/**
 * The new key the form posts for this question, or a message. Choices are
 * posted as a student's answer would be (only the question's own options
 * are read); a typed answer's key is its accepted answers, one per line.
 */
export function keyFromForm(
  question: Question,
  form: FormData,
  accepted: string,
): { ok: true; answer: Answer } | { ok: false; message: string } {
  if (question.answer.type === "text") {
    const lines = acceptedFromLines(accepted);
    return lines.ok ? { ok: true, answer: { type: "text", accepted: lines.accepted } } : lines;
  }
  const shape = {
    id: KEY_FIELD_ID,
    inputType: question.answer.type,
    options: question.options,
    items: question.items,
  };
  const answer = answerFromResponse(question, responseFromForm(shape, form));
  if (answer) return { ok: true, answer };
  return {
    ok: false,
    message:
      question.answer.type === "match"
        ? "Choose the right option for every item."
        : question.answer.type === "multi"
          ? "Tick every right option."
          : "Choose the right option.",
  };
}

/** A score typed by a teacher: empty hands it back to grading; else a number with at most two decimals. */
const SCORE = /^\d{1,4}([.,]\d{1,2})?$/;

export const overrideSchema = z.object({
  attemptId: z.uuid(),
  /** Empty for the whole attempt. */
  question: z
    .string()
    .default("")
    .transform((s, ctx) => {
      if (s === "") return null;
      const n = Number(s);
      if (!Number.isInteger(n) || n < 1 || n > CORRECTION_LIMITS.maxQuestions) {
        ctx.addIssue({ code: "custom", message: "That question was not found." });
        return z.NEVER;
      }
      return n;
    }),
  score: z
    .string()
    .default("")
    .transform((s, ctx) => {
      const t = s.trim();
      if (t === "") return null;
      if (!SCORE.test(t)) {
        ctx.addIssue({
          code: "custom",
          message: "Give a score such as 0.5 or 1, or leave it empty to use the graded score.",
        });
        return z.NEVER;
      }
      return Number(t.replace(",", "."));
    }),
  comment: z
    .string()
    .default("")
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .max(
          CORRECTION_LIMITS.comment,
          `Use at most ${CORRECTION_LIMITS.comment} characters for the comment.`,
        ),
    ),
});
