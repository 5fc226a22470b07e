import { z } from "zod";
import { KIND_LABELS, SKILL_LABELS } from "@/lib/labels";
import type { QuestionKind, Skill } from "@/lib/quiz";
import type { ReviewEntry } from "./queries";

/**
 * What the review shows: the bank filtered by kind and skill, the questions a
 * teacher should look at first at the top of each section. Display only: the
 * order a quiz is assigned in stays the review's own (reviewedQuizQuestions).
 */

const KINDS = Object.keys(KIND_LABELS) as [QuestionKind, ...QuestionKind[]];
const SKILLS = Object.keys(SKILL_LABELS) as [Skill, ...Skill[]];

/** The review page's query: an unknown kind or skill shows everything rather than failing. */
export const reviewFilterSchema = z.object({
  kind: z.enum(KINDS).optional().catch(undefined),
  skill: z.enum(SKILLS).optional().catch(undefined),
});

export type ReviewFilter = z.output<typeof reviewFilterSchema>;

export type Attention = "low" | "check" | "sure";

/**
 * How much a question needs the teacher's eye: "low" when it rests on a
 * low-confidence reading, "check" when it carries a warning (the speaker is
 * named only paragraphs before), "sure" otherwise. A teacher's own question is
 * theirs to trust.
 */
export function attentionOf(entry: ReviewEntry): Attention {
  if (entry.custom) return "sure";
  const q = entry.original ?? entry.question;
  if (q.confidence === "low") return "low";
  return q.notes?.length ? "check" : "sure";
}

const RANK: Record<Attention, number> = { low: 0, check: 1, sure: 2 };

function matchesFilter(entry: ReviewEntry, filter: ReviewFilter): boolean {
  return (
    (!filter.kind || (!entry.custom && entry.question.kind === filter.kind)) &&
    (!filter.skill || entry.question.skill === filter.skill)
  );
}

/** The entries the filter keeps, those needing a look first, otherwise in review order. */
export function reviewView(entries: ReviewEntry[], filter: ReviewFilter): ReviewEntry[] {
  return entries
    .filter((e) => matchesFilter(e, filter))
    .map((e, i) => ({ e, i, r: RANK[attentionOf(e)] }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.e);
}

/** The kinds and skills a bank has, for the filter's choices (only what can match). */
export function filterChoices(entries: ReviewEntry[]) {
  const kinds = new Set(entries.filter((e) => !e.custom).map((e) => e.question.kind));
  const skills = new Set(entries.map((e) => e.question.skill));
  return {
    kinds: KINDS.filter((k) => kinds.has(k)).map((k) => ({ value: k, label: KIND_LABELS[k] })),
    skills: SKILLS.filter((s) => skills.has(s)).map((s) => ({ value: s, label: SKILL_LABELS[s] })),
  };
}
