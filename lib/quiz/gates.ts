import { isDemonym, isPlaceName } from "./names";
import type { Analysis, Question, Span } from "./types";

/**
 * Deterministic gates every question passes before it enters the bank. Each failure has a
 * reason code, so `npm run quiz -- FILE --explain` can say why a candidate was dropped and a
 * property test can check that nothing generated slips through.
 */

export type GateReason =
  | "key-not-an-option"
  | "options-not-unique"
  | "options-of-mixed-types"
  | "option-in-prompt"
  | "option-is-a-pronoun-or-fragment"
  | "evidence-lacks-answer"
  | "not-article-prose"
  | "defective-sentence"
  | "quote-badly-cut"
  | "too-long"
  | "markup-in-text"
  | "low-confidence"
  | "distractor-also-true"
  | "too-few-options"
  | "answer-hinted";

export type OptionType =
  | "speaker-person"
  | "speaker-organisation"
  | "system"
  | "status"
  | "category"
  | "statement"
  | "role"
  | "percent"
  | "money"
  | "count"
  | "count-scaled"
  | "year"
  | "date-day"
  | "date-month"
  | "date-weekday"
  | "date-relative"
  | "boolean"
  | "kind-of-report"
  | "text";

const MAX_PROMPT = 320;
const MAX_OPTION = 180;

const PRONOUN_OR_FRAGMENT =
  /^(?:he|she|they|it|him|her|them|we|i|you|his|hers|its|their|theirs|our|my|me|us|this|that|these|those|who|which|one)$/i;

/** Lower-case, punctuation and a leading article removed: what counts as "the same option". */
const normalized = new Map<string, string>();
export const normalizeOption = (s: string): string => {
  const hit = normalized.get(s);
  if (hit !== undefined) return hit;
  const out = normalizeUncached(s);
  // A bounded memo: generation normalises the same names and sentences many times.
  if (normalized.size > 5000) normalized.clear();
  normalized.set(s, out);
  return out;
};
const normalizeUncached = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\u00AD/g, "")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}%$€£' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:the|a|an) /, "");

/** The type of a number or date option: percent with percent, money with money, years with years. */
export function valueType(v: string): OptionType {
  const s = v.trim().toLowerCase();
  if (/%|\bper ?cent\b/.test(s)) return "percent";
  if (/^[$€£]|\b(?:dollars?|euros?|pounds?|yuan|yen|rupees?)\b/.test(s)) return "money";
  if (/\b(?:million|billion|trillion|thousand)s?\b/.test(s)) return "count-scaled";
  if (/^(?:19|20)\d{2}$/.test(s) || /^(?:in|since|by) (?:19|20)\d{2}$/.test(s)) return "year";
  if (/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(s)) return "date-weekday";
  if (/^(?:last|next|this) /.test(s)) return "date-relative";
  if (/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b/.test(s)) return "date-day";
  if (/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?: \d{4})?$/.test(s))
    return "date-month";
  return "count";
}

/**
 * A quotation cut for a prompt: at a word boundary, at most `words` words, no punctuation left
 * inside the closing mark, inner double quotes turned single so the marks stay balanced.
 */
export function cutQuote(text: string, words = 28): string {
  // Inner quotation marks go (the prompt's own marks stay balanced); soft hyphens stay, as in the article.
  let t = text.replace(/"/g, "").replace(/\s+/g, " ").trim();
  const ws = t.split(" ");
  let cut = false;
  if (ws.length > words) {
    t = ws.slice(0, words).join(" ");
    cut = true;
  }
  t = t.replace(/[\s,;:.\u2014-]+$/, "");
  // A single quote left open by the cut closes with it.
  if ((t.match(/(?:^|\s)'/g) ?? []).length > (t.match(/'(?:\s|$|[,.;:!?])/g) ?? []).length && cut) t += "'";
  return cut ? `${t} …` : t;
}

export type GateInput = {
  question: Question;
  /** The key's text (single), keys (multi) or accepted answers (text). */
  keys: string[];
  optionTypes: OptionType[];
  confident: boolean;
  /** Distractors that are known to be true too (a who-said distractor who said the same words). */
  trueDistractors: string[];
  /** Words from the article quoted in the prompt, if any (checked for a clean cut). */
  quoted?: string;
  /** Words the evidence must contain for the answer to be checkable there (names or values). */
  answerForms: string[];
};

/**
 * The gates that need nothing but the question and the analysis: key among the options, options
 * unique, no option in the prompt, no pronoun or fragment as an option, evidence in the article's
 * prose and clear of lost words, a quoted prompt cut cleanly, lengths, no markup. A property test
 * runs these on every generated question of arbitrary text.
 */
export function structuralGates(a: Analysis, q: Question): GateReason[] {
  const out: GateReason[] = [];
  const ids = q.options.map((o) => o.id);
  if (q.answer.type === "single" && !ids.includes(q.answer.optionId)) out.push("key-not-an-option");
  if (q.answer.type === "multi" && !q.answer.optionIds.every((id) => ids.includes(id)))
    out.push("key-not-an-option");
  if (q.answer.type === "match" && !q.answer.pairs.every((p) => ids.includes(p.optionId)))
    out.push("key-not-an-option");
  const norm = q.options.map((o) => normalizeOption(o.text));
  if (new Set(norm).size !== norm.length || new Set(ids).size !== ids.length) out.push("options-not-unique");
  if (q.answer.type !== "text" && q.options.length < 2) out.push("too-few-options");
  const prompt = normalizeOption(q.prompt);
  if (
    q.kind !== "true-false" &&
    q.kind !== "quote-or-paraphrase" &&
    q.options.some((o) => {
      const n = normalizeOption(o.text);
      return n.length > 2 && ` ${prompt} `.includes(` ${n} `);
    })
  )
    out.push("option-in-prompt");
  // A typed answer the prompt gives away: the place beside its own nationality ("The French
  // minister added that _____ would ..."), or the answer written out in the prompt.
  if (q.answer.type === "text") {
    const accepted = q.answer.accepted;
    if (
      accepted.some((x) => normalizeOption(x).length > 2 && ` ${prompt} `.includes(` ${normalizeOption(x)} `))
    )
      out.push("option-in-prompt");
    if (
      accepted.some((x) => isPlaceName(x.split(" "))) &&
      q.prompt.split(/[\s"]+/).some((w) => /^\p{Lu}/u.test(w) && isDemonym(w))
    )
      out.push("answer-hinted");
  }
  if (q.options.some((o) => PRONOUN_OR_FRAGMENT.test(o.text.trim()) || /'s$|^\W*$/.test(o.text.trim())))
    out.push("option-is-a-pronoun-or-fragment");
  if (!q.evidence.length || q.evidence.some((e) => !inProse(a, e))) out.push("not-article-prose");
  if (q.evidence.some((e) => touchesDefect(a, e))) out.push("defective-sentence");
  const marks = (q.prompt.match(/"/g) ?? []).length;
  const quoted = /"([^"]*)"/.exec(q.prompt)?.[1];
  if (marks % 2 === 1 || marks > 2 || (quoted !== undefined && !wellCut(quoted))) out.push("quote-badly-cut");
  if (q.prompt.length > MAX_PROMPT || q.options.some((o) => o.text.length > MAX_OPTION)) out.push("too-long");
  const texts = [
    q.prompt,
    q.explanation,
    ...q.options.map((o) => o.text),
    ...(q.items ?? []).map((o) => o.text),
  ];
  if (texts.some((t) => /(?:^|[\s"'(])#{1,6}\s|\*\*|\]\(|<\/?[a-z]/i.test(t))) out.push("markup-in-text");
  return out;
}

/** Every gate the question fails, in a fixed order (empty when it passes). */
export function gate(a: Analysis, g: GateInput): GateReason[] {
  const q = g.question;
  const out = structuralGates(a, q);
  if (new Set(g.optionTypes).size > 1) out.push("options-of-mixed-types");
  const evidence = q.evidence.map((e) => a.text.slice(e.start, e.end)).join(" ");
  const ev = normalizeOption(evidence);
  if (g.answerForms.length && !g.answerForms.some((f) => f && ev.includes(normalizeOption(f))))
    out.push("evidence-lacks-answer");
  if (g.quoted !== undefined && !wellCut(g.quoted) && !out.includes("quote-badly-cut"))
    out.push("quote-badly-cut");
  if (!g.confident) out.push("low-confidence");
  if (g.trueDistractors.length) out.push("distractor-also-true");
  return out;
}

function inProse(a: Analysis, e: Span): boolean {
  let lo = 0;
  let hi = a.sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a.sentences[mid]!.end <= e.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < a.sentences.length; k++) {
    const s = a.sentences[k]!;
    if (s.start >= e.end) break;
    if (!s.prose) return false;
  }
  return true;
}

function touchesDefect(a: Analysis, e: Span): boolean {
  return a.defects.some((d) => d.at.start < e.end && e.start < d.at.end);
}

/** Balanced marks, no punctuation just inside the closing mark, no broken word at the end. */
function wellCut(quoted: string): boolean {
  if (!quoted.trim()) return false;
  if (/[,;:]$/.test(quoted.trim())) return false;
  return !quoted.includes('"');
}
