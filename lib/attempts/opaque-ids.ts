import crypto from "node:crypto";
import { authSecret } from "@/lib/env";
import type { Option, Question, Response } from "@/lib/quiz";
import { responseFromForm, toPublicQuestion, type PublicQuestion } from "./answer-form";

/**
 * The ids the browser sees of an attempt's questions, options and matching
 * items. Stored ids are content hashes ("who-said-<FNV of the quote and the
 * speaker>", "o-<FNV of the option text>"), so a student could hash each
 * option and find which one a question id was made from: its key. The browser
 * gets instead an HMAC of the stored id under a key derived from the server
 * secret, scoped to the attempt, and the server maps every posted id back.
 * Stored ids stay as they are: "practice what you missed" finds the same
 * question across quizzes by them.
 */
const ID_LENGTH = 16;

let derived: { secret: string; key: Buffer } | undefined;
function keyFor(secret: string): Buffer {
  if (derived?.secret !== secret)
    derived = { secret, key: crypto.createHmac("sha256", secret).update("newsquiz/opaque-ids/v1").digest() };
  return derived.key;
}

type Maps = { question: string; options: Map<string, string>; items: Map<string, string> };

export type Disguise = {
  /** The question as the browser sees it: opaque ids, options in this student's order. */
  show(question: Question): PublicQuestion;
  /** The stored question a posted question id names, if any. */
  find(publicId: string): Question | undefined;
  /** A saved answer in the browser's ids, to fill the form in again. */
  shown(question: Question, response: Response): Response;
  /** The answer a form posted for this question, in stored ids (anything else is dropped). */
  read(question: Question, form: FormData): Response | null;
};

export function disguiseFor(
  attempt: { id: string; optionOrder: Record<string, string[]> },
  questions: Question[],
  /** The server's session secret; read from the environment unless given (the benchmark seeds a server it starts). */
  secret: string = authSecret(),
): Disguise {
  const key = keyFor(secret);
  const opaque = (attemptId: string, kind: "q" | "o" | "i", id: string) =>
    `${kind}${crypto.createHmac("sha256", key).update(`${attemptId}\u0000${kind}\u0000${id}`).digest("base64url").slice(0, ID_LENGTH)}`;
  const maps = new Map<string, Maps>();
  const byPublicId = new Map<string, Question>();
  for (const q of questions) {
    const m: Maps = {
      question: opaque(attempt.id, "q", q.id),
      options: new Map(q.options.map((o) => [o.id, opaque(attempt.id, "o", `${q.id}\u0000${o.id}`)])),
      items: new Map((q.items ?? []).map((i) => [i.id, opaque(attempt.id, "i", `${q.id}\u0000${i.id}`)])),
    };
    maps.set(q.id, m);
    byPublicId.set(m.question, q);
  }
  const mapsOf = (q: Question) => maps.get(q.id)!;
  const rename = (list: Option[], names: Map<string, string>): Option[] =>
    list.flatMap((o) => (names.has(o.id) ? [{ id: names.get(o.id)!, text: o.text }] : []));
  const back = (names: Map<string, string>) => new Map([...names].map(([real, shown]) => [shown, real]));

  const show = (q: Question): PublicQuestion => {
    const m = mapsOf(q);
    const plain = toPublicQuestion(q, attempt.optionOrder[q.id]);
    return {
      ...plain,
      id: m.question,
      options: rename(plain.options, m.options),
      ...(plain.items ? { items: rename(plain.items, m.items) } : {}),
    };
  };

  return {
    show,
    find: (publicId) => byPublicId.get(publicId),
    shown(q, r) {
      const { options, items } = mapsOf(q);
      const o = (id: string) => options.get(id) ?? "";
      if ("optionId" in r) return { optionId: o(r.optionId) };
      if ("optionIds" in r) return { optionIds: r.optionIds.map(o) };
      if ("text" in r) return r;
      return { pairs: r.pairs.map((p) => ({ itemId: items.get(p.itemId) ?? "", optionId: o(p.optionId) })) };
    },
    read(q, form) {
      const response = responseFromForm(show(q), form);
      if (!response) return null;
      const { options, items } = mapsOf(q);
      const o = back(options);
      const i = back(items);
      // responseFromForm kept only this question's own (opaque) ids, so each maps back.
      if ("optionId" in response) return { optionId: o.get(response.optionId)! };
      if ("optionIds" in response) return { optionIds: response.optionIds.map((id) => o.get(id)!) };
      if ("text" in response) return response;
      return {
        pairs: response.pairs.map((p) => ({ itemId: i.get(p.itemId)!, optionId: o.get(p.optionId)! })),
      };
    },
  };
}
