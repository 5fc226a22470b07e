import { describeKey } from "@/lib/attempts/describe";
import type { CsvCell } from "@/lib/csv";
import { KIND_LABELS, SKILL_LABELS } from "@/lib/labels";
import { REGRADE_LABELS } from "./correction-form";
import { creditOf, type Credit, type RegradeKind, type RegradeState } from "@/lib/attempts/scoring";
import { normalizeAnswer, type Question, type Response, type Skill } from "@/lib/quiz";
import { round1 } from "@/lib/scores";

export type SavedAnswer = { response: Response | null; score: number | null; correct: boolean | null };

/** One answer students could give, and how many gave it. */
type Choice = {
  text: string;
  count: number;
  /** Percent of the attempts analysed. */
  percent: number;
  /** Part of the key in force. */
  right: boolean;
  /** A wrong option chosen by fewer than RARE_PERCENT of students (with enough students to say so). */
  rare: boolean;
};

/** What a teacher should look at, in words (components/item-analysis-table.tsx shows them). */
export type ItemFlag = "most-missed" | "rare-distractors" | "negative-discrimination";

export type ItemAnalysis = {
  questionId: string;
  /** Position in the quiz as written (students may have seen another order). */
  number: number;
  prompt: string;
  kind: Question["kind"];
  skill: Skill;
  key: string;
  /** How the question counts now, and the regrade in force, if any. */
  credit: Credit;
  regrade: RegradeKind | null;
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
  /**
   * How many chose each answer: every option (in the order written) for a
   * choice question, each pairing chosen for matching, the typed answers
   * given most (grouped as grading compares them) for a typed answer.
   */
  choices: Choice[];
  /** Typed answers given beyond the ones listed in `choices`. */
  otherAnswers: number;
  /**
   * Discrimination: the corrected point-biserial correlation between this
   * question's score and each student's score on the other questions (see
   * discrimination()). Null with fewer than MIN_FOR_STATISTICS attempts, or
   * when everyone scored the same on it.
   */
  discrimination: number | null;
  flags: ItemFlag[];
};

export type SkillMastery = { skill: Skill; answers: number; percent: number };

/** Discrimination and rare distractors need this many counting attempts to mean anything. */
export const MIN_FOR_STATISTICS = 10;
/** A wrong option chosen by fewer than this share of students does no work as a distractor. */
export const RARE_PERCENT = 5;
/** "Most students missed it": fewer than this share fully right ... */
const MOSTLY_MISSED_PERCENT = 50;
/** ... of at least this many counting attempts (one student's miss is not "most students"). */
export const MIN_FOR_MOSTLY_MISSED = 5;
/** Typed answers listed by name; the rest are counted together. */
const TYPED_LISTED = 8;

type Tally = Map<string, { text: string; count: number; order: number; right: boolean }>;

function add(tally: Tally, key: string, text: string, order: number, right: boolean) {
  const t = tally.get(key);
  if (t) t.count++;
  else tally.set(key, { text, count: 1, order, right });
}

const byOrder = (
  a: { count: number; order: number; text: string },
  b: { count: number; order: number; text: string },
) => a.order - b.order || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);

/** Most often; a tie goes to the option listed first, then to alphabetical order. */
const byCount = (
  a: { count: number; order: number; text: string },
  b: { count: number; order: number; text: string },
) => b.count - a.count || byOrder(a, b);

/** Every answer given to one question, tallied as the question's kind reads it. */
function tallyChoices(q: Question, responses: (Response | null)[]): Tally {
  const a = q.answer;
  const tally: Tally = new Map();
  const index = new Map(q.options.map((o, i) => [o.id, i]));
  const text = (id: string) => q.options.find((o) => o.id === id)?.text ?? "?";
  if (a.type === "single" || a.type === "multi") {
    const key = new Set(a.type === "single" ? [a.optionId] : a.optionIds);
    // Every option is listed, chosen or not: a distractor nobody chose is what the flag is about.
    q.options.forEach((o, i) => tally.set(o.id, { text: o.text, count: 0, order: i, right: key.has(o.id) }));
    for (const r of responses) {
      if (!r) continue;
      const picks = "optionId" in r ? [r.optionId] : "optionIds" in r ? [...new Set(r.optionIds)] : [];
      for (const id of picks) if (index.has(id)) tally.get(id)!.count++;
    }
  } else if (a.type === "text") {
    const accepted = new Set(a.accepted.map(normalizeAnswer));
    for (const r of responses) {
      if (!r || !("text" in r)) continue;
      const typed = normalizeAnswer(r.text);
      // Grouped as grading compares them; shown as the first student typed it.
      if (typed) add(tally, typed, r.text.trim(), 0, accepted.has(typed));
    }
  } else if (a.type === "match") {
    const key = new Map(a.pairs.map((p) => [p.itemId, p.optionId]));
    const items = q.items ?? [];
    const pairText = (itemId: string, optionId: string, itemIndex: number) =>
      `${items[itemIndex]?.text ?? "?"} → ${text(optionId)}`;
    items.forEach((item, i) => {
      const optionId = key.get(item.id);
      if (optionId)
        tally.set(`${item.id}:${optionId}`, {
          text: pairText(item.id, optionId, i),
          count: 0,
          order: i * 1000 + (index.get(optionId) ?? 999),
          right: true,
        });
    });
    for (const r of responses) {
      if (!r || !("pairs" in r)) continue;
      for (const p of r.pairs) {
        const itemIndex = items.findIndex((i) => i.id === p.itemId);
        if (itemIndex < 0) continue;
        add(
          tally,
          `${p.itemId}:${p.optionId}`,
          pairText(p.itemId, p.optionId, itemIndex),
          itemIndex * 1000 + (index.get(p.optionId) ?? 999),
          key.get(p.itemId) === p.optionId,
        );
      }
    }
  }
  return tally;
}

/**
 * The corrected point-biserial correlation: Pearson's r between the item's
 * score (0 to 1, partial credit included) and the score on the rest of the
 * quiz, over the counting attempts. Chosen over the upper-lower 27% index
 * because it uses every student (a class of 25 has groups of 7 under the
 * 27% rule, and students tied at the cut would be split arbitrarily), and
 * takes partial credit as it is. "Corrected": the item's own score is left
 * out of the total, or a 10-question quiz would correlate with itself.
 * Null when either side does not vary (everyone right, or all alike).
 */
export function discrimination(item: number[], rest: number[]): number | null {
  const n = item.length;
  if (n < 2 || rest.length !== n) return null;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / n;
  const mi = mean(item);
  const mr = mean(rest);
  let cov = 0;
  let vi = 0;
  let vr = 0;
  for (let k = 0; k < n; k++) {
    const di = item[k]! - mi;
    const dr = rest[k]! - mr;
    cov += di * dr;
    vi += di * di;
    vr += dr * dr;
  }
  // Below this, the variation is rounding noise in stored scores, not students differing.
  if (vi < 1e-9 || vr < 1e-9) return null;
  return Math.round((cov / Math.sqrt(vi * vr)) * 100) / 100;
}

/**
 * Item analysis over a set of attempts (the report uses each student's
 * counting attempt), with the questions as graded now. A question with no
 * saved answer row counts as unanswered and wrong, as grading scores it 0; a
 * dropped question is described but not scored.
 */
export function analyseItems(
  questions: Question[],
  regrades: ReadonlyMap<string, RegradeState>,
  attempts: Map<string, SavedAnswer>[],
): ItemAnalysis[] {
  const n = attempts.length;
  const counted = questions.filter((q) => creditOf(regrades.get(q.id)) !== "dropped");
  // Each attempt's score over the questions that count, for the rest scores.
  const totals = attempts.map((answers) => counted.reduce((s, q) => s + (answers.get(q.id)?.score ?? 0), 0));
  return questions.map((q, i) => {
    const regrade = regrades.get(q.id);
    const credit = creditOf(regrade);
    let answered = 0;
    let right = 0;
    let scoreSum = 0;
    const scores: number[] = [];
    const responses: (Response | null)[] = [];
    for (const answers of attempts) {
      const a = answers.get(q.id);
      if (a?.response) answered++;
      if (a?.correct) right++;
      scoreSum += a?.score ?? 0;
      scores.push(a?.score ?? 0);
      responses.push(a?.response ?? null);
    }
    const tally = tallyChoices(q, responses);
    const percent = (count: number) => (n ? round1((100 * count) / n) : 0);
    const enough = n >= MIN_FOR_STATISTICS;
    const all = [...tally.values()];
    const choiceQuestion = q.answer.type === "single" || q.answer.type === "multi";
    const listed = q.answer.type === "text" ? all.sort(byCount).slice(0, TYPED_LISTED) : all.sort(byOrder);
    const choices: Choice[] = listed.map((t) => ({
      text: t.text,
      count: t.count,
      percent: percent(t.count),
      right: t.right,
      rare: choiceQuestion && enough && !t.right && (100 * t.count) / n < RARE_PERCENT,
    }));
    const wrong = all.filter((t) => !t.right && t.count > 0).sort(byCount)[0];
    const scored = credit !== "dropped";
    const shareRight = n && scored ? round1((100 * right) / n) : null;
    const r =
      enough && credit === "graded"
        ? discrimination(
            scores,
            totals.map((total, k) => total - scores[k]!),
          )
        : null;
    const flags: ItemFlag[] = [];
    if (
      credit === "graded" &&
      n >= MIN_FOR_MOSTLY_MISSED &&
      shareRight !== null &&
      shareRight < MOSTLY_MISSED_PERCENT
    )
      flags.push("most-missed");
    if (credit === "graded" && choices.some((c) => c.rare)) flags.push("rare-distractors");
    if (r !== null && r < 0) flags.push("negative-discrimination");
    return {
      questionId: q.id,
      number: i + 1,
      prompt: q.prompt,
      kind: q.kind,
      skill: q.skill,
      key: describeKey(q),
      credit,
      regrade: regrade?.kind ?? null,
      attempts: n,
      answered,
      right,
      shareRight,
      averageScore: n && scored ? round1((100 * scoreSum) / n) : null,
      mostChosenWrong: wrong ? { text: wrong.text, count: wrong.count } : null,
      choices,
      otherAnswers: q.answer.type === "text" ? all.length - listed.length : 0,
      discrimination: r,
      flags,
    };
  });
}

/** Mean score per skill over the same attempts, unanswered questions as 0 (as in grading), dropped ones left out. */
export function masteryBySkill(
  questions: Question[],
  regrades: ReadonlyMap<string, RegradeState>,
  attempts: Map<string, SavedAnswer>[],
): SkillMastery[] {
  const bySkill = new Map<Skill, { answers: number; sum: number }>();
  for (const q of questions) {
    if (creditOf(regrades.get(q.id)) === "dropped") continue;
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

/** What each flag says in a spreadsheet cell. */
const FLAG_WORDS: Record<ItemFlag, string> = {
  "most-missed": "most students missed it",
  "rare-distractors": `options chosen by under ${RARE_PERCENT}%`,
  "negative-discrimination": "stronger students did worse",
};

/**
 * The item analysis as spreadsheet rows, one per question: its figures,
 * flags, and then each answer with how many chose it (as many column triples
 * as the question with the most answers needs).
 */
export function itemsCsvRows(items: ItemAnalysis[]): CsvCell[][] {
  const width = Math.max(0, ...items.map((i) => i.choices.length + (i.otherAnswers > 0 ? 1 : 0)));
  const header: CsvCell[] = [
    "Question number",
    "Question",
    "Kind",
    "Skill",
    "Correct answer",
    "Regrade",
    "Counting attempts",
    "Answered",
    "Fully right",
    "Fully right %",
    "Mean score %",
    "Discrimination (corrected point-biserial)",
    "Flags",
  ];
  for (let k = 1; k <= width; k++) header.push(`Answer ${k}`, `Answer ${k} count`, `Answer ${k} %`);
  const rows = items.map((i) => {
    const row: CsvCell[] = [
      i.number,
      i.prompt,
      KIND_LABELS[i.kind] ?? i.kind,
      SKILL_LABELS[i.skill] ?? i.skill,
      i.key,
      i.regrade ? REGRADE_LABELS[i.regrade] : "",
      i.attempts,
      i.answered,
      i.right,
      i.shareRight,
      i.averageScore,
      i.discrimination,
      i.flags.map((f) => FLAG_WORDS[f]).join("; "),
    ];
    for (const c of i.choices) row.push(c.right ? `${c.text} (key)` : c.text, c.count, c.percent);
    if (i.otherAnswers > 0) row.push(`${i.otherAnswers} other answers`, null, null);
    return row;
  });
  return [header, ...rows];
}
