import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addTeacherArticle,
  getArticleBySlug,
  insertArticleIfMissing,
  listArticles,
} from "@/lib/articles/queries";
import { analyzeArticle, generateQuiz, gradeAnswer, prepareArticle, type Question } from "@/lib/quiz";
import { customMetaSchema, questionDraftSchema } from "@/lib/reviews/drafts";
import { fieldErrorsOf, refuse } from "@/lib/result";
import {
  addCustomQuestion,
  articleDetailsSchema,
  deleteCustomQuestion,
  getReviewBank,
  resetQuestion,
  reviewedQuizQuestions,
  saveQuestionEdit,
  setQuestionIncluded,
  updateArticleDetails,
} from "@/lib/reviews/queries";
import { createUser } from "@/lib/users/accounts";
import { resetAnalysisForTests } from "@/lib/analysis";
import { AnalysisPool, type Lane } from "@/lib/analysis/pool";
import { bodyKey, type Task } from "@/lib/analysis/tasks";
import { GENERATOR_VERSION } from "@/lib/quiz";
import { pageOf, REVIEW_PAGE_SIZE } from "@/lib/reviews/pages";
import { FAST_HASH, setupTestDatabase, uniqueEmail } from "../support/db";

const t = setupTestDatabase();

async function user(role: "teacher" | "student") {
  const r = await createUser({
    db: t.db(),
    name: role,
    email: uniqueEmail(role),
    password: "password123",
    role,
    hashParams: FAST_HASH,
  });
  if (!r.ok) throw new Error("user");
  return r.user.id;
}

const SHIPPED_TEXT = fs.readFileSync(
  path.join(process.cwd(), "content", "articles", "us-allies-weapons-ukraine-2022-10-12.txt"),
  "utf8",
);
const BODY = prepareArticle(SHIPPED_TEXT).text;
const DEFAULT_QUIZ = generateQuiz(analyzeArticle(BODY), { seed: 1, count: 10 }).questions;

/** A shipped article (no owner) of its own, so runs on a shared PostgreSQL never collide. */
async function shippedArticle(): Promise<string> {
  const slug = `review-test-${crypto.randomBytes(4).toString("hex")}`;
  await insertArticleIfMissing({
    db: t.db(),
    article: { slug, title: "Weapons sent", body: BODY, wordCount: 1000, ownerId: null },
  });
  return (await getArticleBySlug({ db: t.db(), slug, viewerId: null }))!.id;
}

async function teacherArticle(ownerId: string): Promise<{ id: string; slug: string }> {
  const added = await addTeacherArticle({
    db: t.db(),
    ownerId,
    title: "Our article",
    source: "Class handout",
    publishedOn: "2026-01-05",
    text: SHIPPED_TEXT,
  });
  if (!added.ok) throw new Error(JSON.stringify(added));
  const article = (await getArticleBySlug({ db: t.db(), slug: added.slug, viewerId: ownerId }))!;
  return { id: article.id, slug: added.slug };
}

const isKey = (q: Question, optionId: string) =>
  q.answer.type === "single"
    ? q.answer.optionId === optionId
    : q.answer.type === "multi" && q.answer.optionIds.includes(optionId);

const firstOf = (kind: Question["kind"], questions: Question[] = DEFAULT_QUIZ) => {
  const q = questions.find((x) => x.kind === kind);
  if (!q) throw new Error(`no ${kind} question`);
  return q;
};

let articleId: string;
beforeAll(async () => {
  articleId = await shippedArticle();
});

describe("a teacher's review of an article's question bank", () => {
  it("starts from the default quiz: the same questions a first take gets, then the rest of the bank off", async () => {
    const teacher = await user("teacher");
    const reviewed = await reviewedQuizQuestions({ db: t.db(), teacherId: teacher, articleId });
    expect(reviewed).toEqual(DEFAULT_QUIZ);
    const bank = (await getReviewBank({ db: t.db(), teacherId: teacher, articleId }))!;
    const on = bank.entries.filter((e) => e.included);
    expect(on.map((e) => e.question.id)).toEqual(DEFAULT_QUIZ.map((q) => q.id));
    expect(bank.entries.length).toBeGreaterThan(50);
    expect(bank.entries.slice(on.length).every((e) => !e.included && !e.custom && !e.edited)).toBe(true);
    expect(new Set(bank.entries.map((e) => e.questionId)).size).toBe(bank.entries.length);
    expect(bank.entries[0]!.evidenceText.length).toBeGreaterThan(10);
    expect(BODY).toContain(bank.entries[0]!.evidenceText.split(" … ")[0]);
  });

  it("turns questions off and on, keeping the default quiz's order first", async () => {
    const teacher = await user("teacher");
    const bank = (await getReviewBank({ db: t.db(), teacherId: teacher, articleId }))!;
    const off = DEFAULT_QUIZ[2]!.id;
    const extra = bank.entries.find((e) => !e.included)!.questionId;
    const set = (questionId: string, included: boolean) =>
      setQuestionIncluded({ db: t.db(), teacherId: teacher, articleId, questionId, included });
    expect(await set(off, false)).toMatchObject({ ok: true });
    expect(await set(extra, true)).toMatchObject({ ok: true });
    expect(await set("who-said-nosuch", true)).toMatchObject({ ok: false });
    const ids = (await reviewedQuizQuestions({ db: t.db(), teacherId: teacher, articleId }))!.map(
      (q) => q.id,
    );
    expect(ids).toEqual([...DEFAULT_QUIZ.map((q) => q.id).filter((id) => id !== off), extra]);
    expect(await set(off, true)).toMatchObject({ ok: true });
    const again = (await reviewedQuizQuestions({ db: t.db(), teacherId: teacher, articleId }))!.map(
      (q) => q.id,
    );
    expect(again).toEqual([...DEFAULT_QUIZ.map((q) => q.id), extra]);
  });

  it("gives an edited question a new id from its content and grades it by the new key", async () => {
    const teacher = await user("teacher");
    const original = firstOf("who-said");
    if (original.answer.type !== "single") throw new Error("single expected");
    const oldKey = original.answer.optionId;
    const newKey = original.options.find((o) => o.id !== oldKey)!.id;
    const draft = {
      prompt: "Who said it, according to the article?",
      options: original.options.map((o, i) => ({
        id: o.id,
        text: i === 0 ? `${o.text} (edited)` : o.text,
        correct: o.id === newKey,
      })),
      explanation: "The teacher's key: the article names this speaker.",
    };
    // A new key with the generated explanation would print the old reason: refused, with a message.
    const stale = await saveQuestionEdit({
      db: t.db(),
      teacherId: teacher,
      articleId,
      questionId: original.id,
      draft: { ...draft, explanation: original.explanation },
    });
    expect(stale).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { explanation: [expect.any(String)] },
    });
    const saved = await saveQuestionEdit({
      db: t.db(),
      teacherId: teacher,
      articleId,
      questionId: original.id,
      draft,
    });
    expect(saved).toEqual({ ok: true, questionId: original.id });
    const reviewed = (await reviewedQuizQuestions({ db: t.db(), teacherId: teacher, articleId }))!;
    const edited = reviewed[DEFAULT_QUIZ.indexOf(original)]!;
    expect(edited.id).toMatch(/^e-[0-9a-f]{16}$/);
    expect(edited.prompt).toBe(draft.prompt);
    expect(edited.options.map((o) => o.id)).toEqual(original.options.map((o) => o.id));
    expect(edited.explanation).toBe(draft.explanation);
    expect(edited.evidence).toEqual(original.evidence);
    expect(gradeAnswer(edited, { optionId: newKey })).toEqual({ score: 1, correct: true });
    expect(gradeAnswer(edited, { optionId: oldKey })).toEqual({ score: 0, correct: false });

    // The same edit by another teacher is the same question; a different edit is another.
    const other = await user("teacher");
    await saveQuestionEdit({ db: t.db(), teacherId: other, articleId, questionId: original.id, draft });
    const othersEdit = (await reviewedQuizQuestions({ db: t.db(), teacherId: other, articleId }))!;
    expect(othersEdit.map((q) => q.id)).toContain(edited.id);
    await saveQuestionEdit({
      db: t.db(),
      teacherId: other,
      articleId,
      questionId: original.id,
      draft: { ...draft, prompt: "Who said this?" },
    });
    const changed = (await reviewedQuizQuestions({ db: t.db(), teacherId: other, articleId }))!;
    expect(changed.map((q) => q.id)).not.toContain(edited.id);

    const bank = (await getReviewBank({ db: t.db(), teacherId: teacher, articleId }))!;
    const entry = bank.entries.find((e) => e.questionId === original.id)!;
    expect(entry).toMatchObject({ edited: true, included: true, original: { id: original.id } });
    expect(entry.question.id).toBe(edited.id);
  });

  it("edits a generated question's explanation alone, keeping the question's id; clearing it restores the generated one", async () => {
    const teacher = await user("teacher");
    const original = firstOf("who-said");
    const draft = {
      prompt: original.prompt,
      options: original.options.map((o) => ({ id: o.id, text: o.text, correct: isKey(original, o.id) })),
      explanation: "Read the paragraph that starts the interview: the speaker is named there.",
    };
    const save = (explanation?: string) =>
      saveQuestionEdit({
        db: t.db(),
        teacherId: teacher,
        articleId,
        questionId: original.id,
        draft: { ...draft, explanation },
      });
    expect(await save(draft.explanation)).toEqual({ ok: true, questionId: original.id });
    const reviewed = (await reviewedQuizQuestions({ db: t.db(), teacherId: teacher, articleId }))!;
    const edited = reviewed[DEFAULT_QUIZ.indexOf(original)]!;
    expect(edited).toMatchObject({
      id: original.id,
      explanation: draft.explanation,
      answer: original.answer,
    });
    const entry = (await getReviewBank({ db: t.db(), teacherId: teacher, articleId }))!.entries.find(
      (e) => e.questionId === original.id,
    )!;
    expect(entry).toMatchObject({ edited: true, original: { explanation: original.explanation } });

    expect(await save("")).toEqual({ ok: true, questionId: original.id });
    const restored = (await getReviewBank({ db: t.db(), teacherId: teacher, articleId }))!.entries.find(
      (e) => e.questionId === original.id,
    )!;
    expect(restored).toMatchObject({ edited: false, question: { explanation: original.explanation } });
  });

  it("adds, drops and renames options with stable ids for the ones kept", async () => {
    const teacher = await user("teacher");
    const original = firstOf("who-said");
    const [a, b] = original.options;
    const saved = await saveQuestionEdit({
      db: t.db(),
      teacherId: teacher,
      articleId,
      questionId: original.id,
      draft: {
        prompt: original.prompt,
        options: [
          { id: a!.id, text: b!.text, correct: true },
          { id: b!.id, text: "" },
          { text: "Nobody at all" },
        ],
        explanation: "The article gives this answer.",
      },
    });
    expect(saved.ok).toBe(true);
    const q = (await reviewedQuizQuestions({ db: t.db(), teacherId: teacher, articleId }))!.find(
      (x) => x.prompt === original.prompt && x.id.startsWith("e-"),
    )!;
    expect(q.options).toHaveLength(2);
    expect(q.options[0]).toEqual({ id: a!.id, text: b!.text });
    expect(q.options[1]!.id).not.toBe(b!.id);
    expect(q.options[1]!.text).toBe("Nobody at all");
    expect(gradeAnswer(q, { optionId: a!.id }).correct).toBe(true);
  });

  it("edits true/false, multiple select, matching and typed answers in their own way", async () => {
    const teacher = await user("teacher");
    const bank = (await getReviewBank({ db: t.db(), teacherId: teacher, articleId }))!;
    const all = bank.entries.map((e) => e.question);
    // The draft as the action's schema reads it from the form.
    const save = (questionId: string, draft: object) =>
      saveQuestionEdit({
        db: t.db(),
        teacherId: teacher,
        articleId,
        questionId,
        draft: questionDraftSchema.parse(draft),
      });
    const edited = async (id: string) =>
      (await getReviewBank({ db: t.db(), teacherId: teacher, articleId }))!.entries.find(
        (e) => e.questionId === id,
      )!.question;

    const tf = firstOf("true-false", all);
    if (tf.answer.type !== "single") throw new Error("single expected");
    const flipped = tf.options.find((o) => o.id !== (tf.answer as { optionId: string }).optionId)!;
    expect(
      (
        await save(tf.id, {
          prompt: tf.prompt,
          options: [{ id: flipped.id, text: "", correct: true }],
          explanation: "The article says otherwise.",
        })
      ).ok,
    ).toBe(true);
    const tfEdited = await edited(tf.id);
    expect(tfEdited.options).toEqual(tf.options);
    expect(gradeAnswer(tfEdited, { optionId: flipped.id }).correct).toBe(true);

    const multi = firstOf("systems-sent", all);
    const wanted = multi.options.slice(0, 2).map((o) => o.id);
    await save(multi.id, {
      prompt: multi.prompt,
      options: multi.options.map((o) => ({ id: o.id, text: o.text, correct: wanted.includes(o.id) })),
      explanation: "The article names these two.",
    });
    const multiEdited = await edited(multi.id);
    expect(gradeAnswer(multiEdited, { optionIds: wanted })).toEqual({ score: 1, correct: true });

    // Matching: the shipped article's bank has none under generator 2.0; tests/unit/reviews-drafts.test.ts
    // covers how a matching question's edit keeps its pairs.

    const cloze = firstOf("cloze", all);
    await save(cloze.id, { prompt: cloze.prompt, accepted: ["  forty ", "", "40", "Forty"] });
    const clozeEdited = await edited(cloze.id);
    expect(clozeEdited.answer).toEqual({ type: "text", accepted: ["forty", "40"] });
    expect(gradeAnswer(clozeEdited, { text: "The FORTY" }).correct).toBe(true);
  });

  it("drops an edit on reset, and an edit that restores the generated question is no edit", async () => {
    const teacher = await user("teacher");
    const original = DEFAULT_QUIZ.find((q) => q.answer.type === "single" && q.kind !== "true-false");
    if (!original) throw new Error("no single-answer question in the default quiz");
    const draftOf = (prompt: string) => ({
      prompt,
      options: original.options.map((o) => ({
        id: o.id,
        text: o.text,
        correct: original.answer.type === "single" && o.id === original.answer.optionId,
      })),
    });
    const args = { db: t.db(), teacherId: teacher, articleId, questionId: original.id };
    await saveQuestionEdit({ ...args, draft: draftOf("Which words did they use?") });
    await setQuestionIncluded({ ...args, included: false });
    expect(await resetQuestion(args)).toMatchObject({ ok: true });
    expect(await resetQuestion(args)).toMatchObject({ ok: false });
    let entry = (await getReviewBank(args))!.entries.find((e) => e.questionId === original.id)!;
    expect(entry).toMatchObject({ edited: false, included: false });
    expect(entry.question).toEqual(original);

    await setQuestionIncluded({ ...args, included: true });
    await saveQuestionEdit({ ...args, draft: draftOf("Changed") });
    await saveQuestionEdit({ ...args, draft: draftOf(original.prompt) });
    entry = (await getReviewBank(args))!.entries.find((e) => e.questionId === original.id)!;
    expect(entry.edited).toBe(false);
    expect((await reviewedQuizQuestions(args))!).toEqual(DEFAULT_QUIZ);
  });

  it("adds the teacher's own questions of each type after the generated ones, graded right", async () => {
    const teacher = await user("teacher");
    const add = (type: "single" | "multi" | "true-false" | "text", draft: object) =>
      addCustomQuestion({
        db: t.db(),
        teacherId: teacher,
        articleId,
        type,
        skill: "details",
        draft: { prompt: `My ${type} question`, ...draft },
      });
    const single = await add("single", {
      options: [{ text: "Kyiv", correct: true }, { text: "Lviv" }, { text: "" }],
      explanation: "The article names Kyiv.",
    });
    const multi = await add("multi", {
      options: [
        { text: "HIMARS", correct: true },
        { text: "Javelin", correct: true },
        { text: "Battleship" },
      ],
    });
    const tf = await add("true-false", { options: [{ id: "o-false", text: "", correct: true }] });
    const text = await add("text", { accepted: ["Stoltenberg", "Jens Stoltenberg"] });
    for (const r of [single, multi, tf, text]) expect(r.ok).toBe(true);

    const reviewed = (await reviewedQuizQuestions({ db: t.db(), teacherId: teacher, articleId }))!;
    expect(reviewed.slice(0, DEFAULT_QUIZ.length)).toEqual(DEFAULT_QUIZ);
    const mine = reviewed.slice(DEFAULT_QUIZ.length);
    expect(mine.map((q) => q.prompt)).toEqual([
      "My single question",
      "My multi question",
      "My true-false question",
      "My text question",
    ]);
    expect(mine.every((q) => /^c-[0-9a-f]{16}$/.test(q.id) && q.skill === "details")).toBe(true);
    const [s, m, f, x] = mine as [Question, Question, Question, Question];
    expect(s.options).toHaveLength(2);
    expect(s.explanation).toBe("The article names Kyiv.");
    expect(gradeAnswer(s, { optionId: s.options.find((o) => o.text === "Kyiv")!.id }).correct).toBe(true);
    expect(gradeAnswer(s, { optionId: s.options.find((o) => o.text === "Lviv")!.id }).correct).toBe(false);
    const right = m.options.filter((o) => o.text !== "Battleship").map((o) => o.id);
    expect(gradeAnswer(m, { optionIds: right })).toEqual({ score: 1, correct: true });
    expect(gradeAnswer(m, { optionIds: m.options.map((o) => o.id) }).score).toBe(0.5);
    expect(f.kind).toBe("true-false");
    expect(f.options.map((o) => o.text)).toEqual(["True", "False"]);
    expect(gradeAnswer(f, { optionId: "o-false" }).correct).toBe(true);
    expect(gradeAnswer(x, { text: "jens stoltenberg" }).correct).toBe(true);
    expect(gradeAnswer(x, { text: "Biden" }).correct).toBe(false);

    // Editing one of them makes a new question; turning one off and deleting one take it out.
    const args = { db: t.db(), teacherId: teacher, articleId };
    const edit = await saveQuestionEdit({
      ...args,
      questionId: x.id,
      draft: { prompt: "Who leads NATO?", accepted: ["Stoltenberg"] },
    });
    if (!edit.ok) throw new Error("edit failed");
    expect(edit.questionId).not.toBe(x.id);
    expect(await setQuestionIncluded({ ...args, questionId: s.id, included: false })).toMatchObject({
      ok: true,
    });
    expect(await deleteCustomQuestion({ ...args, questionId: m.id })).toMatchObject({ ok: true });
    expect(await deleteCustomQuestion({ ...args, questionId: m.id })).toMatchObject({ ok: false });
    expect(await deleteCustomQuestion({ ...args, questionId: DEFAULT_QUIZ[0]!.id })).toMatchObject({
      ok: false,
    });
    const after = (await reviewedQuizQuestions(args))!.slice(DEFAULT_QUIZ.length);
    expect(after.map((q) => q.id)).toEqual([f.id, edit.questionId]);
    expect(after[1]!.prompt).toBe("Who leads NATO?");
    const bank = (await getReviewBank(args))!;
    expect(bank.entries.filter((e) => e.custom).map((e) => [e.question.id, e.included])).toEqual([
      [s.id, false],
      [f.id, true],
      [edit.questionId, true],
    ]);
  });

  it("refuses bad questions with a message per field and saves nothing", async () => {
    const teacher = await user("teacher");
    const args = { db: t.db(), teacherId: teacher, articleId };
    // As the action does: the schema reads the form (the edge), the domain function the rest.
    const add = async (
      type: "single" | "multi" | "true-false" | "text",
      draft: object,
      skill = "details",
    ) => {
      const parsed = customMetaSchema
        .extend(questionDraftSchema.shape)
        .safeParse({ type, skill, prompt: "A question", ...draft });
      if (!parsed.success) return refuse("invalid", fieldErrorsOf(parsed.error));
      const { type: shape, skill: checks, ...rest } = parsed.data;
      return addCustomQuestion({ ...args, type: shape, skill: checks, draft: rest });
    };
    const errors = async (p: ReturnType<typeof add>) => {
      const r = await p;
      if (r.ok || r.reason !== "invalid") throw new Error(`expected invalid, got ${JSON.stringify(r)}`);
      return r.fieldErrors ?? {};
    };
    const two = [{ text: "A", correct: true }, { text: "B" }];
    expect((await errors(add("single", { prompt: "  ", options: two }))).prompt).toEqual([
      "Write the question.",
    ]);
    expect((await errors(add("single", { prompt: "x".repeat(501), options: two }))).prompt).toEqual([
      "Use at most 500 characters for the question.",
    ]);
    expect((await errors(add("single", { options: [{ text: "A", correct: true }] }))).options).toEqual([
      expect.stringMatching(/between 2 and 6 options/),
    ]);
    const seven = Array.from({ length: 7 }, (_, i) => ({ text: `O${i}`, correct: i === 0 }));
    expect((await errors(add("single", { options: seven }))).options).toEqual([
      expect.stringMatching(/between 2 and 6/),
    ]);
    expect((await errors(add("single", { options: [...two, { text: " a " }] }))).options).toEqual([
      'Two options say the same thing: "a".',
    ]);
    expect((await errors(add("single", { options: [{ text: "A" }, { text: "B" }] }))).options).toEqual([
      "Mark the right answer.",
    ]);
    expect(
      (
        await errors(
          add("single", {
            options: [
              { text: "A", correct: true },
              { text: "B", correct: true },
            ],
          }),
        )
      ).options,
    ).toEqual(["Mark only one right answer."]);
    expect((await errors(add("multi", { options: [{ text: "A" }, { text: "B" }] }))).options).toEqual([
      "Mark at least one right answer.",
    ]);
    expect((await errors(add("single", { options: [...two, { text: "x".repeat(201) }] }))).options).toEqual([
      "Use at most 200 characters for each option.",
    ]);
    expect((await errors(add("true-false", { options: [] }))).options).toEqual([
      "Choose whether the statement is true or false.",
    ]);
    expect((await errors(add("text", { accepted: ["", " "] }))).accepted).toEqual([
      "Give at least one accepted answer.",
    ]);
    expect((await errors(add("text", { accepted: ["?!"] }))).accepted).toEqual([
      '"?!" has no letters or digits, so no typed answer could match it.',
      "Give at least one accepted answer.",
    ]);
    expect(
      (await errors(add("text", { accepted: Array.from({ length: 11 }, (_, i) => `answer ${i}`) }))).accepted,
    ).toEqual(["Give at most 10 accepted answers."]);
    expect(
      (await errors(add("text", { accepted: ["x"], explanation: "e".repeat(501) }))).explanation,
    ).toEqual(["Use at most 500 characters for the explanation."]);
    expect((await errors(add("text", { accepted: ["x"] }, "cooking"))).skill).toEqual([
      "Choose what the question checks.",
    ]);
    expect((await errors(add("essay" as "text", { accepted: ["x"] }))).type).toEqual([
      "Choose the kind of question.",
    ]);

    expect(await reviewedQuizQuestions(args)).toEqual(DEFAULT_QUIZ);
  });
});

describe("who may review and edit", () => {
  it("keeps one teacher's review of a shipped article from another's", async () => {
    const a = await user("teacher");
    const b = await user("teacher");
    const first = DEFAULT_QUIZ[0]!;
    await setQuestionIncluded({ db: t.db(), teacherId: a, articleId, questionId: first.id, included: false });
    const mine = await addCustomQuestion({
      db: t.db(),
      teacherId: a,
      articleId,
      type: "text",
      skill: "details",
      draft: { prompt: "Mine", accepted: ["yes"] },
    });
    if (!mine.ok) throw new Error("add failed");
    expect(await reviewedQuizQuestions({ db: t.db(), teacherId: b, articleId })).toEqual(DEFAULT_QUIZ);
    const args = { db: t.db(), teacherId: b, articleId, questionId: mine.questionId };
    expect(await setQuestionIncluded({ ...args, included: false })).toMatchObject({ ok: false });
    expect(await deleteCustomQuestion(args)).toMatchObject({ ok: false });
    expect(await saveQuestionEdit({ ...args, draft: { prompt: "Theirs", accepted: ["no"] } })).toEqual({
      ok: false,
      reason: "not-found",
    });
    const stillMine = (await reviewedQuizQuestions({ db: t.db(), teacherId: a, articleId }))!;
    expect(stillMine.map((q) => q.id)).not.toContain(first.id);
    expect(stillMine.at(-1)).toMatchObject({ id: mine.questionId, prompt: "Mine" });
  });

  it("hides a teacher's own article's review from other teachers and students", async () => {
    const owner = await user("teacher");
    const other = await user("teacher");
    const student = await user("student");
    const own = await teacherArticle(owner);
    expect(
      (await getReviewBank({ db: t.db(), teacherId: owner, articleId: own.id }))?.entries.length,
    ).toBeGreaterThan(10);
    for (const viewer of [other, student]) {
      const args = { db: t.db(), teacherId: viewer, articleId: own.id };
      expect(await getReviewBank(args)).toBeUndefined();
      expect(await reviewedQuizQuestions(args)).toBeUndefined();
      expect(
        await setQuestionIncluded({ ...args, questionId: DEFAULT_QUIZ[0]!.id, included: false }),
      ).toMatchObject({ ok: false });
      expect(
        await saveQuestionEdit({ ...args, questionId: DEFAULT_QUIZ[0]!.id, draft: { prompt: "Mine" } }),
      ).toEqual({ ok: false, reason: "not-found" });
      expect(
        await addCustomQuestion({
          ...args,
          type: "text",
          skill: "details",
          draft: { prompt: "Q", accepted: ["a"] },
        }),
      ).toEqual({ ok: false, reason: "not-found" });
    }
    // A student cannot review even a shipped article; junk ids find nothing instead of failing.
    expect(await getReviewBank({ db: t.db(), teacherId: student, articleId })).toBeUndefined();
  });

  it("lets only the owner edit an article's title, source and date, and checks them", async () => {
    const owner = await user("teacher");
    const other = await user("teacher");
    const own = await teacherArticle(owner);
    const details = articleDetailsSchema.parse({
      title: "  New title ",
      source: "The Times",
      publishedOn: "2026-02-28",
    });
    expect(await updateArticleDetails({ db: t.db(), teacherId: other, articleId: own.id, details })).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(await updateArticleDetails({ db: t.db(), teacherId: owner, articleId, details })).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(await updateArticleDetails({ db: t.db(), teacherId: owner, articleId: own.id, details })).toEqual({
      ok: true,
    });
    const shipped = await listArticles({ db: t.db(), viewerId: null });
    expect(shipped.find((a) => a.id === articleId)?.title).toBe("Weapons sent");
    let article = (await getArticleBySlug({ db: t.db(), slug: own.slug, viewerId: owner }))!;
    expect(article).toMatchObject({ title: "New title", source: "The Times", publishedOn: "2026-02-28" });

    const refused = articleDetailsSchema.safeParse({
      title: "",
      source: "s".repeat(201),
      publishedOn: "2026-02-30",
    });
    expect(refused.success ? {} : fieldErrorsOf(refused.error)).toEqual({
      title: ["Give the article a title."],
      source: ["Use at most 200 characters for the source."],
      publishedOn: ["Enter a real date as YYYY-MM-DD."],
    });
    expect(
      await updateArticleDetails({
        db: t.db(),
        teacherId: owner,
        articleId: own.id,
        details: { title: "Plain", source: "", publishedOn: "" },
      }),
    ).toEqual({ ok: true });
    article = (await getArticleBySlug({ db: t.db(), slug: own.slug, viewerId: owner }))!;
    expect(article).toMatchObject({ title: "Plain", source: null, publishedOn: null });
  });
});

describe("the review does not re-analyse the article on every view", () => {
  /** Counts the tasks the app hands to the analysis threads (run in this thread here). */
  class CountingPool extends AnalysisPool {
    readonly kinds: string[] = [];
    override run<T extends Task>(task: T, options: { lane: Lane; budgetMs: number }) {
      this.kinds.push(task.kind);
      return super.run(task, options);
    }
  }

  it("analyses a body once per generator version: views, toggles and assigning read the kept bank", async () => {
    const pool = new CountingPool({ size: 0 });
    await resetAnalysisForTests(pool);
    try {
      const teacher = await user("teacher");
      const articleId = await shippedArticle();
      const first = await getReviewBank({ db: t.db(), teacherId: teacher, articleId });
      await getReviewBank({ db: t.db(), teacherId: teacher, articleId });
      await setQuestionIncluded({
        db: t.db(),
        teacherId: teacher,
        articleId,
        questionId: first!.entries.at(-1)!.questionId,
        included: true,
      });
      await reviewedQuizQuestions({ db: t.db(), teacherId: teacher, articleId });
      // Another teacher's review of the same text is the same bank.
      await getReviewBank({ db: t.db(), teacherId: await user("teacher"), articleId });
      expect(pool.kinds.filter((k) => k === "bank")).toHaveLength(1);
      expect(bodyKey(BODY).startsWith(`${GENERATOR_VERSION}:`)).toBe(true);
    } finally {
      await resetAnalysisForTests();
    }
  });

  it("shows a long bank a page at a time, on the page that holds the question just changed", () => {
    const items = Array.from({ length: 1_667 }, (_, i) => ({ id: `q${i}` }));
    expect(pageOf(items, {})).toMatchObject({ page: 1, pages: 67, total: 1_667 });
    expect(pageOf(items, {}).items).toHaveLength(REVIEW_PAGE_SIZE);
    expect(pageOf(items, { page: "3" }).items[0]).toEqual({ id: "q50" });
    expect(pageOf(items, { focus: (q) => q.id === "q1000" })).toMatchObject({ page: 41 });
    expect(pageOf(items, { page: "999999" })).toMatchObject({ page: 67 });
    expect(pageOf(items, { page: "-1" })).toMatchObject({ page: 1 });
    expect(pageOf([], {})).toMatchObject({ page: 1, pages: 1, items: [] });
  });
});
