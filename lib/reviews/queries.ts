import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { ok, refuse, type Result } from "@/lib/result";
import type { Executor } from "@/db/client";
import { articles, questionReviews, users, type QuestionReview } from "@/db/schema";
import { visibleTo } from "@/lib/articles/queries";
import { bankOf, type BankSummary } from "@/lib/analysis";
import type { Question, Skill } from "@/lib/quiz";
import {
  buildContent,
  customQuestion,
  customTypeOf,
  editedQuestionId,
  isGradable,
  newCustomQuestionId,
  sameContent,
  shapeOf,
  type QuestionDraft,
  type ReviewField,
} from "./drafts";
import type { CustomQuestionType } from "./limits";

/**
 * A teacher's review of an article's question bank. Each teacher has their own
 * review of each article they can see; a generated question nobody touched
 * keeps the generator's default (on when it is in the default quiz). What is
 * assigned is frozen from `reviewedQuizQuestions`, so edits here only reach
 * future assignments.
 */

export type ReviewEntry = {
  /** The id the review knows the question by: the generated id, or the teacher's `c-…` id. */
  questionId: string;
  /** The question as it would be assigned: the teacher's edit when there is one. */
  question: Question;
  /** The generated question, when the teacher edited it. */
  original?: Question;
  included: boolean;
  /** In the generator's default quiz (on unless turned off). */
  inDefaultQuiz: boolean;
  edited: boolean;
  custom: boolean;
  /** The article's words the question rests on ("" for a teacher's own question). */
  evidenceText: string;
};

export type ReviewBank = {
  /** Included generated questions (default-quiz order first), the rest of the bank, then the teacher's own by position. */
  entries: ReviewEntry[];
  stats: { speakers: number; quotes: number; systems: number; defects: number };
};

export type ReviewWriteResult = Result<{ questionId: string }, "not-found" | "invalid", ReviewField>;

/** The article if this user is a teacher who can see it; the one check every function here starts from. */
async function reviewableArticle(input: { db: Executor; teacherId: string; articleId: string }) {
  const [article] = await input.db
    .select({ id: articles.id, body: articles.body })
    .from(articles)
    .where(
      and(
        eq(articles.id, input.articleId),
        visibleTo(input.teacherId),
        sql`exists (select 1 from ${users} u where u.id = ${input.teacherId} and u.role = 'teacher')`,
      ),
    )
    .limit(1);
  return article;
}

type Loaded = {
  body: string;
  stats: BankSummary["stats"];
  /** Generated questions by id: the default quiz's version for those in it, else the bank's. */
  generated: Map<string, Question>;
  /** Generated ids: default quiz order, then the rest of the bank in bank order. */
  order: string[];
  inDefault: Set<string>;
  rows: QuestionReview[];
};

async function loadReview(input: {
  db: Executor;
  teacherId: string;
  articleId: string;
}): Promise<Loaded | undefined> {
  const article = await reviewableArticle(input);
  if (!article) return undefined;
  const rows = await input.db
    .select()
    .from(questionReviews)
    .where(and(eq(questionReviews.teacherId, input.teacherId), eq(questionReviews.articleId, article.id)))
    .orderBy(asc(questionReviews.position), asc(questionReviews.createdAt));
  // Analysed once per body and generator version, in a worker, then kept (lib/analysis):
  // the review page and every action on it read the same bank without re-analysing.
  const { bank, defaultQuiz, stats } = await bankOf(article.body);
  // The default quiz's own copies (options in its order), so an untouched review assigns exactly it.
  const generated = new Map<string, Question>(bank.map((q) => [q.id, q]));
  for (const q of defaultQuiz) generated.set(q.id, q);
  const inDefault = new Set(defaultQuiz.map((q) => q.id));
  const order = [
    ...defaultQuiz.map((q) => q.id),
    ...bank.map((q) => q.id).filter((id) => !inDefault.has(id)),
  ];
  return { body: article.body, stats, generated, order, inDefault, rows };
}

function evidenceText(body: string, q: Question): string {
  return q.evidence.map((e) => body.slice(e.start, e.end)).join(" … ");
}

/**
 * Every question of the review in its order. Rows for questions the generator
 * no longer makes, and stored questions that could not be graded, are left
 * out (an unusable edit falls back to the generated question).
 */
function entriesOf(loaded: Loaded): ReviewEntry[] {
  const byId = new Map(loaded.rows.filter((r) => !r.custom).map((r) => [r.questionId, r]));
  const generated = loaded.order.map((id): ReviewEntry => {
    const original = loaded.generated.get(id)!;
    const row = byId.get(id);
    const edit = row?.question && isGradable(row.question) ? row.question : undefined;
    const inDefaultQuiz = loaded.inDefault.has(id);
    return {
      questionId: id,
      question: edit ?? original,
      ...(edit ? { original } : {}),
      included: row ? row.included : inDefaultQuiz,
      inDefaultQuiz,
      edited: Boolean(edit),
      custom: false,
      evidenceText: evidenceText(loaded.body, original),
    };
  });
  const custom = loaded.rows
    .filter((r) => r.custom && r.question && isGradable(r.question))
    .map((r): ReviewEntry => ({
      questionId: r.questionId,
      question: r.question!,
      included: r.included,
      inDefaultQuiz: false,
      edited: false,
      custom: true,
      evidenceText: evidenceText(loaded.body, r.question!),
    }));
  return [...generated.filter((e) => e.included), ...generated.filter((e) => !e.included), ...custom];
}

export async function getReviewBank(input: {
  db: Executor;
  teacherId: string;
  articleId: string;
}): Promise<ReviewBank | undefined> {
  const loaded = await loadReview(input);
  if (!loaded) return undefined;
  return { entries: entriesOf(loaded), stats: loaded.stats };
}

/**
 * The questions to freeze into a quiz version when this teacher assigns the
 * article: the included ones in review order, edits applied (an edited
 * question carries its own `e-…` id; the teacher's own keep their `c-…` id).
 * Undefined when the teacher cannot see the article.
 */
export async function reviewedQuizQuestions(input: {
  db: Executor;
  teacherId: string;
  articleId: string;
}): Promise<Question[] | undefined> {
  const loaded = await loadReview(input);
  if (!loaded) return undefined;
  return entriesOf(loaded)
    .filter((e) => e.included)
    .map((e) => e.question);
}

export async function setQuestionIncluded(input: {
  db: Executor;
  teacherId: string;
  articleId: string;
  questionId: string;
  included: boolean;
}): Promise<Result<object, "not-found">> {
  const loaded = await loadReview(input);
  if (!loaded) return refuse("not-found");
  const { db, teacherId, articleId, questionId, included } = input;
  if (loaded.generated.has(questionId)) {
    await db
      .insert(questionReviews)
      .values({ teacherId, articleId, questionId, included })
      .onConflictDoUpdate({
        target: [questionReviews.teacherId, questionReviews.articleId, questionReviews.questionId],
        set: { included },
      });
    return ok();
  }
  const updated = await db
    .update(questionReviews)
    .set({ included })
    .where(
      and(
        eq(questionReviews.teacherId, teacherId),
        eq(questionReviews.articleId, articleId),
        eq(questionReviews.questionId, questionId),
        eq(questionReviews.custom, true),
      ),
    )
    .returning({ id: questionReviews.questionId });
  return updated.length > 0 ? ok() : refuse("not-found");
}

/** Whether an edit makes other options right (a typed answer that accepts more keeps its key). */
function keyChanged(original: Question, edited: Pick<Question, "answer">): boolean {
  const keys = (a: Question["answer"]) =>
    a.type === "single" ? [a.optionId] : a.type === "multi" ? [...a.optionIds].sort() : null;
  const before = keys(original.answer);
  const after = keys(edited.answer);
  return before !== null && after !== null && before.join("|") !== after.join("|");
}

/**
 * Saves a teacher's edit of a question: prompt, option texts and which are
 * right, accepted answers; for matching, only the words (pairs stay); for
 * true/false, which one is right; the explanation students see (a new key
 * needs a new one). A generated question keeps its row id and its edit gets a
 * content-derived `e-…` id (a new explanation alone keeps the generated id);
 * an edit that restores the generated question drops the edit. The teacher's own question gets a fresh
 * `c-…` id, so an earlier quiz version's question never shares an id with a
 * changed one.
 */
export async function saveQuestionEdit(input: {
  db: Executor;
  teacherId: string;
  articleId: string;
  questionId: string;
  draft: QuestionDraft;
}): Promise<ReviewWriteResult> {
  const loaded = await loadReview(input);
  if (!loaded) return refuse("not-found");
  const { db, teacherId, articleId, questionId } = input;
  const where = and(
    eq(questionReviews.teacherId, teacherId),
    eq(questionReviews.articleId, articleId),
    eq(questionReviews.questionId, questionId),
  );
  const original = loaded.generated.get(questionId);
  if (original) {
    const row = loaded.rows.find((r) => !r.custom && r.questionId === questionId);
    const current = row?.question && isGradable(row.question) ? row.question : original;
    const built = buildContent({ shape: shapeOf(original), draft: input.draft, base: current });
    if (!built.ok) return built;
    const content = { ...built.content, explanation: input.draft.explanation || original.explanation };
    if (keyChanged(original, content) && content.explanation === original.explanation)
      return refuse("invalid", {
        explanation: [
          "You changed the answer, and the generated explanation gives the old one. Write why the new answer is right.",
        ],
      });
    const sameQuestion = sameContent(content, original);
    // A new explanation alone leaves the question what it was (its id, so practice of missed
    // questions and per-question results still know it); new content makes it another question.
    const question: Question | null =
      sameQuestion && content.explanation === original.explanation
        ? null
        : {
            ...original,
            ...content,
            id: sameQuestion ? original.id : editedQuestionId(original.id, content),
          };
    await db
      .insert(questionReviews)
      .values({ teacherId, articleId, questionId, included: loaded.inDefault.has(questionId), question })
      .onConflictDoUpdate({
        target: [questionReviews.teacherId, questionReviews.articleId, questionReviews.questionId],
        set: { question },
      });
    return ok({ questionId });
  }
  const row = loaded.rows.find((r) => r.custom && r.questionId === questionId);
  if (!row?.question) return refuse("not-found");
  const type = customTypeOf(row.question);
  const built = buildContent({ shape: type, draft: input.draft, base: row.question });
  if (!built.ok) return built;
  if (sameContent(built.content, row.question) && built.content.explanation === row.question.explanation)
    return ok({ questionId });
  const id = newCustomQuestionId();
  const question = customQuestion({ id, type, skill: row.question.skill, content: built.content });
  const updated = await db
    .update(questionReviews)
    .set({ questionId: id, question })
    .where(and(where, eq(questionReviews.custom, true)))
    .returning({ id: questionReviews.questionId });
  return updated.length > 0 ? ok({ questionId: id }) : refuse("not-found");
}

/** Adds the teacher's own question, on and after their other questions. */
export async function addCustomQuestion(input: {
  db: Executor;
  teacherId: string;
  articleId: string;
  type: CustomQuestionType;
  skill: Skill;
  draft: QuestionDraft;
}): Promise<ReviewWriteResult> {
  const built = buildContent({ shape: input.type, draft: input.draft });
  if (!built.ok) return built;
  const article = await reviewableArticle(input);
  if (!article) return refuse("not-found");
  const id = newCustomQuestionId();
  const question = customQuestion({
    id,
    type: input.type,
    skill: input.skill,
    content: built.content,
  });
  await input.db.insert(questionReviews).values({
    teacherId: input.teacherId,
    articleId: article.id,
    questionId: id,
    included: true,
    custom: true,
    question,
    position: sql`(select coalesce(max(${questionReviews.position}), 0) + 1 from ${questionReviews}
                   where ${questionReviews.teacherId} = ${input.teacherId}
                     and ${questionReviews.articleId} = ${article.id} and ${questionReviews.custom})`,
  });
  return ok({ questionId: id });
}

export async function deleteCustomQuestion(input: {
  db: Executor;
  teacherId: string;
  articleId: string;
  questionId: string;
}): Promise<Result<object, "not-found">> {
  const deleted = await input.db
    .delete(questionReviews)
    .where(
      and(
        eq(questionReviews.teacherId, input.teacherId),
        eq(questionReviews.articleId, input.articleId),
        eq(questionReviews.questionId, input.questionId),
        eq(questionReviews.custom, true),
      ),
    )
    .returning({ id: questionReviews.questionId });
  return deleted.length > 0 ? ok() : refuse("not-found");
}

/** Drops the teacher's edit of a generated question; whether it is on stays as they set it. */
export async function resetQuestion(input: {
  db: Executor;
  teacherId: string;
  articleId: string;
  questionId: string;
}): Promise<Result<object, "not-found">> {
  const updated = await input.db
    .update(questionReviews)
    .set({ question: null })
    .where(
      and(
        eq(questionReviews.teacherId, input.teacherId),
        eq(questionReviews.articleId, input.articleId),
        eq(questionReviews.questionId, input.questionId),
        eq(questionReviews.custom, false),
        sql`${questionReviews.question} is not null`,
      ),
    )
    .returning({ id: questionReviews.questionId });
  return updated.length > 0 ? ok() : refuse("not-found");
}

export const articleDetailsSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Give the article a title.")
    .max(200, "Use at most 200 characters for the title."),
  source: z.string().trim().max(200, "Use at most 200 characters for the source."),
  publishedOn: z
    .string()
    .trim()
    .pipe(z.union([z.literal(""), z.iso.date("Enter a real date as YYYY-MM-DD.")])),
});

/** Title, source and date of a teacher's own article; shipped articles and other teachers' are not found. */
export async function updateArticleDetails(input: {
  db: Executor;
  teacherId: string;
  articleId: string;
  details: z.output<typeof articleDetailsSchema>;
}): Promise<Result<object, "not-found">> {
  const { details } = input;
  const updated = await input.db
    .update(articles)
    .set({ title: details.title, source: details.source || null, publishedOn: details.publishedOn || null })
    .where(and(eq(articles.id, input.articleId), eq(articles.ownerId, input.teacherId)))
    .returning({ id: articles.id });
  return updated.length > 0 ? ok() : refuse("not-found");
}
