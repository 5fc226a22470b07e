import type { ItemAnalysis, SkillMastery } from "@/lib/gradebook/item-analysis";
import { SKILL_LABELS } from "@/lib/labels";
import { formatPercent } from "@/lib/format";

/** Per question: how many answered, the share fully right, and the wrong answer given most often. */
export function ItemAnalysisTable({ items }: { items: ItemAnalysis[] }) {
  return (
    <div
      className="overflow-x-auto rounded-lg border border-stone-200"
      role="region"
      aria-labelledby="items-caption"
      tabIndex={0}
    >
      <table className="min-w-full bg-white text-left text-sm">
        <caption id="items-caption" className="sr-only">
          Item analysis: one row per question, over each student&apos;s counting attempt
        </caption>
        <thead className="bg-stone-100">
          <tr>
            <th scope="col" className="px-3 py-2">
              #
            </th>
            <th scope="col" className="px-3 py-2">
              Question and right answer
            </th>
            <th scope="col" className="px-3 py-2">
              Skill
            </th>
            <th scope="col" className="px-3 py-2">
              Answered
            </th>
            <th scope="col" className="px-3 py-2">
              Fully right
            </th>
            <th scope="col" className="px-3 py-2">
              Mean score
            </th>
            <th scope="col" className="px-3 py-2">
              Most chosen wrong answer
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.questionId} className="border-t border-stone-200 align-top">
              <th scope="row" className="px-3 py-2 font-medium">
                {i.number}
              </th>
              <td className="max-w-md px-3 py-2">
                {i.prompt}
                <span className="mt-1 block text-xs text-stone-700">
                  <span className="font-medium">Answer:</span> {i.key}
                </span>
              </td>
              <td className="px-3 py-2">{SKILL_LABELS[i.skill] ?? i.skill}</td>
              <td className="whitespace-nowrap px-3 py-2">
                {i.answered} of {i.attempts}
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {formatPercent(i.shareRight)} <span className="text-stone-600">({i.right})</span>
              </td>
              <td className="px-3 py-2">{formatPercent(i.averageScore)}</td>
              <td className="max-w-xs px-3 py-2">
                {i.mostChosenWrong ? (
                  <>
                    {i.mostChosenWrong.text}{" "}
                    <span className="whitespace-nowrap text-stone-600">
                      ({i.mostChosenWrong.count} student{i.mostChosenWrong.count === 1 ? "" : "s"})
                    </span>
                  </>
                ) : (
                  <span className="text-stone-600">None</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
