import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { articles, type Article, type NewArticle } from "@/db/schema";

export type ArticleSummary = Pick<Article, "id" | "slug" | "title" | "source" | "publishedOn" | "wordCount">;

const summaryColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  source: articles.source,
  publishedOn: articles.publishedOn,
  wordCount: articles.wordCount,
};

export async function listArticles(input: { db: Executor }): Promise<ArticleSummary[]> {
  return input.db.select(summaryColumns).from(articles).orderBy(desc(articles.publishedOn), articles.title);
}

export async function getArticleBySlug(input: { db: Executor; slug: string }): Promise<Article | undefined> {
  if (input.slug.length > 200) return undefined;
  const [article] = await input.db.select().from(articles).where(eq(articles.slug, input.slug)).limit(1);
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
