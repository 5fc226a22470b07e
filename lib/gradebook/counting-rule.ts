import { and, eq, sql, type SQL } from "drizzle-orm";
import { assignments, classes, classMembers, quizAttempts, users } from "@/db/schema";

/**
 * Which of a student's attempts at an assignment counts. Submitted attempts
 * come first; among them, per `assignments.counting`, the highest score (a tie
 * goes to the earliest submitted) or the latest submitted. The first row of a
 * (student, assignment) partition in this order is the counting attempt, when
 * it is submitted; an in-progress attempt never counts.
 */
export const countingOrder = sql`(${quizAttempts.status} = 'submitted') desc,
  case when ${assignments.counting} = 'best' then ${quizAttempts.score} end desc nulls last,
  case when ${assignments.counting} = 'latest' then ${quizAttempts.submittedAt} end desc nulls last,
  ${quizAttempts.submittedAt} asc nulls last, ${quizAttempts.startedAt} asc, ${quizAttempts.id} asc`;

const perStudentAndAssignment = sql`partition by ${quizAttempts.userId}, ${quizAttempts.assignmentId}`;

/** Window columns over one student's attempts at one assignment. */
export const attemptWindows = {
  submittedCount: sql<number>`(count(*) filter (where ${quizAttempts.status} = 'submitted') over (${perStudentAndAssignment}))::int`,
  hasOpen: sql<boolean>`bool_or(${quizAttempts.status} = 'in_progress') over (${perStudentAndAssignment})`,
  isCounting: sql<boolean>`(${quizAttempts.status} = 'submitted' and row_number() over (${perStudentAndAssignment} order by ${countingOrder}) = 1)`,
  /** 1 for the student's first attempt at the assignment, by start time. */
  attemptNumber: sql<number>`(row_number() over (${perStudentAndAssignment} order by ${quizAttempts.startedAt} asc, ${quizAttempts.id} asc))::int`,
};

/**
 * Attempts at assignments of a class this teacher owns, by students who are
 * still members of the class. Joined in this order: quiz_attempts,
 * assignments, classes, class_members.
 */
export function ownedAttemptJoins(teacherId: string) {
  return {
    assignment: eq(assignments.id, quizAttempts.assignmentId),
    klass: and(eq(classes.id, assignments.classId), eq(classes.teacherId, teacherId))!,
    member: and(
      eq(classMembers.classId, assignments.classId),
      eq(classMembers.studentId, quizAttempts.userId),
    )!,
  };
}

/** The students of a class, with the ownership check repeated in the where clause. */
export function rosterWhere(teacherId: string, classId: string): SQL {
  return and(eq(classMembers.classId, classId), eq(classes.teacherId, teacherId))!;
}

export const rosterColumns = { studentId: users.id, name: users.name, email: users.email };
