import type { Grade, Question, Response } from "./types";

/** Case, punctuation, leading article and spacing do not matter in a typed answer. */
export function normalizeAnswer(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}\s'-]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(a|an|the) /, "");
}

/**
 * Grades one response. Rules:
 * - single choice and true/false: 1 when the chosen option is the key, else 0;
 * - multi-select: max(0, (correct picks - wrong picks) / number of correct options), so
 *   ticking everything earns nothing and a partial answer earns partial credit;
 * - match: the share of items paired with their right option;
 * - text: 1 when the normalised answer equals a normalised accepted answer.
 * `correct` is true only for a full score.
 */
export function gradeAnswer(question: Question, response: Response): Grade {
  const a = question.answer;
  let score = 0;
  if (a.type === "single" && "optionId" in response) score = response.optionId === a.optionId ? 1 : 0;
  else if (a.type === "multi" && "optionIds" in response) {
    const key = new Set(a.optionIds);
    const picks = new Set(response.optionIds);
    let right = 0;
    let wrong = 0;
    for (const p of picks) {
      if (key.has(p)) right++;
      else wrong++;
    }
    score = key.size ? Math.max(0, (right - wrong) / key.size) : 0;
  } else if (a.type === "match" && "pairs" in response) {
    const given = new Map(response.pairs.map((p) => [p.itemId, p.optionId]));
    const right = a.pairs.filter((p) => given.get(p.itemId) === p.optionId).length;
    score = a.pairs.length ? right / a.pairs.length : 0;
  } else if (a.type === "text" && "text" in response) {
    const t = normalizeAnswer(response.text);
    score = t.length > 0 && a.accepted.some((x) => normalizeAnswer(x) === t) ? 1 : 0;
  }
  return { score, correct: score === 1 };
}
