import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  articles,
  assignmentExtensions,
  assignments,
  attemptAnswers,
  classes,
  classMembers,
  questionRegrades,
  quizAttempts,
  quizzes,
  users,
  type AssignmentRow,
} from "@/db/schema";
import {
  currentRegrades,
  effectiveQuestions,
  type RegradeEvent,
  type RegradeState,
} from "@/lib/attempts/scoring";
import { finalizeEndedAttempts } from "@/lib/attempts/grading";
import { assignmentTitle } from "@/lib/assignments/queries";
import { lastDueAt } from "@/lib/assignments/due-dates";
import type { Extension } from "@/lib/assignments/extensions";
import type { CellStatus } from "@/lib/labels";
import type { Question } from "@/lib/quiz";
import { percentOf } from "@/lib/scores";
import { attemptWindows, ownedAttemptJoins, rosterColumns, rosterWhere } from "./counting-rule";
import { averages, cellStatus } from "./standing";
import {
  analyseItems,
  masteryBySkill,
  type ItemAnalysis,
  type SavedAnswer,
  type SkillMastery,
} from "./item-analysis";

export type AssignmentForTeacher = Omit<AssignmentRow, "quizId" | "title"> & {
  /** The teacher's name for the assignment, or the article's title. */
  title: string;
  /** The name the teacher gave, null when it shows the article's title. */
  ownTitle: string | null;
  className: string;
  classSection: string | null;
  /** When answers shown "after the due date" appear: the last due date of anyone, extensions included. */
  revealAfter: Date;
  article: { id: string; slug: string; title: string; source: string | null; publishedOn: string | null };
  /** The article's text; only when asked for (worksheets), as it can be long. */
  articleBody: string | null;
  quizId: string;
  /** The questions as graded now: a regrade's key and explanation over the frozen ones. */
  questions: Question[];
  /** The quiz version as it was frozen at assigning. */
  frozenQuestions: Question[];
  /** The regrade in force per question id. */
  regrades: Map<string, RegradeState>;
  /** Every regrade, oldest first. */
  regradeLog: RegradeEvent[];
};

type RegradeLogRow = Omit<RegradeEvent, "at"> & { at: string };

/**
 * The assignment's regrade history in the same query as the assignment: the
 * report reads in as many queries with regrades as without.
 */
const regradeLogColumn = sql<RegradeLogRow[]>`(select coalesce(json_agg(json_build_object(
    'seq', r.seq, 'questionId', r.question_id, 'kind', r.kind, 'answer', r.answer,
    'explanation', r.explanation, 'at', r.created_at, 'teacherName', u.name) order by r.seq), '[]'::json)
  from ${questionRegrades} r left join ${users} u on u.id = r.teacher_id
  where r.assignment_id = ${assignments.id})`;

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
      title: assignmentTitle,
      className: classes.name,
      classSection: classes.section,
      revealAfter: lastDueAt.mapWith(assignments.dueAt),
      article: {
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        source: articles.source,
        publishedOn: articles.publishedOn,
      },
      articleBody: input.withArticleBody ? articles.body : sql<null>`null`,
      questions: quizzes.questions,
      regradeLog: regradeLogColumn,
    })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(articles, eq(articles.id, assignments.articleId))
    .innerJoin(quizzes, eq(quizzes.id, assignments.quizId))
    .where(
      and(
        eq(assignments.id, input.assignmentId),
        eq(classes.teacherId, input.teacherId),
        isNull(classes.deletedAt),
        isNull(assignments.deletedAt),
      ),
    )
    .limit(1);
  if (!row) return undefined;
  const regradeLog = row.regradeLog.map((e) => ({ ...e, seq: Number(e.seq), at: new Date(e.at) }));
  const regrades = currentRegrades(regradeLog);
  return {
    ...row.assignment,
    title: row.title,
    ownTitle: row.assignment.title,
    className: row.className,
    classSection: row.classSection,
    revealAfter: row.revealAfter,
    article: row.article,
    articleBody: row.articleBody,
    questions: effectiveQuestions(row.questions, regrades),
    frozenQuestions: row.questions,
    regrades,
    regradeLog,
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

type ReportStudent = {
  studentId: string;
  name: string;
  email: string;
  /** The student's exceptions to this assignment, when the teacher gave any. */
  extension: Extension | null;
  /** Their due date: their own, or the assignment's. */
  dueAt: Date;
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
export async function attemptsOfAssignment(db: Executor, teacherId: string, assignmentId: string) {
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
export async function answersOfAssignment(db: Executor, teacherId: string, assignmentId: string) {
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
export function groupByStudent<T extends { userId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.userId);
    if (list) list.push(r);
    else out.set(r.userId, [r]);
  }
  return out;
}

export function rosterOf(db: Executor, teacherId: string, classId: string) {
  return db
    .select(rosterColumns)
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(users, eq(users.id, classMembers.studentId))
    .where(rosterWhere(teacherId, classId))
    .orderBy(asc(users.name), asc(users.email));
}

/**
 * The class's students with their exceptions to this assignment (null
 * without one), in one query: the roster left-joined to the extensions.
 */
function rosterWithExtensions(db: Executor, teacherId: string, classId: string, assignmentId: string) {
  return db
    .select({
      ...rosterColumns,
      extensionDueAt: assignmentExtensions.dueAt,
      timeMultiplier: assignmentExtensions.timeMultiplier,
      extraAttempts: assignmentExtensions.extraAttempts,
    })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(users, eq(users.id, classMembers.studentId))
    .leftJoin(
      assignmentExtensions,
      and(
        eq(assignmentExtensions.assignmentId, assignmentId),
        eq(assignmentExtensions.studentId, classMembers.studentId),
      ),
    )
    .where(rosterWhere(teacherId, classId))
    .orderBy(asc(users.name), asc(users.email));
}

/**
 * The teacher's report on one assignment: standing of every student, item
 * analysis and skill mastery over the counting attempts. Five queries (one finds timed attempts to
 * grade; the roster carries students' exceptions) whatever the class's size.
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
    rosterWithExtensions(db, teacherId, assignment.classId, assignment.id),
    attemptsOfAssignment(db, teacherId, assignment.id),
    answersOfAssignment(db, teacherId, assignment.id),
  ]);
  const byStudent = groupByStudent(attempts);
  const students: ReportStudent[] = roster.map(({ extensionDueAt, timeMultiplier, extraAttempts, ...s }) => {
    const mine = (byStudent.get(s.studentId) ?? []).map(({ userId: _, ...a }) => a);
    const counting = mine.find((a) => a.counting) ?? null;
    // No row joined: extraAttempts (not null in its table) is null only then.
    const extension: Extension | null =
      extraAttempts === null ? null : { dueAt: extensionDueAt, timeMultiplier, extraAttempts };
    const dueAt = extension?.dueAt ?? assignment.dueAt;
    const { status, overdue } = cellStatus({
      counting: counting ?? undefined,
      hasOpen: mine.some((a) => a.status === "in_progress"),
      dueAt,
      closedAt: assignment.closedAt,
      now,
    });
    return { ...s, extension, dueAt, status, overdue, counting, attempts: mine };
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
    items: analyseItems(assignment.questions, assignment.regrades, countingAnswers),
    skills: masteryBySkill(assignment.questions, assignment.regrades, countingAnswers),
    students,
  };
}
