import { and, asc, desc, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { articles, assignments, attemptAnswers, classes, quizAttempts } from "@/db/schema";
import { revealedToStudent, scoreRevealedToStudent } from "@/lib/attempts/reveal";
import type { Skill } from "@/lib/quiz";

/**
 * A student's own record. Every figure here is an SQL aggregate: nothing
 * loads a student's answers into memory, and nothing counts what the
 * student may not see yet: a score until it is shown (scoreRevealedToStudent),
 * a question's result until the answers are (revealedToStudent). `source` picks practice
 * (quizzes taken alone) or assigned work, both when not given: /progress
 * shows the two apart.
 */
type Source = "practice" | "assignment" | undefined;
const fromSource = (source: Source) =>
  source === "practice"
    ? isNull(quizAttempts.assignmentId)
    : source === "assignment"
      ? isNotNull(quizAttempts.assignmentId)
      : undefined;

const percent = sql<number>`round((100.0 * ${quizAttempts.score} / nullif(${quizAttempts.maxScore}, 0))::numeric, 1)::float`;

export async function scoreHistory(input: { db: Executor; userId: string; source?: Source }) {
  return input.db
    .select({
      attemptId: quizAttempts.id,
      submittedAt: quizAttempts.submittedAt,
      score: quizAttempts.score,
      maxScore: quizAttempts.maxScore,
      percent,
      articleTitle: articles.title,
      articleSlug: articles.slug,
    })
    .from(quizAttempts)
    .innerJoin(articles, eq(articles.id, quizAttempts.articleId))
    .where(
      and(
        eq(quizAttempts.userId, input.userId),
        eq(quizAttempts.status, "submitted"),
        scoreRevealedToStudent,
        fromSource(input.source),
      ),
    )
    .orderBy(asc(quizAttempts.submittedAt));
}

export async function masteryBySkill(input: { db: Executor; userId: string }) {
  const rows = await input.db
    .select({
      skill: attemptAnswers.skill,
      answered: sql<number>`count(*)::int`,
      percent: sql<number>`round((100.0 * avg(${attemptAnswers.score}))::numeric, 1)::float`,
    })
    .from(attemptAnswers)
    .innerJoin(quizAttempts, eq(quizAttempts.id, attemptAnswers.attemptId))
    .where(
      and(
        eq(quizAttempts.userId, input.userId),
        eq(quizAttempts.status, "submitted"),
        revealedToStudent,
        // A question dropped from the score by a regrade has no score: it is no evidence of mastery.
        isNotNull(attemptAnswers.score),
      ),
    )
    .groupBy(attemptAnswers.skill);
  return rows as { skill: Skill; answered: number; percent: number }[];
}

export async function progressByArticle(input: { db: Executor; userId: string; source?: Source }) {
  return input.db
    .select({
      articleId: articles.id,
      title: articles.title,
      slug: articles.slug,
      attempts: sql<number>`count(*)::int`,
      best: sql<number>`max(${percent})`,
      average: sql<number>`round(avg(${percent})::numeric, 1)::float`,
      latest: sql<number>`(array_agg(${percent} order by ${quizAttempts.submittedAt} desc))[1]`,
    })
    .from(quizAttempts)
    .innerJoin(articles, eq(articles.id, quizAttempts.articleId))
    .where(
      and(
        eq(quizAttempts.userId, input.userId),
        eq(quizAttempts.status, "submitted"),
        scoreRevealedToStudent,
        fromSource(input.source),
      ),
    )
    .groupBy(articles.id, articles.title, articles.slug)
    .orderBy(articles.title);
}

/** At most this many of a student's attempts on removed assignments are listed (newest first). */
const REMOVED_WORK_LIMIT = 50;

/**
 * A student's submitted attempts on assignments their teacher deleted (or
 * whose class was deleted) with the work kept: the assignment pages are gone,
 * but the attempts stay the student's, so /progress lists them with a link to
 * each result. Deleting closes the assignment, so its scores are shown.
 */
export async function listRemovedAssignmentWork(input: { db: Executor; userId: string }) {
  return input.db
    .select({
      attemptId: quizAttempts.id,
      submittedAt: quizAttempts.submittedAt,
      score: quizAttempts.score,
      maxScore: quizAttempts.maxScore,
      articleTitle: articles.title,
      assignmentTitle: assignments.title,
      className: classes.name,
    })
    .from(quizAttempts)
    .innerJoin(assignments, eq(assignments.id, quizAttempts.assignmentId))
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(articles, eq(articles.id, quizAttempts.articleId))
    .where(
      and(
        eq(quizAttempts.userId, input.userId),
        eq(quizAttempts.status, "submitted"),
        or(isNotNull(assignments.deletedAt), isNotNull(classes.deletedAt)),
        scoreRevealedToStudent,
      ),
    )
    .orderBy(desc(quizAttempts.submittedAt))
    .limit(REMOVED_WORK_LIMIT);
}
