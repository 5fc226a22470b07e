import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  articles,
  assignments,
  attemptAnswers,
  classes,
  classMembers,
  quizAttempts,
  quizzes,
  users,
  type AssignmentRow,
} from "@/db/schema";
import { finalizeEndedAttempts, forcedEnding } from "@/lib/attempts/grading";
import { answersOf, type AttemptView } from "@/lib/attempts/views";
import { describeKey, describeResponse } from "@/lib/attempts/describe";
import type { CsvCell } from "@/lib/csv";
import type { Question } from "@/lib/quiz";
import {
  attemptWindows,
  averages,
  cellStatus,
  ownedAttemptJoins,
  percentOf,
  rosterColumns,
  rosterWhere,
  type CellStatus,
} from "./counting";
import {
  analyseItems,
  masteryBySkill,
  type ItemAnalysis,
  type SavedAnswer,
  type SkillMastery,
} from "./items";

export type AssignmentForTeacher = Omit<AssignmentRow, "quizId"> & {
  className: string;
  article: { id: string; slug: string; title: string; source: string | null; publishedOn: string | null };
  /** The article's text; only when asked for (worksheets), as it can be long. */
  articleBody: string | null;
  quizId: string;
  questions: Question[];
};

/** An assignment of a class this teacher owns, with its frozen questions; another teacher's id finds nothing. */
export async function getAssignmentForTeacher(input: {
  db: Executor;
  teacherId: string;
  assignmentId: string;
  withArticleBody?: boolean;
}): Promise<AssignmentForTeacher | undefined> {
  const [row] = await input.db
    .select({
      assignment: assignments,
      className: classes.name,
      article: {
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        source: articles.source,
        publishedOn: articles.publishedOn,
      },
      articleBody: input.withArticleBody ? articles.body : sql<null>`null`,
      questions: quizzes.questions,
    })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(articles, eq(articles.id, assignments.articleId))
    .innerJoin(quizzes, eq(quizzes.id, assignments.quizId))
    .where(and(eq(assignments.id, input.assignmentId), eq(classes.teacherId, input.teacherId)))
    .limit(1);
  if (!row) return undefined;
  return {
    ...row.assignment,
    className: row.className,
    article: row.article,
    articleBody: row.articleBody,
    questions: row.questions,
  };
}

export type ReportAttempt = {
  id: string;
  number: number;
  status: "in_progress" | "submitted";
  score: number | null;
  maxScore: number;
  percent: number | null;
  startedAt: Date;
  submittedAt: Date | null;
  late: boolean;
  endedBy: "student" | "time_limit" | "closed" | null;
  counting: boolean;
};

export type ReportStudent = {
  studentId: string;
  name: string;
  email: string;
  status: CellStatus;
  overdue: boolean;
  counting: ReportAttempt | null;
  attempts: ReportAttempt[];
};

export type AssignmentReport = {
  assignment: AssignmentForTeacher;
  counts: {
    students: number;
    submitted: number;
    late: number;
    inProgress: number;
    notStarted: number;
    missing: number;
  };
  average: number | null;
  averageWithMissing: number | null;
  /** Over each student's counting attempt. */
  items: ItemAnalysis[];
  skills: SkillMastery[];
  students: ReportStudent[];
};

/** Every attempt at this assignment by current members of the class, each marked counting or not. */
async function attemptsOfAssignment(db: Executor, teacherId: string, assignmentId: string) {
  const joins = ownedAttemptJoins(teacherId);
  const rows = await db
    .select({
      id: quizAttempts.id,
      userId: quizAttempts.userId,
      status: quizAttempts.status,
      score: quizAttempts.score,
      maxScore: quizAttempts.maxScore,
      startedAt: quizAttempts.startedAt,
      submittedAt: quizAttempts.submittedAt,
      late: quizAttempts.late,
      endedBy: quizAttempts.endedBy,
      number: attemptWindows.attemptNumber,
      counting: attemptWindows.isCounting,
    })
    .from(quizAttempts)
    .innerJoin(assignments, joins.assignment)
    .innerJoin(classes, joins.klass)
    .innerJoin(classMembers, joins.member)
    .where(eq(quizAttempts.assignmentId, assignmentId))
    .orderBy(asc(quizAttempts.userId), asc(quizAttempts.startedAt), asc(quizAttempts.id));
  return rows.map(({ userId, ...r }): ReportAttempt & { userId: string } => ({
    ...r,
    userId,
    percent: r.status === "submitted" ? percentOf(r.score ?? 0, r.maxScore) : null,
  }));
}

/** Saved answers of the submitted attempts at this assignment, in one query. */
async function answersOfAssignment(db: Executor, teacherId: string, assignmentId: string) {
  const joins = ownedAttemptJoins(teacherId);
  const rows = await db
    .select({
      attemptId: attemptAnswers.attemptId,
      questionId: attemptAnswers.questionId,
      response: attemptAnswers.response,
      score: attemptAnswers.score,
      correct: attemptAnswers.correct,
    })
    .from(attemptAnswers)
    .innerJoin(quizAttempts, eq(quizAttempts.id, attemptAnswers.attemptId))
    .innerJoin(assignments, joins.assignment)
    .innerJoin(classes, joins.klass)
    .innerJoin(classMembers, joins.member)
    .where(and(eq(quizAttempts.assignmentId, assignmentId), eq(quizAttempts.status, "submitted")));
  const byAttempt = new Map<string, Map<string, SavedAnswer>>();
  for (const { attemptId, questionId, ...a } of rows) {
    let m = byAttempt.get(attemptId);
    if (!m) byAttempt.set(attemptId, (m = new Map()));
    m.set(questionId, a);
  }
  return byAttempt;
}

// Not Map.groupBy: Node 20 does not have it.
function groupByStudent<T extends { userId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.userId);
    if (list) list.push(r);
    else out.set(r.userId, [r]);
  }
  return out;
}

function rosterOf(db: Executor, teacherId: string, classId: string) {
  return db
    .select(rosterColumns)
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(users, eq(users.id, classMembers.studentId))
    .where(rosterWhere(teacherId, classId))
    .orderBy(asc(users.name), asc(users.email));
}

/**
 * The teacher's report on one assignment: standing of every student, item
 * analysis and skill mastery over the counting attempts. Five queries (one finds timed attempts to grade)
 * whatever the class's size.
 */
export async function getAssignmentReport(input: {
  db: Executor;
  teacherId: string;
  assignmentId: string;
  now?: Date;
}): Promise<AssignmentReport | undefined> {
  const { db, teacherId } = input;
  const now = input.now ?? new Date();
  const assignment = await getAssignmentForTeacher(input);
  if (!assignment) return undefined;
  // Timed attempts past their limit are graded before anyone reads results.
  await finalizeEndedAttempts({ db, assignmentIds: [assignment.id], now: input.now });
  const [roster, attempts, answers] = await Promise.all([
    rosterOf(db, teacherId, assignment.classId),
    attemptsOfAssignment(db, teacherId, assignment.id),
    answersOfAssignment(db, teacherId, assignment.id),
  ]);
  const byStudent = groupByStudent(attempts);
  const students: ReportStudent[] = roster.map((s) => {
    const mine = (byStudent.get(s.studentId) ?? []).map(({ userId: _, ...a }) => a);
    const counting = mine.find((a) => a.counting) ?? null;
    const { status, overdue } = cellStatus({
      counting: counting ?? undefined,
      hasOpen: mine.some((a) => a.status === "in_progress"),
      dueAt: assignment.dueAt,
      closedAt: assignment.closedAt,
      now,
    });
    return { ...s, status, overdue, counting, attempts: mine };
  });
  const countingAnswers = students.flatMap((s) =>
    s.counting ? [answers.get(s.counting.id) ?? new Map<string, SavedAnswer>()] : [],
  );
  const count = (st: CellStatus) => students.filter((s) => s.status === st).length;
  return {
    assignment,
    counts: {
      students: students.length,
      submitted: count("submitted") + count("late"),
      late: count("late"),
      inProgress: count("in_progress"),
      notStarted: count("not_started"),
      missing: count("missing"),
    },
    ...averages(students.map((s) => ({ percent: s.counting?.percent ?? null, overdue: s.overdue }))),
    items: analyseItems(assignment.questions, countingAnswers),
    skills: masteryBySkill(assignment.questions, countingAnswers),
    students,
  };
}

export type TeacherAttemptView = Omit<AttemptView, "assignment" | "lock"> & {
  student: { id: string; name: string; email: string };
  assignment: {
    id: string;
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
        dueAt: assignments.dueAt,
        closedAt: assignments.closedAt,
        counting: assignments.counting,
        classId: classes.id,
        className: classes.name,
      },
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
    .where(and(eq(quizAttempts.id, input.attemptId), eq(classes.teacherId, input.teacherId)))
    .limit(1);
  if (!row) return undefined;
  // A timed attempt past its limit, or in a closed assignment, is graded before it is shown.
  const ended =
    row.attempt.status === "in_progress" &&
    forcedEnding({ deadlineAt: row.attempt.deadlineAt, closedAt: row.assignment.closedAt }, new Date());
  if (ended && (await finalizeEndedAttempts({ db: input.db, attemptId: row.attempt.id })) > 0)
    return getAttemptForTeacher(input);
  return { ...row, answers: await answersOf(input.db, row.attempt.id) };
}

export type ResponseExportRow = {
  studentName: string;
  email: string;
  attemptId: string;
  attemptNumber: number;
  submittedAt: Date | null;
  late: boolean;
  counting: boolean;
  questionNumber: number;
  prompt: string;
  response: string;
  key: string;
  score: number | null;
  correct: boolean | null;
};

/**
 * Every response to an assignment: one row per student, submitted attempt and
 * question (in the quiz's own order), for the responses CSV. Three queries.
 */
export async function responsesForExport(input: {
  db: Executor;
  teacherId: string;
  assignmentId: string;
}): Promise<{ assignment: AssignmentForTeacher; rows: ResponseExportRow[] } | undefined> {
  const { db, teacherId } = input;
  const assignment = await getAssignmentForTeacher(input);
  if (!assignment) return undefined;
  // Timed attempts past their limit are graded before anyone reads results.
  await finalizeEndedAttempts({ db, assignmentIds: [assignment.id] });
  const [roster, attempts, answers] = await Promise.all([
    rosterOf(db, teacherId, assignment.classId),
    attemptsOfAssignment(db, teacherId, assignment.id),
    answersOfAssignment(db, teacherId, assignment.id),
  ]);
  const byStudent = groupByStudent(attempts);
  const rows: ResponseExportRow[] = [];
  for (const s of roster) {
    for (const a of byStudent.get(s.studentId) ?? []) {
      if (a.status !== "submitted") continue;
      const saved = answers.get(a.id);
      assignment.questions.forEach((q, i) => {
        const ans = saved?.get(q.id);
        rows.push({
          studentName: s.name,
          email: s.email,
          attemptId: a.id,
          attemptNumber: a.number,
          submittedAt: a.submittedAt,
          late: a.late,
          counting: a.counting,
          questionNumber: i + 1,
          prompt: q.prompt,
          response: describeResponse(q, ans?.response),
          key: describeKey(q),
          score: ans?.score ?? 0,
          correct: ans?.correct ?? false,
        });
      });
    }
  }
  return { assignment, rows };
}

export function responsesCsvRows(rows: ResponseExportRow[]): CsvCell[][] {
  return [
    [
      "Student",
      "Email",
      "Attempt id",
      "Attempt number",
      "Submitted at (UTC)",
      "Late",
      "Counts toward grade",
      "Question number",
      "Question",
      "Response",
      "Correct answer",
      "Score",
      "Correct",
    ],
    ...rows.map((r) => [
      r.studentName,
      r.email,
      r.attemptId,
      r.attemptNumber,
      r.submittedAt,
      r.late,
      r.counting,
      r.questionNumber,
      r.prompt,
      r.response,
      r.key,
      r.score,
      r.correct,
    ]),
  ];
}
