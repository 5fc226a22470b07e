import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { articles, assignments, quizAttempts, quizzes } from "@/db/schema";
import { finalizeEndedAttempts } from "@/lib/attempts/grading";
import { ok, refuse, type Result } from "@/lib/result";

/**
 * Archiving, restoring and deleting a teacher's own article (renaming is the
 * details form, lib/reviews). Only the owner's live article is found. What
 * each does to students' work (README, "Managing articles"):
 *
 * - archive: the article leaves the desk, the assign form and the students'
 *   list of articles; where it is assigned it is read as before. Restorable.
 * - delete, nobody ever answered a quiz on it: removed with its question
 *   review, its quizzes and any assignment of it.
 * - delete, with work: hidden from every list and page (no new quiz, no
 *   review); its assignments are deleted as assignments with work are (gone
 *   from gradebooks, attempts in progress graded with what they saved); every
 *   attempt stays in its student's own history.
 */

const own = (teacherId: string, articleId: string) =>
  and(eq(articles.id, articleId), eq(articles.ownerId, teacherId), isNull(articles.deletedAt));

export async function archiveArticle(input: {
  db: Executor;
  teacherId: string;
  articleId: string;
  now?: Date;
}): Promise<Result<object, "not-found">> {
  const rows = await input.db
    .update(articles)
    .set({ archivedAt: sql`coalesce(${articles.archivedAt}, ${input.now ?? new Date()})` })
    .where(own(input.teacherId, input.articleId))
    .returning({ id: articles.id });
  return rows.length > 0 ? ok() : refuse("not-found");
}

export async function restoreArticle(input: {
  db: Executor;
  teacherId: string;
  articleId: string;
}): Promise<Result<object, "not-found">> {
  const rows = await input.db
    .update(articles)
    .set({ archivedAt: null })
    .where(own(input.teacherId, input.articleId))
    .returning({ id: articles.id });
  return rows.length > 0 ? ok() : refuse("not-found");
}

export type ArticleImpact = {
  /** Assignments of the article in the teacher's classes. */
  assignments: number;
  /** Attempts at quizzes on the article, assigned or self-study, by anyone. */
  attempts: number;
  students: number;
  inProgress: number;
};

export async function articleImpact(input: {
  db: Executor;
  teacherId: string;
  articleId: string;
}): Promise<ArticleImpact | undefined> {
  const [row] = await input.db
    .select({
      assignments: sql<number>`(select count(*)::int from ${assignments} a where a.article_id = ${input.articleId} and a.deleted_at is null)`,
      attempts: sql<number>`(select count(*)::int from ${quizAttempts} t where t.article_id = ${input.articleId})`,
      students: sql<number>`(select count(distinct t.user_id)::int from ${quizAttempts} t where t.article_id = ${input.articleId})`,
      inProgress: sql<number>`(select count(*)::int from ${quizAttempts} t where t.article_id = ${input.articleId} and t.status = 'in_progress')`,
    })
    .from(articles)
    .where(own(input.teacherId, input.articleId));
  return row;
}

export type DeleteArticleResult = Result<{ kept: boolean }, "not-found" | "needs-confirmation">;

/**
 * Deletes the article: outright when nobody ever answered a quiz on it,
 * otherwise (confirmed) hidden, with its assignments deleted and every
 * attempt kept. The article row is locked first, so a quiz starting at this
 * moment is either counted or refused, never deleted with it.
 */
export async function deleteArticle(input: {
  db: Db;
  teacherId: string;
  articleId: string;
  confirmed: boolean;
  now?: Date;
}): Promise<DeleteArticleResult> {
  const now = input.now ?? new Date();
  const outcome = await input.db.transaction(async (tx) => {
    const [article] = await tx
      .select({ id: articles.id })
      .from(articles)
      .where(own(input.teacherId, input.articleId))
      .for("update");
    if (!article) return refuse("not-found");
    const onIt = await tx
      .select({ id: assignments.id, quizId: assignments.quizId })
      .from(assignments)
      .where(and(eq(assignments.articleId, article.id), isNull(assignments.deletedAt)))
      .for("update");
    const worked = await tx
      .selectDistinct({ assignmentId: quizAttempts.assignmentId })
      .from(quizAttempts)
      .where(eq(quizAttempts.articleId, article.id));
    if (worked.length > 0 && !input.confirmed) return refuse("needs-confirmation");
    const unstarted = onIt.filter((a) => !worked.some((w) => w.assignmentId === a.id));
    // Assignments nobody started go first (their quiz rows may not go before them).
    if (unstarted.length > 0) {
      await tx.delete(assignments).where(
        inArray(
          assignments.id,
          unstarted.map((a) => a.id),
        ),
      );
      await tx.delete(quizzes).where(
        inArray(
          quizzes.id,
          unstarted.map((a) => a.quizId),
        ),
      );
    }
    if (worked.length === 0) {
      await tx.delete(articles).where(eq(articles.id, article.id));
      return ok({ kept: false });
    }
    await tx
      .update(assignments)
      .set({ deletedAt: now, closedAt: sql`coalesce(${assignments.closedAt}, ${now})` })
      .where(and(eq(assignments.articleId, article.id), isNull(assignments.deletedAt)));
    await tx.update(articles).set({ deletedAt: now }).where(eq(articles.id, article.id));
    return ok({ kept: true });
  });
  if (outcome.ok && outcome.kept) {
    const closed = await input.db
      .select({ id: assignments.id })
      .from(assignments)
      .where(eq(assignments.articleId, input.articleId));
    await finalizeEndedAttempts({ db: input.db, assignmentIds: closed.map((a) => a.id), now });
  }
  return outcome;
}
