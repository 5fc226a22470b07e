import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { articles, assignments, classes, quizAttempts, quizzes, users } from "@/db/schema";
import { finalizeEndedAttempts, forcedEnding } from "@/lib/attempts/grading";
import { submittedAtAssignment } from "@/lib/attempts/reveal";
import { effectiveQuestions } from "@/lib/attempts/scoring";
import { answersOf, correctionsOf, type AttemptView } from "@/lib/attempts/views";
import { studentDueAt } from "@/lib/assignments/due-dates";
import { assignmentTitle } from "@/lib/assignments/queries";

export type TeacherAttemptView = Omit<AttemptView, "assignment" | "revealAfter" | "lock"> & {
  student: { id: string; name: string; email: string };
  assignment: {
    id: string;
    title: string;
    /** The student's due date: their own extension's, or the assignment's. */
    dueAt: Date;
    closedAt: Date | null;
    counting: "best" | "latest";
    classId: string;
    className: string;
  };
  attemptNumber: number;
};

/**
 * A student's attempt at an assignment of a class this teacher owns. The
 * ownership is in the where clause (attempt → assignment → class →
 * teacher): another teacher's, or a student's own practice attempt, finds nothing.
 */
export async function getAttemptForTeacher(input: {
  db: Executor;
  teacherId: string;
  attemptId: string;
}): Promise<TeacherAttemptView | undefined> {
  const [row] = await input.db
    .select({
      attempt: quizAttempts,
      quiz: quizzes,
      article: { id: articles.id, slug: articles.slug, title: articles.title, body: articles.body },
      student: { id: users.id, name: users.name, email: users.email },
      assignment: {
        id: assignments.id,
        title: assignmentTitle,
        dueAt: studentDueAt.mapWith(assignments.dueAt),
        closedAt: assignments.closedAt,
        counting: assignments.counting,
        classId: classes.id,
        className: classes.name,
      },
      submittedAttempts: submittedAtAssignment,
      attemptNumber: sql<number>`(select count(*)::int from ${quizAttempts} b
        where b.assignment_id = ${quizAttempts.assignmentId} and b.user_id = ${quizAttempts.userId}
          and (b.started_at, b.id) <= (${quizAttempts.startedAt}, ${quizAttempts.id}))`,
    })
    .from(quizAttempts)
    .innerJoin(assignments, eq(assignments.id, quizAttempts.assignmentId))
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
    .innerJoin(articles, eq(articles.id, quizAttempts.articleId))
    .innerJoin(users, eq(users.id, quizAttempts.userId))
    .where(
      and(
        eq(quizAttempts.id, input.attemptId),
        eq(classes.teacherId, input.teacherId),
        isNull(classes.deletedAt),
        isNull(assignments.deletedAt),
      ),
    )
    .limit(1);
  if (!row) return undefined;
  // A timed attempt past its limit, or in a closed assignment, is graded before it is shown.
  const ended =
    row.attempt.status === "in_progress" &&
    forcedEnding({ deadlineAt: row.attempt.deadlineAt, closedAt: row.assignment.closedAt }, new Date());
  if (ended && (await finalizeEndedAttempts({ db: input.db, attemptId: row.attempt.id })) > 0)
    return getAttemptForTeacher(input);
  const { submittedAttempts, ...view } = row;
  const [answers, corrections] = await Promise.all([
    answersOf(input.db, row.attempt.id),
    correctionsOf(input.db, row.attempt, submittedAttempts),
  ]);
  return {
    ...view,
    quiz: { ...row.quiz, questions: effectiveQuestions(row.quiz.questions, corrections.regrades) },
    answers,
    corrections,
  };
}
