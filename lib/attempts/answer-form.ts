import { storableText } from "@/lib/text";
import type { Option, Question, Response } from "@/lib/quiz/types";

/**
 * The quiz form's contract, shared by the browser (components/quiz-form.tsx
 * writes the inputs and counts answers with it) and the server (which reads
 * the post with it). Browser-safe: no node: imports, no key ever.
 */

/**
 * What the browser may see of a question before the attempt is submitted:
 * the prompt and the options in this student's order. Never the key, the
 * explanation or the evidence (the evidence would give the answer away).
 */
export type PublicQuestion = {
  id: string;
  kind: Question["kind"];
  skill: Question["skill"];
  prompt: string;
  inputType: "single" | "multi" | "text" | "match";
  options: Option[];
  items?: Option[];
};

/** What reading an answer needs to know of a question. */
export type AnswerShape = Pick<PublicQuestion, "id" | "inputType" | "options" | "items">;

export function toPublicQuestion(question: Question, order?: string[]): PublicQuestion {
  const byId = new Map(question.options.map((o) => [o.id, o]));
  const options = (order ?? question.options.map((o) => o.id))
    .map((id) => byId.get(id))
    .filter((o): o is Option => Boolean(o));
  return {
    id: question.id,
    kind: question.kind,
    skill: question.skill,
    prompt: question.prompt,
    inputType: question.answer.type,
    options,
    ...(question.items ? { items: question.items.map((i) => ({ id: i.id, text: i.text })) } : {}),
  };
}

/** Longest typed answer kept; the input says so too (maxLength). */
export const MAX_TEXT_ANSWER = 300;

/** The form field that carries a question's answer (and, for matching, one item's). */
export const fieldName = (questionId: string, itemId?: string) =>
  itemId ? `q_${questionId}_${itemId}` : `q_${questionId}`;

/**
 * Reads one question's answer from a form. Anything that is not one of the
 * question's own options is dropped, so a forged post cannot store junk.
 * Returns null when the question is left unanswered.
 */
export function responseFromForm(question: AnswerShape, form: FormData): Response | null {
  const optionIds = new Set(question.options.map((o) => o.id));
  const name = fieldName(question.id);
  switch (question.inputType) {
    case "single": {
      const v = form.get(name);
      return typeof v === "string" && optionIds.has(v) ? { optionId: v } : null;
    }
    case "multi": {
      const picks = [
        ...new Set(form.getAll(name).filter((v): v is string => typeof v === "string" && optionIds.has(v))),
      ];
      return picks.length > 0 ? { optionIds: picks } : null;
    }
    case "text": {
      const v = form.get(name);
      const text = typeof v === "string" ? storableText(v).trim().slice(0, MAX_TEXT_ANSWER) : "";
      return text ? { text } : null;
    }
    case "match": {
      const pairs = (question.items ?? []).flatMap((item) => {
        const v = form.get(fieldName(question.id, item.id));
        return typeof v === "string" && optionIds.has(v) ? [{ itemId: item.id, optionId: v }] : [];
      });
      return pairs.length > 0 ? { pairs } : null;
    }
  }
}

/** The fields of one question in a form, for autosave: the same encoding the whole form posts. */
export function answerFields(question: AnswerShape, form: FormData): [string, string][] {
  const names = new Set([
    fieldName(question.id),
    ...(question.items ?? []).map((i) => fieldName(question.id, i.id)),
  ]);
  return [...form.entries()].flatMap(([k, v]) => (names.has(k) && typeof v === "string" ? [[k, v]] : []));
}
