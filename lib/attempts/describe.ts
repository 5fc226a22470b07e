import type { Question, Response } from "@/lib/quiz";

/** Answers and keys in words, for results pages, question review and exports. */
function optionText(q: Question, id: string): string {
  return q.options.find((o) => o.id === id)?.text ?? "—";
}

function pairsText(q: Question, pairs: { itemId: string; optionId: string }[]): string {
  return pairs
    .map((p) => `${q.items?.find((i) => i.id === p.itemId)?.text ?? "?"} → ${optionText(q, p.optionId)}`)
    .join("; ");
}

export function describeResponse(q: Question, r: Response | null | undefined): string {
  if (!r) return "No answer";
  if ("optionId" in r) return optionText(q, r.optionId);
  if ("optionIds" in r) return r.optionIds.map((id) => optionText(q, id)).join(", ");
  if ("text" in r) return r.text;
  return pairsText(q, r.pairs);
}

export function describeKey(q: Question): string {
  const a = q.answer;
  if (a.type === "single") return optionText(q, a.optionId);
  if (a.type === "multi") return a.optionIds.map((id) => optionText(q, id)).join(", ");
  if (a.type === "text") return a.accepted.join(" / ");
  return pairsText(q, a.pairs);
}
