import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assignments, classes, classMembers } from "@/db/schema";

export type ReadingForAssignment = { assignmentId: string; className: string };

/**
 * The assignment a student came from to read its article ("Read the article"
 * on the assignment page), so the article page leads back to it instead of
 * offering ungraded practice. Only a student of the assignment's class, on
 * that assignment's own article, gets a row: any other id in the URL is
 * ignored, and says nothing about the assignment.
 */
export async function assignmentForReading(input: {
  db: Executor;
  studentId: string;
  assignmentId: string;
  articleId: string;
}): Promise<ReadingForAssignment | undefined> {
  const [row] = await input.db
    .select({ assignmentId: assignments.id, className: classes.name })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(
      classMembers,
      and(eq(classMembers.classId, assignments.classId), eq(classMembers.studentId, input.studentId)),
    )
    .where(and(eq(assignments.id, input.assignmentId), eq(assignments.articleId, input.articleId)))
    .limit(1);
  return row;
}
