import crypto from "node:crypto";
import { and, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { articles, classes, classMembers, type Article, type NewArticle } from "@/db/schema";
import { isAnalysisError, MARKUP_LIMITS, readUpload, type UploadReading } from "@/lib/analysis";
import { refuse, ok, type Result } from "@/lib/result";
import { storableText } from "@/lib/text";

export type ArticleSummary = Pick<
  Article,
  "id" | "slug" | "title" | "source" | "publishedOn" | "wordCount" | "ownerId"
>;

const summaryColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  source: articles.source,
  publishedOn: articles.publishedOn,
  wordCount: articles.wordCount,
  ownerId: articles.ownerId,
};

/**
 * Who may read an article: everyone for the shipped ones (no owner); the
 * owning teacher; and the students of that teacher's classes. Used in every
 * query that reads articles, so a hidden article is simply not found.
 */
export function visibleTo(viewerId: string | null | undefined): SQL {
  if (!viewerId) return isNull(articles.ownerId);
  return or(
    isNull(articles.ownerId),
    eq(articles.ownerId, viewerId),
    sql`exists (select 1 from ${classMembers} m join ${classes} c on c.id = m.class_id
                where m.student_id = ${viewerId} and c.teacher_id = ${articles.ownerId})`,
  )!;
}

export async function listArticles(input: {
  db: Executor;
  viewerId: string | null;
}): Promise<ArticleSummary[]> {
  return input.db
    .select(summaryColumns)
    .from(articles)
    .where(visibleTo(input.viewerId))
    .orderBy(desc(articles.publishedOn), articles.title);
}

export async function getArticleBySlug(input: {
  db: Executor;
  slug: string;
  viewerId: string | null;
}): Promise<Article | undefined> {
  // A stored slug is plain text; one that PostgreSQL would reject as a parameter (NUL) matches nothing.
  if (input.slug.length > 200 || storableText(input.slug) !== input.slug) return undefined;
  const [article] = await input.db
    .select()
    .from(articles)
    .where(and(eq(articles.slug, input.slug), visibleTo(input.viewerId)))
    .limit(1);
  return article;
}

/** Inserts the article, or leaves an existing one with the same slug untouched. */
export async function insertArticleIfMissing(input: { db: Executor; article: NewArticle }): Promise<boolean> {
  const inserted = await input.db
    .insert(articles)
    .values(input.article)
    .onConflictDoNothing({ target: articles.slug })
    .returning({ id: articles.id });
  return inserted.length > 0;
}

const ARTICLE_LIMITS = { maxChars: 300_000, minWords: 40, maxTitle: 200 } as const;

export const newArticleSchema = z.object({
  title: z
    .string()
    .trim()
    .max(ARTICLE_LIMITS.maxTitle, `Use at most ${ARTICLE_LIMITS.maxTitle} characters for the title.`),
  source: z.string().trim().max(200, "Use at most 200 characters for the source."),
  publishedOn: z.union([z.literal(""), z.iso.date("Enter the date as YYYY-MM-DD.")]),
  text: z.string(),
});

export type AddArticleResult = Result<
  { slug: string },
  "invalid" | "markup" | "busy" | "too-slow",
  "title" | "text"
>;

/** Text that is really a binary file: NUL bytes, or many replacement characters from a failed decode. */
function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const sample = text.slice(0, 20_000);
  const bad = sample.match(/\uFFFD/g)?.length ?? 0;
  return sample.length > 0 && bad / sample.length > 0.01;
}

const BUSY =
  "Several articles are being read right now. Your details are still here: please try again in a moment.";
const TOO_SLOW = "This page took too long to read. Paste the article's text instead.";

export async function addTeacherArticle(input: {
  db: Executor;
  ownerId: string;
  title: string;
  source: string;
  publishedOn: string;
  text: string;
}): Promise<AddArticleResult> {
  if (input.text.length > ARTICLE_LIMITS.maxChars) {
    return refuse("invalid", {
      text: [`The article is too long: at most ${ARTICLE_LIMITS.maxChars.toLocaleString("en")} characters.`],
    });
  }
  if (looksBinary(input.text))
    return refuse("invalid", {
      text: ["That file is not text. Upload a .txt or .html file, or paste the article."],
    });
  // HTML goes through the generator's extraction (Readability): scripts and styles never reach the body.
  // It runs in a worker within a time budget, after the markup was measured (lib/analysis).
  let reading: UploadReading;
  try {
    reading = await readUpload(input.text);
  } catch (e) {
    if (isAnalysisError(e, "PoolBusyError")) return refuse("busy", { text: [BUSY] });
    if (isAnalysisError(e, "AnalysisTimeoutError") || isAnalysisError(e, "AnalysisFailedError"))
      return refuse("too-slow", { text: [TOO_SLOW] });
    throw e;
  }
  if (!reading.ok) {
    const { reason, size } = reading.verdict;
    return refuse("markup", {
      text: [
        reason === "too-deep"
          ? `This page's HTML is nested ${size.maxDepth.toLocaleString("en")} levels deep, more than the ${MARKUP_LIMITS.maxDepth} we can read safely. Paste the article's text instead.`
          : reason === "too-many-elements"
            ? `This page has ${size.elements.toLocaleString("en")} HTML elements, more than the ${MARKUP_LIMITS.maxElements.toLocaleString("en")} we can read safely. Paste the article's text instead.`
            : `This page's HTML is too complex to read safely (${size.elements.toLocaleString("en")} elements, deeply nested). Paste the article's text instead.`,
      ],
    });
  }
  const prepared = reading.prepared;
  const words = prepared.words;
  if (words < ARTICLE_LIMITS.minWords) {
    return refuse("invalid", {
      text: [
        `We found only ${words} words of article text; paste or upload at least ${ARTICLE_LIMITS.minWords}.`,
      ],
    });
  }
  const title = input.title || prepared.title || "";
  if (!title) return refuse("invalid", { title: ["Give the article a title."] });
  const base = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  const slug = `${base || "article"}-${crypto.randomBytes(3).toString("hex")}`;
  await input.db.insert(articles).values({
    slug,
    title: title.slice(0, ARTICLE_LIMITS.maxTitle),
    source: input.source || null,
    publishedOn: input.publishedOn || prepared.date || null,
    body: prepared.text,
    wordCount: words,
    ownerId: input.ownerId,
  });
  return ok({ slug });
}
