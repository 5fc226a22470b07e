import crypto from "node:crypto";
import type { Question } from "@/lib/quiz";

/** A copy in a random order (Fisher–Yates with the system's random source). */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Each student sees the options in an order of their own; true/false stays True, False. */
export function shuffledOptionOrder(questions: Question[]): Record<string, string[]> {
  const order: Record<string, string[]> = {};
  for (const q of questions) {
    const ids = q.options.map((o) => o.id);
    order[q.id] = q.kind === "true-false" ? ids : shuffled(ids);
  }
  return order;
}
