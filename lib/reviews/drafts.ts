import crypto from "node:crypto";
import { z } from "zod";
import { refuse, type FieldErrors, type Result } from "@/lib/result";
import { storableText } from "@/lib/text";
import { normalizeAnswer } from "@/lib/quiz/grade";
import type { Answer, Option, Question, Skill } from "@/lib/quiz/types";
import {
  CUSTOM_TYPES,
  REVIEW_LIMITS,
  SKILLS,
  TRUE_FALSE_OPTIONS,
  type CustomQuestionType,
  type DraftShape,
} from "./limits";

/**
 * A teacher's draft of a question (an edit of a generated one, or one of their
 * own) and how it becomes a valid Question. Pure: no database, no Next.js, so
 * the form reader and the rules are unit-tested on their own.
 */

export type ReviewField = "prompt" | "options" | "items" | "accepted" | "explanation" | "skill" | "type";
type ReviewFieldErrors = FieldErrors<ReviewField>;

/** The parts of a question a draft decides; id, kind, skill and evidence come from elsewhere. */
export type QuestionContent = Pick<Question, "prompt" | "options" | "answer" | "explanation"> & {
  items?: Option[];
};

export type DraftResult = Result<{ content: QuestionContent }, "invalid", ReviewField>;

/**
 * A draft as the form sends it: options in order (one without an id, or with
 * an unknown one, is new), new texts for a matching question's items (pairs
 * never change), accepted answers for a text question, and an explanation for
 * the teacher's own questions (an edit keeps the generated one).
 */
export const questionDraftSchema = z.object({
  prompt: z
    .string()
    .trim()
    .min(1, "Write the question.")
    .max(REVIEW_LIMITS.prompt, `Use at most ${REVIEW_LIMITS.prompt} characters for the question.`),
  options: z
    .array(
      z.object({
        id: z.string().max(100).optional(),
        text: z
          .string()
          .trim()
          .max(REVIEW_LIMITS.option, `Use at most ${REVIEW_LIMITS.option} characters for each option.`),
        correct: z.boolean().optional(),
      }),
    )
    .max(20, "Too many options.")
    .optional(),
  items: z
    .array(
      z.object({
        id: z.string().max(100),
        text: z
          .string()
          .trim()
          .max(REVIEW_LIMITS.option, `Use at most ${REVIEW_LIMITS.option} characters for each item.`),
      }),
    )
    .max(20)
    .optional(),
  accepted: z
    .array(
      z
        .string()
        .trim()
        .max(REVIEW_LIMITS.accepted, `Use at most ${REVIEW_LIMITS.accepted} characters for an answer.`),
    )
    .max(50, "Too many answers.")
    .optional(),
  explanation: z
    .string()
    .trim()
    .max(
      REVIEW_LIMITS.explanation,
      `Use at most ${REVIEW_LIMITS.explanation} characters for the explanation.`,
    )
    .optional(),
});

export type QuestionDraft = z.output<typeof questionDraftSchema>;

export const customMetaSchema = z.object({
  type: z.enum(CUSTOM_TYPES, { error: "Choose the kind of question." }),
  skill: z.enum(SKILLS, { error: "Choose what the question checks." }),
});

const sha = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

export function shapeOf(q: Pick<Question, "kind" | "answer">): DraftShape {
  return q.kind === "true-false" ? "true-false" : q.answer.type;
}

function push(errors: ReviewFieldErrors, field: ReviewField, message: string) {
  (errors[field] ??= []).push(message);
}

/** A new option's id: from its text, never one the question already uses (a kept option may carry that text's old id). */
function newOptionId(text: string, taken: Set<string>): string {
  const base = `o-n${sha(text.toLowerCase()).slice(0, 8)}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

function duplicates(texts: string[]): string | undefined {
  const seen = new Set<string>();
  for (const t of texts) {
    const k = t.toLowerCase();
    if (seen.has(k)) return t;
    seen.add(k);
  }
  return undefined;
}

/**
 * Builds the question content for a shape from a draft the schema has read,
 * with the rules a schema cannot state (how many options, which are right).
 * `base` is the question being edited (generated or the teacher's own): its
 * option, item and True/False ids are kept so answer keys and option orders
 * stay consistent.
 */
export function buildContent(input: {
  shape: DraftShape;
  draft: QuestionDraft;
  base?: Question;
}): DraftResult {
  const errors: ReviewFieldErrors = {};
  const { draft } = input;
  const base = input.base;
  // A generated question keeps its explanation unless the teacher writes another; an edit that
  // clears it goes back to the generated one (saveQuestionEdit knows which that is).
  const explanation = draft.explanation || (base && !isCustomId(base.id) ? base.explanation : "");
  const prompt = draft.prompt;

  switch (input.shape) {
    case "single":
    case "multi": {
      const rows = (draft.options ?? []).filter((o) => o.text.length > 0);
      if (rows.length < REVIEW_LIMITS.minOptions || rows.length > REVIEW_LIMITS.maxOptions)
        push(
          errors,
          "options",
          `Give between ${REVIEW_LIMITS.minOptions} and ${REVIEW_LIMITS.maxOptions} options (leave a box empty to drop it).`,
        );
      const dup = duplicates(rows.map((o) => o.text));
      if (dup) push(errors, "options", `Two options say the same thing: "${dup}".`);
      const right = rows.filter((o) => o.correct).length;
      if (input.shape === "single" && right !== 1)
        push(errors, "options", right === 0 ? "Mark the right answer." : "Mark only one right answer.");
      if (input.shape === "multi" && right < 1) push(errors, "options", "Mark at least one right answer.");
      if (errors.options) return refuse("invalid", errors);
      const known = new Set(base?.options.map((o) => o.id) ?? []);
      const taken = new Set<string>();
      const options: Option[] = [];
      const correct: string[] = [];
      for (const row of rows) {
        const keep = row.id && known.has(row.id) && !taken.has(row.id);
        const id = keep ? row.id! : newOptionId(row.text, new Set([...known, ...taken]));
        taken.add(id);
        options.push({ id, text: row.text });
        if (row.correct) correct.push(id);
      }
      const answer: Answer =
        input.shape === "single"
          ? { type: "single", optionId: correct[0]! }
          : { type: "multi", optionIds: correct };
      return { ok: true, content: { prompt, options, answer, explanation } };
    }
    case "true-false": {
      const options = base ? base.options : [...TRUE_FALSE_OPTIONS];
      const marked = (draft.options ?? []).filter((o) => o.correct && options.some((x) => x.id === o.id));
      if (marked.length !== 1) push(errors, "options", "Choose whether the statement is true or false.");
      if (errors.options) return refuse("invalid", errors);
      return {
        ok: true,
        content: {
          prompt,
          options: options.map((o) => ({ id: o.id, text: o.text })),
          answer: { type: "single", optionId: marked[0]!.id! },
          explanation,
        },
      };
    }
    case "text": {
      const accepted: string[] = [];
      const seen = new Set<string>();
      for (const a of draft.accepted ?? []) {
        if (!a) continue;
        const n = normalizeAnswer(a);
        if (!n) {
          push(errors, "accepted", `"${a}" has no letters or digits, so no typed answer could match it.`);
          continue;
        }
        if (!seen.has(n)) {
          seen.add(n);
          accepted.push(a);
        }
      }
      if (accepted.length < 1) push(errors, "accepted", "Give at least one accepted answer.");
      if (accepted.length > REVIEW_LIMITS.maxAccepted)
        push(errors, "accepted", `Give at most ${REVIEW_LIMITS.maxAccepted} accepted answers.`);
      if (errors.accepted) return refuse("invalid", errors);
      return { ok: true, content: { prompt, options: [], answer: { type: "text", accepted }, explanation } };
    }
    case "match": {
      // Matching keeps its pairs: only the words of the items and options change.
      if (!base || base.answer.type !== "match" || !base.items)
        return refuse("invalid", { options: ["This question cannot be edited that way."] });
      const itemTexts = new Map((draft.items ?? []).map((i) => [i.id, i.text]));
      const optionTexts = new Map((draft.options ?? []).map((o) => [o.id, o.text]));
      const items = base.items.map((i) => ({ id: i.id, text: itemTexts.get(i.id) ?? "" }));
      const options = base.options.map((o) => ({ id: o.id, text: optionTexts.get(o.id) ?? "" }));
      if (items.some((i) => !i.text)) push(errors, "items", "Every item to match needs a text.");
      const dupItem = duplicates(items.map((i) => i.text).filter(Boolean));
      if (dupItem) push(errors, "items", `Two items say the same thing: "${dupItem}".`);
      if (options.some((o) => !o.text)) push(errors, "options", "Every option needs a text.");
      const dupOption = duplicates(options.map((o) => o.text).filter(Boolean));
      if (dupOption) push(errors, "options", `Two options say the same thing: "${dupOption}".`);
      if (errors.items || errors.options) return refuse("invalid", errors);
      return { ok: true, content: { prompt, options, items, answer: base.answer, explanation } };
    }
  }
}

const isCustomId = (id: string) => id.startsWith("c-");

/** The parts of a question that decide what it asks and what counts as right, in a fixed order. */
function canonical(q: Pick<Question, "prompt" | "options" | "answer" | "items">): string {
  return JSON.stringify([q.prompt, q.options, q.answer, q.items ?? null]);
}

export function sameContent(
  a: Pick<Question, "prompt" | "options" | "answer" | "items">,
  b: Pick<Question, "prompt" | "options" | "answer" | "items">,
): boolean {
  return canonical(a) === canonical(b);
}

/**
 * The id of an edited generated question: derived from the generated id and
 * the new content. Question ids mean "the same question" across quiz versions
 * (missed-question practice, per-question results), so an edit must not reuse
 * the generated id, while the same edit of the same question gets the same id.
 */
export function editedQuestionId(originalId: string, content: QuestionContent): string {
  return `e-${sha(`${originalId}|${canonical(content)}`).slice(0, 16)}`;
}

export function newCustomQuestionId(): string {
  return `c-${crypto.randomBytes(8).toString("hex")}`;
}

/** A question gradeAnswer can grade: its key points at its own options and a typed answer can match. */
export function isGradable(q: Question): boolean {
  const ids = new Set(q.options.map((o) => o.id));
  if (typeof q.prompt !== "string" || !q.prompt || ids.size !== q.options.length) return false;
  const a = q.answer;
  switch (a?.type) {
    case "single":
      return ids.has(a.optionId);
    case "multi":
      return a.optionIds.length > 0 && a.optionIds.every((id) => ids.has(id));
    case "text":
      return a.accepted.length > 0 && a.accepted.every((x) => normalizeAnswer(x).length > 0);
    case "match": {
      const items = new Set(q.items?.map((i) => i.id) ?? []);
      return a.pairs.length > 0 && a.pairs.every((p) => items.has(p.itemId) && ids.has(p.optionId));
    }
    default:
      return false;
  }
}

const KIND_BY_TYPE: Record<CustomQuestionType, Question["kind"]> = {
  single: "detail",
  multi: "detail",
  "true-false": "true-false",
  text: "cloze",
};

/** The teacher's own question: no evidence span, since it need not quote the article. */
export function customQuestion(input: {
  id: string;
  type: CustomQuestionType;
  skill: Skill;
  content: QuestionContent;
}): Question {
  const { prompt, options, answer, explanation } = input.content;
  return {
    id: input.id,
    kind: KIND_BY_TYPE[input.type],
    skill: input.skill,
    prompt,
    options,
    answer,
    explanation,
    evidence: [],
  };
}

export function customTypeOf(q: Question): CustomQuestionType {
  if (q.kind === "true-false") return "true-false";
  return q.answer.type === "match" ? "single" : q.answer.type;
}

/**
 * Reads an edit or new-question form. Field names: `prompt`; `optionKey`
 * (repeated, an option id or `new-N`) with `optionText:<key>`; `correct`
 * (repeated, option keys); `itemKey` with `itemText:<key>`; `accepted` (one
 * answer per line); `explanation`.
 */
export function draftFromForm(form: FormData): QuestionDraft {
  const str = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? storableText(v) : "";
  };
  const all = (name: string) =>
    form
      .getAll(name)
      .filter((v): v is string => typeof v === "string")
      .slice(0, 20)
      .map(storableText);
  const correct = new Set(all("correct"));
  const options = all("optionKey").map((key) => ({
    ...(key.startsWith("new-") ? {} : { id: key }),
    text: str(`optionText:${key}`),
    correct: correct.has(key),
  }));
  const items = all("itemKey").map((id) => ({ id, text: str(`itemText:${id}`) }));
  return {
    prompt: str("prompt"),
    options,
    items,
    accepted: str("accepted").split(/\r?\n/).slice(0, 50),
    explanation: str("explanation"),
  };
}
