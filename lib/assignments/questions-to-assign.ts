import type { Db } from "@/db/client";
import { articles } from "@/db/schema";
import { and, eq } from "drizzle-orm";
import { visibleTo } from "@/lib/articles/queries";
import { analyzeArticle, generateQuiz, type Question } from "@/lib/quiz";

/** TEMPORARY until question review lands: the default quiz. */
export async function questionsToAssign(input: {
  db: Db;
  teacherId: string;
  articleId: string;
}): Promise<Question[] | undefined> {
  const [article] = await input.db
    .select({ body: articles.body })
    .from(articles)
    .where(and(eq(articles.id, input.articleId), visibleTo(input.teacherId)));
  if (!article) return undefined;
  return generateQuiz(analyzeArticle(article.body), { seed: 1, count: 10 }).questions;
}
