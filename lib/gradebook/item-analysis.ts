import { describeKey } from "@/lib/attempts/describe";
import { normalizeAnswer, type Question, type Response, type Skill } from "@/lib/quiz";
import { round1 } from "@/lib/scores";

export type SavedAnswer = { response: Response | null; score: number | null; correct: boolean | null };

export type ItemAnalysis = {
  questionId: string;
  /** Position in the quiz as written (students may have seen another order). */
  number: number;
  prompt: string;
  kind: Question["kind"];
  skill: Skill;
  key: string;
  /** Counting attempts that had this question. */
  attempts: number;
  /** Of those, how many gave any answer. */
  answered: number;
  /** Fully right (correct = true). */
  right: number;
  /** Percent of `attempts` fully right; null with no attempts. */
  shareRight: number | null;
  /** Mean score in percent, partial credit included. */
  averageScore: number | null;
  /** The wrong answer given most often: an option, a typed text (grouped as grading compares), or a wrong pair. */
  mostChosenWrong: { text: string; count: number } | null;
};

export type SkillMastery = { skill: Skill; answers: number; percent: number };

type Tally = Map<string, { text: string; count: number; order: number }>;

function add(tally: Tally, key: string, text: string, order: number) {
  const t = tally.get(key);
  if (t) t.count++;
  else tally.set(key, { text, count: 1, order });
}

/** Most often; a tie goes to the option listed first, then to alphabetical order. */
function top(tally: Tally): { text: string; count: number } | null {
  let best: { text: string; count: number; order: number } | null = null;
  for (const t of tally.values()) {
    if (
      !best ||
      t.count > best.count ||
      (t.count === best.count && (t.order < best.order || (t.order === best.order && t.text < best.text)))
    )
      best = t;
  }
  return best ? { text: best.text, count: best.count } : null;
}

function tallyWrong(q: Question, response: Response, correct: boolean | null, tally: Tally) {
  const a = q.answer;
  const index = new Map(q.options.map((o, i) => [o.id, i]));
  const text = (id: string) => q.options.find((o) => o.id === id)?.text ?? "?";
  if (a.type === "single" && "optionId" in response) {
    if (response.optionId !== a.optionId)
      add(tally, response.optionId, text(response.optionId), index.get(response.optionId) ?? 1e9);
  } else if (a.type === "multi" && "optionIds" in response) {
    const key = new Set(a.optionIds);
    for (const id of new Set(response.optionIds))
      if (!key.has(id)) add(tally, id, text(id), index.get(id) ?? 1e9);
  } else if (a.type === "text" && "text" in response) {
    const typed = normalizeAnswer(response.text);
    const right = correct ?? a.accepted.some((x) => normalizeAnswer(x) === typed);
    // Grouped as grading compares them; shown as the first student typed it.
    if (typed && !right) add(tally, typed, response.text.trim(), 0);
  } else if (a.type === "match" && "pairs" in response) {
    const key = new Map(a.pairs.map((p) => [p.itemId, p.optionId]));
    const items = q.items ?? [];
    for (const p of response.pairs) {
      if (key.get(p.itemId) === p.optionId) continue;
      const itemIndex = items.findIndex((i) => i.id === p.itemId);
      const item = items[itemIndex]?.text ?? "?";
      add(
        tally,
        `${p.itemId}:${p.optionId}`,
        `${item} → ${text(p.optionId)}`,
        itemIndex * 1000 + (index.get(p.optionId) ?? 999),
      );
    }
  }
}

/**
 * Item analysis over a set of attempts (the report uses each student's
 * counting attempt). A question with no saved answer row counts as
 * unanswered and wrong, as grading scores it 0.
 */
export function analyseItems(questions: Question[], attempts: Map<string, SavedAnswer>[]): ItemAnalysis[] {
  return questions.map((q, i) => {
    let answered = 0;
    let right = 0;
    let scoreSum = 0;
    const wrong: Tally = new Map();
    for (const answers of attempts) {
      const a = answers.get(q.id);
      if (a?.response) {
        answered++;
        tallyWrong(q, a.response, a.correct, wrong);
      }
      if (a?.correct) right++;
      scoreSum += a?.score ?? 0;
    }
    const n = attempts.length;
    return {
      questionId: q.id,
      number: i + 1,
      prompt: q.prompt,
      kind: q.kind,
      skill: q.skill,
      key: describeKey(q),
      attempts: n,
      answered,
      right,
      shareRight: n ? round1((100 * right) / n) : null,
      averageScore: n ? round1((100 * scoreSum) / n) : null,
      mostChosenWrong: top(wrong),
    };
  });
}

/** Mean score per skill over the same attempts, unanswered questions as 0 (as in grading). */
export function masteryBySkill(questions: Question[], attempts: Map<string, SavedAnswer>[]): SkillMastery[] {
  const bySkill = new Map<Skill, { answers: number; sum: number }>();
  for (const q of questions) {
    const s = bySkill.get(q.skill) ?? { answers: 0, sum: 0 };
    for (const answers of attempts) {
      s.answers++;
      s.sum += answers.get(q.id)?.score ?? 0;
    }
    bySkill.set(q.skill, s);
  }
  return [...bySkill]
    .filter(([, s]) => s.answers > 0)
    .map(([skill, s]) => ({ skill, answers: s.answers, percent: round1((100 * s.sum) / s.answers) }));
}
