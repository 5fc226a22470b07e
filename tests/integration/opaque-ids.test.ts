/**
 * Issue #14, finding 9: the browser never sees a question's or an option's
 * stored id (a hash of its content, from which the key can be recomputed).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getArticleBySlug } from "@/lib/articles/queries";
import { fieldName } from "@/lib/attempts/answer-form";
import { disguiseFor } from "@/lib/attempts/opaque-ids";
import { saveAnswers } from "@/lib/attempts/grading";
import { startAttempt } from "@/lib/attempts/start";
import { getAttemptForUser, getAttemptQuestions } from "@/lib/attempts/views";
import type { Question, Response } from "@/lib/quiz";
import { prepareContent } from "@/lib/startup";
import { createUser } from "@/lib/users/accounts";
import { FAST_HASH, setupTestDatabase, uniqueEmail } from "../support/db";

const t = setupTestDatabase();
let articleId: string;

async function attemptOfNewStudent() {
  const r = await createUser({
    db: t.db(),
    name: "Student",
    email: uniqueEmail("student"),
    password: "password123",
    role: "student",
    hashParams: FAST_HASH,
  });
  if (!r.ok) throw new Error("user");
  const started = await startAttempt({ db: t.db(), userId: r.user.id, articleId, mode: "take" });
  if (!started.ok) throw new Error(started.reason);
  const attempt = (await getAttemptQuestions({
    db: t.db(),
    userId: r.user.id,
    attemptId: started.attemptId,
  }))!;
  return { userId: r.user.id, attempt };
}

const keyOf = (q: Question): Response => {
  const a = q.answer;
  if (a.type === "single") return { optionId: a.optionId };
  if (a.type === "multi") return { optionIds: a.optionIds };
  if (a.type === "text") return { text: a.accepted[0]! };
  return { pairs: a.pairs };
};

beforeAll(async () => {
  await prepareContent({ database: t.database(), seedDemo: false });
  articleId = (await getArticleBySlug({
    db: t.db(),
    slug: "us-allies-weapons-ukraine-2022-10-12",
    viewerId: null,
  }))!.id;
});

describe("the ids the browser sees", () => {
  it("are none of the stored ids, and differ from one attempt to the next", async () => {
    const a = await attemptOfNewStudent();
    const b = await attemptOfNewStudent();
    const stored = new Set(
      a.attempt.questions.flatMap((q) => [
        q.id,
        ...q.options.map((o) => o.id),
        ...(q.items ?? []).map((i) => i.id),
      ]),
    );
    const shownA = a.attempt.questions.map((q) => disguiseFor(a.attempt, a.attempt.questions).show(q));
    const shownB = b.attempt.questions.map((q) => disguiseFor(b.attempt, b.attempt.questions).show(q));
    const idsOf = (shown: typeof shownA) =>
      shown.flatMap((q) => [q.id, ...q.options.map((o) => o.id), ...(q.items ?? []).map((i) => i.id)]);
    for (const id of idsOf(shownA)) expect(stored.has(id), id).toBe(false);
    // The same quiz (seed 1 for everyone) gets other ids in another attempt.
    expect(a.attempt.questions.map((q) => q.id)).toEqual(b.attempt.questions.map((q) => q.id));
    expect(idsOf(shownA).filter((id) => idsOf(shownB).includes(id))).toEqual([]);
    // What is shown is otherwise the question: prompt and option texts in this student's order.
    expect(shownA.map((q) => q.prompt)).toEqual(a.attempt.questions.map((q) => q.prompt));
  });

  it("are mapped back on the server: a form posted with them saves the stored answer", async () => {
    const { userId, attempt } = await attemptOfNewStudent();
    const disguise = disguiseFor(attempt, attempt.questions);
    const form = new FormData();
    for (const q of attempt.questions) {
      const shown = disguise.show(q);
      const key = disguise.shown(q, keyOf(q));
      if ("optionId" in key) form.set(fieldName(shown.id), key.optionId);
      else if ("optionIds" in key) for (const id of key.optionIds) form.append(fieldName(shown.id), id);
      else if ("text" in key) form.set(fieldName(shown.id), key.text);
      else for (const p of key.pairs) form.set(fieldName(shown.id, p.itemId), p.optionId);
    }
    const answers = attempt.questions.map((q) => ({ questionId: q.id, response: disguise.read(q, form) }));
    expect(answers.map((a) => a.response)).toEqual(attempt.questions.map(keyOf));
    expect(await saveAnswers({ db: t.db(), userId, attemptId: attempt.id, answers })).toEqual({ ok: true });
    const view = (await getAttemptForUser({ db: t.db(), userId, attemptId: attempt.id }))!;
    expect(attempt.questions.map((q) => view.answers.get(q.id)?.response)).toEqual(
      attempt.questions.map(keyOf),
    );
  });

  it("take nothing posted under the stored ids, nor another attempt's ids", async () => {
    const { attempt } = await attemptOfNewStudent();
    const other = await attemptOfNewStudent();
    const disguise = disguiseFor(attempt, attempt.questions);
    const otherDisguise = disguiseFor(other.attempt, other.attempt.questions);
    for (const q of attempt.questions) {
      const key = keyOf(q);
      if (!("optionId" in key)) continue;
      const stored = new FormData();
      stored.set(fieldName(q.id), key.optionId);
      stored.set(fieldName(disguise.show(q).id), key.optionId);
      expect(disguise.read(q, stored)).toBeNull();
      const foreign = new FormData();
      const theirs = otherDisguise.show(q);
      foreign.set(fieldName(theirs.id), theirs.options[0]!.id);
      foreign.set(fieldName(disguise.show(q).id), theirs.options[0]!.id);
      expect(disguise.read(q, foreign)).toBeNull();
    }
    expect(disguise.find(attempt.questions[0]!.id)).toBeUndefined();
    expect(disguise.find(disguise.show(attempt.questions[0]!).id)).toBe(attempt.questions[0]);
  });
});
