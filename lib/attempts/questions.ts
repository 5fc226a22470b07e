import crypto from "node:crypto";
import { storableText } from "@/lib/action-result";
import type { Option, Question, Response } from "@/lib/quiz";

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

export function toPublicQuestion(question: Question, order: string[] | undefined): PublicQuestion {
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

/** Each student sees the options in an order of their own; true/false stays True, False. */
export function shuffledOptionOrder(questions: Question[]): Record<string, string[]> {
  const order: Record<string, string[]> = {};
  for (const q of questions) {
    const ids = q.options.map((o) => o.id);
    if (q.kind !== "true-false") {
      for (let i = ids.length - 1; i > 0; i--) {
        const j = crypto.randomInt(i + 1);
        [ids[i], ids[j]] = [ids[j]!, ids[i]!];
      }
    }
    order[q.id] = ids;
  }
  return order;
}

export const MAX_TEXT_ANSWER = 300;

/** The form field that carries a question's answer (and, for matching, one item's). */
export const fieldName = (questionId: string, itemId?: string) =>
  itemId ? `q_${questionId}_${itemId}` : `q_${questionId}`;

/**
 * Reads one question's answer from a form. Anything that is not one of the
 * question's own options is dropped, so a forged post cannot store junk.
 * Returns null when the question is left unanswered.
 */
export function responseFromForm(question: Question, form: FormData): Response | null {
  const optionIds = new Set(question.options.map((o) => o.id));
  const name = fieldName(question.id);
  switch (question.answer.type) {
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

/** Validates a response that arrived as JSON (autosave) against the question. */
export function sanitizeResponse(question: Question, raw: unknown): Response | null {
  const form = new FormData();
  if (!raw || typeof raw !== "object") return null;
  const r = raw as Record<string, unknown>;
  const name = fieldName(question.id);
  if (typeof r.optionId === "string") form.set(name, r.optionId);
  if (Array.isArray(r.optionIds))
    for (const id of r.optionIds.slice(0, 50)) if (typeof id === "string") form.append(name, id);
  if (typeof r.text === "string") form.set(name, r.text);
  if (Array.isArray(r.pairs)) {
    for (const p of r.pairs.slice(0, 50)) {
      const pair = p as Record<string, unknown>;
      if (typeof pair?.itemId === "string" && typeof pair.optionId === "string")
        form.set(fieldName(question.id, pair.itemId), pair.optionId);
    }
  }
  return responseFromForm(question, form);
}
