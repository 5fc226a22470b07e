import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assignments, classMembers, quizAttempts } from "@/db/schema";
import { revealedToStudent } from "./reveal";

/**
 * Graded quizzes stay secret (issues #12 and #14): while a student has an
 * open assignment on an article, self-study of that article is closed to
 * them: taking a quiz, a new quiz, practising missed questions, resuming or
 * submitting a self-study attempt, and reading the results of earlier ones.
 *
 * An assignment is open for a student while it is not closed and the student
 * either has not submitted it yet, or has and its answers are not shown yet
 * (the teacher chose "after the due date" or "after the last attempt"). A
 * closed assignment, or one
 * whose answers the student has seen, no longer locks anything.
 *
 * Why a lock rather than leaving the assignment's questions out of self-study:
 * a self-study question gives an assignment's answer away without being the
 * same question (who said a quote answers what was said; a role question
 * names the speaker of another), and a teacher's edit gives the assignment's
 * question a new id, so no rule by question id is safe; leaving out every
 * question that touches the same sentences empties most short articles'
 * banks. The lock is one rule in one place, the student is told why and
 * where to go, and it ends by itself when the assignment is done.
 */
export type GradedLock = { assignmentId: string };

/** The open assignment that closes self-study of this article to this student, if there is one. */
export async function gradedLock(input: {
  db: Executor;
  userId: string;
  articleId: string;
}): Promise<GradedLock | undefined> {
  const [row] = await input.db
    .select({ assignmentId: assignments.id })
    .from(assignments)
    .innerJoin(
      classMembers,
      and(eq(classMembers.classId, assignments.classId), eq(classMembers.studentId, input.userId)),
    )
    .where(
      and(
        eq(assignments.articleId, input.articleId),
        sql`${assignments.closedAt} is null`,
        // Open until one of its submitted attempts has its answers shown: the reveal rule itself
        // (lib/attempts/reveal.ts), so "after the last attempt" keeps it locked between attempts,
        // due date or not.
        sql`not exists (select 1 from ${quizAttempts}
          where ${quizAttempts.assignmentId} = ${assignments.id} and ${quizAttempts.userId} = ${input.userId}
            and ${quizAttempts.status} = 'submitted' and ${revealedToStudent})`,
      ),
    )
    .orderBy(asc(assignments.dueAt))
    .limit(1);
  return row;
}
