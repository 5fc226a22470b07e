import { finalizeEndedAttempts } from "@/lib/attempts/grading";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  articles,
  assignmentExtensions,
  assignments,
  classes,
  classMembers,
  quizAttempts,
  users,
} from "@/db/schema";
import { qualified as q } from "@/db/sql";
import type { CsvCell } from "@/lib/csv";
import {
  attemptWindows,
  countingOrder,
  ownedAttemptJoins,
  rosterColumns,
  rosterWhere,
} from "./counting-rule";
import { averages, cellStatus } from "./standing";
import { percentOf } from "@/lib/scores";
import { assignmentTitle } from "@/lib/assignments/queries";
import { STATUS_LABELS, type CellStatus } from "@/lib/labels";

type GradebookAssignment = {
  id: string;
  /** The teacher's name for it, or the article's title. */
  title: string;
  articleTitle: string;
  dueAt: Date;
  closedAt: Date | null;
  archivedAt: Date | null;
  counting: "best" | "latest";
  /** Students with a submitted attempt. */
  submitted: number;
  /** Students with nothing submitted and the due date passed (or the assignment closed). */
  overdue: number;
  average: number | null;
  averageWithMissing: number | null;
};

type GradebookCell = {
  assignmentId: string;
  status: CellStatus;
  overdue: boolean;
  /** The counting attempt, when one is submitted. */
  attemptId: string | null;
  score: number | null;
  maxScore: number | null;
  percent: number | null;
  /** Submitted attempts at this assignment. */
  submittedAttempts: number;
  /** The student's own due date, when the teacher gave them an extension. */
  extendedTo: Date | null;
};

type GradebookRow = {
  studentId: string;
  name: string;
  email: string;
  cells: GradebookCell[];
  average: number | null;
  averageWithMissing: number | null;
};

export type Gradebook = {
  classId: string;
  className: string;
  classSection: string | null;
  archivedAt: Date | null;
  assignments: GradebookAssignment[];
  rows: GradebookRow[];
  /** Over every submitted cell of the class. */
  average: number | null;
  averageWithMissing: number | null;
};

/**
 * The class's students by its assignments (by due date), each cell the
 * counting attempt. Five queries whatever the class's size: the class (with
 * ownership), timed attempts past their limit (graded first), the roster, the
 * assignments (with the students' own due dates on each: an extension moves a
 * cell's due date), and one window query that picks every counting attempt at
 * once. Another teacher's class id finds nothing.
 */
export async function getGradebook(input: {
  db: Executor;
  teacherId: string;
  classId: string;
  now?: Date;
}): Promise<Gradebook | undefined> {
  const { db, teacherId, classId } = input;
  const now = input.now ?? new Date();
  const [klass] = await db
    .select({ id: classes.id, name: classes.name, section: classes.section, archivedAt: classes.archivedAt })
    .from(classes)
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId), isNull(classes.deletedAt)))
    .limit(1);
  if (!klass) return undefined;
  // Timed attempts past their limit are graded before anyone reads results.
  await finalizeEndedAttempts({ db, classId: klass.id, now });

  const joins = ownedAttemptJoins(teacherId);
  const [roster, assignmentRows, counted] = await Promise.all([
    db
      .select(rosterColumns)
      .from(classMembers)
      .innerJoin(classes, eq(classes.id, classMembers.classId))
      .innerJoin(users, eq(users.id, classMembers.studentId))
      .where(rosterWhere(teacherId, klass.id))
      .orderBy(asc(users.name), asc(users.email)),
    db
      .select({
        id: assignments.id,
        title: assignmentTitle,
        articleTitle: articles.title,
        dueAt: assignments.dueAt,
        closedAt: assignments.closedAt,
        archivedAt: assignments.archivedAt,
        counting: assignments.counting,
        // Students' own due dates on it, by student id: read with the assignment, no query of their own.
        extendedTo: sql<Record<string, string>>`(select coalesce(
          json_object_agg(e.student_id, e.due_at) filter (where e.due_at is not null), '{}')
          from ${assignmentExtensions} e where e.assignment_id = ${q(assignments.id)})`,
      })
      .from(assignments)
      .innerJoin(classes, eq(classes.id, assignments.classId))
      .innerJoin(articles, eq(articles.id, assignments.articleId))
      .where(
        and(
          eq(assignments.classId, klass.id),
          eq(classes.teacherId, teacherId),
          isNull(assignments.deletedAt),
        ),
      )
      .orderBy(asc(assignments.dueAt), asc(assignments.createdAt)),
    // One row per (student, assignment): the first in counting order, with window counts.
    db
      .selectDistinctOn([quizAttempts.userId, quizAttempts.assignmentId], {
        attemptId: quizAttempts.id,
        userId: quizAttempts.userId,
        assignmentId: quizAttempts.assignmentId,
        status: quizAttempts.status,
        score: quizAttempts.score,
        maxScore: quizAttempts.maxScore,
        late: quizAttempts.late,
        submittedCount: attemptWindows.submittedCount,
        hasOpen: attemptWindows.hasOpen,
      })
      .from(quizAttempts)
      .innerJoin(assignments, joins.assignment)
      .innerJoin(classes, joins.klass)
      .innerJoin(classMembers, joins.member)
      .where(eq(assignments.classId, klass.id))
      .orderBy(quizAttempts.userId, quizAttempts.assignmentId, countingOrder),
  ]);

  const byKey = new Map(counted.map((c) => [`${c.userId}:${c.assignmentId}`, c]));
  const rows: GradebookRow[] = roster.map((s) => {
    const cells = assignmentRows.map((a): GradebookCell => {
      const c = byKey.get(`${s.studentId}:${a.id}`);
      const submitted = c?.status === "submitted" ? c : undefined;
      const extended = a.extendedTo[s.studentId];
      const extendedTo = extended ? new Date(extended) : null;
      const { status, overdue } = cellStatus({
        counting: submitted,
        hasOpen: c?.hasOpen ?? false,
        dueAt: extendedTo ?? a.dueAt,
        closedAt: a.closedAt,
        now,
      });
      return {
        assignmentId: a.id,
        status,
        overdue,
        attemptId: submitted?.attemptId ?? null,
        score: submitted?.score ?? null,
        maxScore: submitted?.maxScore ?? null,
        percent: submitted ? percentOf(submitted.score ?? 0, submitted.maxScore) : null,
        submittedAttempts: c?.submittedCount ?? 0,
        extendedTo,
      };
    });
    return { ...s, cells, ...averages(cells) };
  });

  const columns = assignmentRows.map((a, i): GradebookAssignment => {
    const cells = rows.map((r) => r.cells[i]!);
    return {
      ...a,
      submitted: cells.filter((c) => c.percent !== null).length,
      overdue: cells.filter((c) => c.overdue).length,
      ...averages(cells),
    };
  });

  return {
    classId: klass.id,
    className: klass.name,
    classSection: klass.section,
    archivedAt: klass.archivedAt,
    assignments: columns,
    rows,
    ...averages(rows.flatMap((r) => r.cells)),
  };
}

const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

/** The gradebook as spreadsheet rows: per assignment a percent column and a status column. */
export function gradebookCsvRows(gradebook: Gradebook): CsvCell[][] {
  const header: CsvCell[] = ["Student", "Email"];
  for (const a of gradebook.assignments) {
    const label = `${a.title} (due ${dateOnly(a.dueAt)})`;
    header.push(`${label} %`, `${label} status`);
  }
  header.push("Average % (submitted work)", "Average % (missing as 0)");
  const body = gradebook.rows.map((r) => {
    const row: CsvCell[] = [r.name, r.email];
    for (const c of r.cells)
      row.push(
        c.percent,
        STATUS_LABELS[c.status] + (c.overdue && c.status === "in_progress" ? " (overdue)" : ""),
      );
    row.push(r.average, r.averageWithMissing);
    return row;
  });
  const footer: CsvCell[] = ["Class average", null];
  for (const a of gradebook.assignments) footer.push(a.average, `${a.submitted} submitted`);
  footer.push(gradebook.average, gradebook.averageWithMissing);
  return [header, ...body, footer];
}
