import Link from "next/link";
import {
  MIN_FOR_STATISTICS,
  RARE_PERCENT,
  type ItemAnalysis,
  type ItemFlag,
  type SkillMastery,
} from "@/lib/gradebook/item-analysis";
import { REGRADE_LABELS } from "@/lib/gradebook/correction-form";
import { SKILL_LABELS } from "@/lib/labels";
import { formatNumber, formatPercent } from "@/lib/format";

const FLAG_TEXT: Record<ItemFlag, string> = {
  "most-missed": "Most students missed it: check the key, or the teaching.",
  "rare-distractors": `Some wrong options were chosen by under ${RARE_PERCENT}% of students: they do not test much.`,
  "negative-discrimination": "Students who did well overall did worse on it: check the key.",
};

/** Ebel's bands for a discrimination index, in words. */
function discriminationLabel(item: Pick<ItemAnalysis, "discrimination" | "attempts" | "credit">): string {
  const r = item.discrimination;
  if (r === null) {
    if (item.credit !== "graded") return "—";
    if (item.attempts < MIN_FOR_STATISTICS) return `— (needs ${MIN_FOR_STATISTICS} submissions)`;
    return "— (everyone scored alike)";
  }
  const band = r < 0 ? "negative" : r < 0.2 ? "weak" : r < 0.3 ? "fair" : "good";
  return `${formatNumber(r)} (${band})`;
}

/** How many gave each answer: a count, a share and a bar (the bar only repeats the figure). */
export function ItemChoices({ item }: { item: ItemAnalysis }) {
  const unanswered = item.attempts - item.answered;
  return (
    <ul className="space-y-1 text-sm">
      {item.choices.map((c) => (
        <li key={c.text} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3">
          <span className="min-w-0 break-words">
            {c.right && <span aria-hidden="true">✓ </span>}
            {c.text}
            {c.right && <span className="font-medium text-green-800"> (key)</span>}
            {c.rare && <span className="font-medium text-amber-800"> (rarely chosen)</span>}
          </span>
          <span className="whitespace-nowrap text-stone-700">
            {c.count} · {formatPercent(c.percent)}
          </span>
          <span className="col-span-2 h-1.5 overflow-hidden rounded bg-stone-200" aria-hidden="true">
            <span
              className={`block h-full ${c.right ? "bg-green-700" : "bg-stone-500"}`}
              style={{ width: `${Math.min(100, c.percent)}%` }}
            />
          </span>
        </li>
      ))}
      {item.otherAnswers > 0 && (
        <li className="text-stone-700">
          and {item.otherAnswers} other answer{item.otherAnswers === 1 ? "" : "s"}
        </li>
      )}
      {unanswered > 0 && <li className="text-stone-700">No answer: {unanswered}</li>}
    </ul>
  );
}

/**
 * Item analysis, one card per question in the quiz's written order: how many
 * answered and got it right, the discrimination index, how many chose each
 * answer, what to look at, and the way to regrade it. Cards, not a wide
 * table, so it reads the same at 390 px.
 */
export function ItemAnalysisList({ items, assignmentId }: { items: ItemAnalysis[]; assignmentId: string }) {
  return (
    <ol className="space-y-4" aria-label="Item analysis, one entry per question">
      {items.map((i) => (
        <li
          key={i.questionId}
          id={`item-${i.number}`}
          className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4"
        >
          <article aria-labelledby={`item-${i.number}-heading`} className="space-y-3">
            <header className="space-y-1">
              <h3 id={`item-${i.number}-heading`} className="font-medium">
                <span className="mr-1 text-stone-500">{i.number}.</span> {i.prompt}
              </h3>
              <p className="text-sm text-stone-700">
                <span className="font-medium">Key:</span> {i.key}
                <span className="text-stone-500"> · {SKILL_LABELS[i.skill] ?? i.skill}</span>
              </p>
              {i.regrade && (
                <p className="text-sm">
                  <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
                    Regraded
                  </span>{" "}
                  {REGRADE_LABELS[i.regrade]}
                </p>
              )}
            </header>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-stone-600">Answered</dt>
                <dd>
                  {i.answered} of {i.attempts}
                </dd>
              </div>
              <div>
                <dt className="text-stone-600">Fully right</dt>
                <dd>
                  {formatPercent(i.shareRight)} <span className="text-stone-600">({i.right})</span>
                </dd>
              </div>
              <div>
                <dt className="text-stone-600">Mean score</dt>
                <dd>{formatPercent(i.averageScore)}</dd>
              </div>
              <div>
                <dt className="text-stone-600">Discrimination</dt>
                <dd>{discriminationLabel(i)}</dd>
              </div>
            </dl>
            {i.flags.length > 0 && (
              <ul className="space-y-1 text-sm" aria-label={`What to look at in question ${i.number}`}>
                {i.flags.map((f) => (
                  <li
                    key={f}
                    className="rounded-md border border-amber-200 bg-amber-50 px-2 py-1 text-amber-950"
                  >
                    <span className="font-semibold">Look at this: </span>
                    {FLAG_TEXT[f]}
                  </li>
                ))}
              </ul>
            )}
            <details className="text-sm" open={i.flags.length > 0 || undefined}>
              <summary className="cursor-pointer font-medium text-brand-700">How students answered</summary>
              <div className="mt-2">
                <ItemChoices item={i} />
              </div>
            </details>
            <p>
              <Link
                href={`/teacher/assignments/${assignmentId}/questions/${i.number}`}
                className="text-sm font-medium text-brand-700 underline"
              >
                Regrade question {i.number}
              </Link>
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}

export function SkillMasteryList({ skills }: { skills: SkillMastery[] }) {
  return (
    <ul className="space-y-2">
      {skills.map((m) => (
        <li key={m.skill} className="grid grid-cols-[9rem_1fr_7rem] items-center gap-3 text-sm">
          <span>{SKILL_LABELS[m.skill] ?? m.skill}</span>
          <span className="h-3 overflow-hidden rounded bg-stone-200" aria-hidden="true">
            <span className="block h-full bg-brand-700" style={{ width: `${m.percent}%` }} />
          </span>
          <span>
            {formatPercent(m.percent)} <span className="text-stone-600">({m.answers} answers)</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
