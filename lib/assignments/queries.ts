import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import {
  articles,
  assignmentExtensions,
  assignments,
  classes,
  classMembers,
  quizAttempts,
  quizzes,
  type AssignmentRow,
} from "@/db/schema";
import { visibleTo } from "@/lib/articles/queries";
import { finalizeEndedAttempts } from "@/lib/attempts/grading";
import { revealFor, type Reveal } from "@/lib/attempts/reveal";
import { shuffled, shuffledOptionOrder } from "@/lib/attempts/shuffle";
import { attemptWindows } from "@/lib/gradebook/counting-rule";
import { cellStatus } from "@/lib/gradebook/standing";
import { GENERATOR_VERSION, type Question } from "@/lib/quiz";
import { ok, refuse, type Result } from "@/lib/result";
import { reviewedQuizQuestions } from "@/lib/reviews/queries";
import { classLive } from "@/lib/classes/queries";
import { lastDueAt } from "./due-dates";
import { withExtension, type Extension } from "./extensions";
import type { AssignmentSettings } from "./form";

/** What an assignment is called: the teacher's name for it, or its article's title. */
export const assignmentTitle = sql<string>`coalesce(${assignments.title}, ${articles.title})`;

export type CreateAssignmentResult = Result<
  { assignmentId: string; questionCount: number },
  "not-found" | "no-questions"
>;

/**
 * Assigns an article's quiz to a class. The teacher's reviewed questions are
 * copied into a new quiz row here, at the moment of assigning: that copy is
 * the version this assignment keeps, whatever the teacher edits later.
 */
export async function createAssignment(input: {
  db: Db;
  teacherId: string;
  classId: string;
  articleId: string;
  settings: AssignmentSettings;
}): Promise<CreateAssignmentResult> {
  const { db, teacherId, settings } = input;
  const [[klass], [article]] = await Promise.all([
    db
      .select({ id: classes.id })
      .from(classes)
      .where(
        and(
          eq(classes.id, input.classId),
          eq(classes.teacherId, teacherId),
          classLive,
          isNull(classes.archivedAt),
        ),
      ),
    db
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.id, input.articleId), visibleTo(teacherId))),
  ]);
  if (!klass || !article) return refuse("not-found");
  const questions: Question[] | undefined = await reviewedQuizQuestions({
    db,
    teacherId,
    articleId: article.id,
  });
  if (!questions) return refuse("not-found");
  if (questions.length === 0) return refuse("no-questions");
  return db.transaction(async (tx) => {
    const [quiz] = await tx
      .insert(quizzes)
      .values({
        articleId: article.id,
        kind: "assignment",
        generatorVersion: GENERATOR_VERSION,
        seed: 1,
        questions,
        createdBy: teacherId,
      })
      .returning({ id: quizzes.id });
    const [row] = await tx
      .insert(assignments)
      .values({ classId: klass.id, articleId: article.id, quizId: quiz!.id, ...settings })
      .returning({ id: assignments.id });
    return ok({ assignmentId: row!.id, questionCount: questions.length });
  });
}

/** A class's assignments for its teacher, with how many students submitted and are working. */
export async function listAssignmentsForClass(input: { db: Executor; teacherId: string; classId: string }) {
  const progress = input.db
    .select({
      assignmentId: quizAttempts.assignmentId,
      submitted:
        sql<number>`count(distinct ${quizAttempts.userId}) filter (where ${quizAttempts.status} = 'submitted')`
          .mapWith(Number)
          .as("submitted"),
      working: sql<number>`count(*) filter (where ${quizAttempts.status} = 'in_progress')`
        .mapWith(Number)
        .as("working"),
    })
    .from(quizAttempts)
    .innerJoin(assignments, eq(assignments.id, quizAttempts.assignmentId))
    .where(eq(assignments.classId, input.classId))
    .groupBy(quizAttempts.assignmentId)
    .as("progress");
  return input.db
    .select({
      assignment: assignments,
      title: assignmentTitle,
      articleTitle: articles.title,
      articleSlug: articles.slug,
      submitted: sql<number>`coalesce(${progress.submitted}, 0)`.mapWith(Number),
      working: sql<number>`coalesce(${progress.working}, 0)`.mapWith(Number),
    })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(articles, eq(articles.id, assignments.articleId))
    .leftJoin(progress, eq(progress.assignmentId, assignments.id))
    .where(
      and(
        eq(assignments.classId, input.classId),
        eq(classes.teacherId, input.teacherId),
        classLive,
        isNull(assignments.deletedAt),
      ),
    )
    .orderBy(asc(assignments.dueAt), asc(assignments.createdAt));
}

/** The ids of this teacher's live classes, as a subquery. */
const ownedClassIds = (db: Executor, teacherId: string) =>
  db
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.teacherId, teacherId), classLive));

/** Closes an assignment: no new attempt starts, and open ones are graded with what they saved. */
export async function closeAssignment(input: {
  db: Db;
  teacherId: string;
  assignmentId: string;
  now?: Date;
}): Promise<Result<object, "not-found">> {
  const now = input.now ?? new Date();
  const owned = ownedClassIds(input.db, input.teacherId);
  const [row] = await input.db
    .update(assignments)
    .set({ closedAt: now })
    .where(
      and(
        eq(assignments.id, input.assignmentId),
        inArray(assignments.classId, owned),
        isNull(assignments.closedAt),
        isNull(assignments.deletedAt),
      ),
    )
    .returning({ id: assignments.id });
  if (!row) {
    // Closing twice is not an error; another teacher's id still finds nothing.
    const [already] = await input.db
      .select({ id: assignments.id })
      .from(assignments)
      .where(
        and(
          eq(assignments.id, input.assignmentId),
          inArray(assignments.classId, owned),
          isNull(assignments.deletedAt),
        ),
      );
    return already ? ok() : refuse("not-found");
  }
  await finalizeEndedAttempts({ db: input.db, assignmentIds: [row.id], now });
  return ok();
}

/** Opens a closed assignment again; attempts graded at closing stay as they are. */
export async function reopenAssignment(input: {
  db: Executor;
  teacherId: string;
  assignmentId: string;
}): Promise<Result<object, "not-found">> {
  const owned = ownedClassIds(input.db, input.teacherId);
  const rows = await input.db
    .update(assignments)
    .set({ closedAt: null })
    .where(
      and(
        eq(assignments.id, input.assignmentId),
        inArray(assignments.classId, owned),
        isNull(assignments.deletedAt),
      ),
    )
    .returning({ id: assignments.id });
  return rows.length > 0 ? ok() : refuse("not-found");
}

type StudentAttemptSummary = {
  id: string;
  status: "in_progress" | "submitted";
  score: number | null;
  maxScore: number;
  startedAt: Date;
  submittedAt: Date | null;
  late: boolean;
  endedBy: "student" | "time_limit" | "closed" | null;
};

type AssignmentStatus = "not_started" | "in_progress" | "submitted" | "late";

export type StudentAssignment = {
  /** The assignment as it applies to this student: their own due date, attempts and time limit. */
  assignment: AssignmentRow;
  /** The student's exceptions, when the teacher gave any. */
  extension: Extension | null;
  /** The class's due date before any exception of this student's. */
  classDueAt: Date;
  /** When answers set to show "after the due date" are shown: the last due date of anyone. */
  revealAfter: Date;
  className: string;
  classSection: string | null;
  /** The teacher's name for the assignment, or the article's title. */
  title: string;
  articleTitle: string;
  articleSlug: string;
  questionCount: number;
  attempts: StudentAttemptSummary[];
  status: AssignmentStatus;
  /** Nothing submitted and no longer on time: past due, or the teacher closed it. */
  overdue: boolean;
  /** The attempt that counts (best or latest), when one is submitted and scores are shown. */
  counting: StudentAttemptSummary | null;
  openAttemptId: string | null;
  attemptsLeft: number;
  /** Whether the student may see scores, and answers, yet. */
  revealed: Reveal;
};

type StudentRow = {
  assignment: AssignmentRow;
  extension: Extension | null;
  lastDueAt: Date;
  className: string;
  classSection: string | null;
  title: string;
  articleTitle: string;
  articleSlug: string;
};

function summarise(
  { lastDueAt: revealAfter, ...row }: StudentRow,
  questionCount: number,
  attempts: (StudentAttemptSummary & { isCounting: boolean })[],
  now: Date,
): StudentAssignment {
  const assignment = withExtension(row.assignment, row.extension);
  const open = attempts.find((a) => a.status === "in_progress") ?? null;
  const submittedAttempts = attempts.filter((a) => a.status === "submitted");
  // "After the due date" waits for the last due date of anyone's (extensions too); "no attempt
  // left" counts the student's own extra attempts (withExtension).
  const revealed = revealFor(
    { ...assignment, dueAt: revealAfter },
    { now, submittedAttempts: submittedAttempts.length },
  );
  // The gradebook's own rules, so a student and their teacher see the same thing, except
  // while scores are hidden: which attempt is "best" would then tell the student which
  // scored higher. Until then the student sees no score, no counting attempt, and a
  // status that depends on no score (on time if any attempt was).
  const hidden = !revealed.score;
  const counting = hidden ? null : (attempts.find((a) => a.isCounting) ?? null);
  const statusFrom = hidden ? (submittedAttempts.find((a) => !a.late) ?? submittedAttempts[0]) : counting;
  const cell = cellStatus({
    counting: statusFrom ?? undefined,
    hasOpen: open !== null,
    dueAt: assignment.dueAt,
    closedAt: assignment.closedAt,
    now,
  });
  const submitted = submittedAttempts.length;
  return {
    ...row,
    assignment,
    classDueAt: row.assignment.dueAt,
    revealAfter,
    questionCount,
    attempts: attempts.map(({ isCounting: _c, ...a }) => (hidden ? { ...a, score: null } : a)),
    status: cell.status === "missing" ? "not_started" : cell.status,
    overdue: cell.overdue,
    counting,
    openAttemptId: open?.id ?? null,
    attemptsLeft: Math.max(0, assignment.attemptsAllowed - submitted - (open ? 1 : 0)),
    revealed,
  };
}

const attemptSummary = {
  id: quizAttempts.id,
  assignmentId: quizAttempts.assignmentId,
  status: quizAttempts.status,
  score: quizAttempts.score,
  maxScore: quizAttempts.maxScore,
  startedAt: quizAttempts.startedAt,
  submittedAt: quizAttempts.submittedAt,
  late: quizAttempts.late,
  endedBy: quizAttempts.endedBy,
  isCounting: attemptWindows.isCounting,
};

const studentColumns = {
  assignment: assignments,
  // A not-null column first: drizzle reads a left-joined object as missing when its first column is null.
  extension: {
    extraAttempts: assignmentExtensions.extraAttempts,
    dueAt: assignmentExtensions.dueAt,
    timeMultiplier: assignmentExtensions.timeMultiplier,
  },
  lastDueAt: lastDueAt.mapWith(assignments.dueAt),
  className: classes.name,
  classSection: classes.section,
  title: assignmentTitle,
  articleTitle: articles.title,
  articleSlug: articles.slug,
  questionCount: sql<number>`jsonb_array_length(${quizzes.questions})`.mapWith(Number),
};

const extensionOf = (studentId: string) =>
  and(eq(assignmentExtensions.assignmentId, assignments.id), eq(assignmentExtensions.studentId, studentId));

/**
 * Every assignment of every class the student is in, with their own status.
 * Two queries whatever the number of classes and assignments.
 */
export async function listAssignmentsForStudent(input: {
  db: Db;
  studentId: string;
  now?: Date;
}): Promise<StudentAssignment[]> {
  const now = input.now ?? new Date();
  await finalizeEndedAttempts({ db: input.db, userId: input.studentId, now });
  const rows = await input.db
    .select(studentColumns)
    .from(assignments)
    .innerJoin(classMembers, eq(classMembers.classId, assignments.classId))
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(articles, eq(articles.id, assignments.articleId))
    .innerJoin(quizzes, eq(quizzes.id, assignments.quizId))
    .leftJoin(assignmentExtensions, extensionOf(input.studentId))
    .where(and(eq(classMembers.studentId, input.studentId), classLive, isNull(assignments.deletedAt)))
    .orderBy(asc(classes.name), asc(classes.section), asc(assignments.dueAt));
  if (rows.length === 0) return [];
  const attempts = await input.db
    .select(attemptSummary)
    .from(quizAttempts)
    .innerJoin(assignments, eq(assignments.id, quizAttempts.assignmentId))
    .where(
      and(
        eq(quizAttempts.userId, input.studentId),
        inArray(
          quizAttempts.assignmentId,
          rows.map((r) => r.assignment.id),
        ),
      ),
    )
    .orderBy(asc(quizAttempts.startedAt));
  return rows.map((r) =>
    summarise(
      r,
      r.questionCount,
      attempts.filter((a) => a.assignmentId === r.assignment.id),
      now,
    ),
  );
}

/** One assignment for a student of its class; undefined for anyone else. */
export async function getAssignmentForStudent(input: {
  db: Db;
  studentId: string;
  assignmentId: string;
  now?: Date;
}): Promise<StudentAssignment | undefined> {
  const now = input.now ?? new Date();
  await finalizeEndedAttempts({ db: input.db, userId: input.studentId, now });
  const [row] = await input.db
    .select(studentColumns)
    .from(assignments)
    .innerJoin(
      classMembers,
      and(eq(classMembers.classId, assignments.classId), eq(classMembers.studentId, input.studentId)),
    )
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(articles, eq(articles.id, assignments.articleId))
    .innerJoin(quizzes, eq(quizzes.id, assignments.quizId))
    .leftJoin(assignmentExtensions, extensionOf(input.studentId))
    .where(and(eq(assignments.id, input.assignmentId), classLive, isNull(assignments.deletedAt)));
  if (!row) return undefined;
  const attempts = await input.db
    .select(attemptSummary)
    .from(quizAttempts)
    .innerJoin(assignments, eq(assignments.id, quizAttempts.assignmentId))
    .where(and(eq(quizAttempts.userId, input.studentId), eq(quizAttempts.assignmentId, input.assignmentId)))
    .orderBy(asc(quizAttempts.startedAt));
  return summarise(row, row.questionCount, attempts, now);
}

export type StartAssignmentResult = Result<
  { attemptId: string; resumed: boolean },
  "not-found" | "closed" | "no-attempts-left"
>;

/**
 * Starts (or resumes) the student's attempt at an assignment. Questions and
 * options are shuffled per student when the teacher asked for it; a time
 * limit becomes a deadline on the server clock, fixed now.
 */
export async function startAssignmentAttempt(input: {
  db: Db;
  studentId: string;
  assignmentId: string;
  now?: Date;
}): Promise<StartAssignmentResult> {
  const now = input.now ?? new Date();
  const view = await getAssignmentForStudent({ ...input, now });
  if (!view) return refuse("not-found");
  if (view.openAttemptId) return ok({ attemptId: view.openAttemptId, resumed: true });
  const { assignment } = view;
  if (assignment.closedAt) return refuse("closed");
  if (view.attemptsLeft <= 0) return refuse("no-attempts-left");
  const [quiz] = await input.db
    .select({ questions: quizzes.questions })
    .from(quizzes)
    .where(eq(quizzes.id, assignment.quizId));
  const questions = quiz!.questions;
  const optionOrder = assignment.shuffle
    ? shuffledOptionOrder(questions)
    : Object.fromEntries(questions.map((q) => [q.id, q.options.map((o) => o.id)]));
  const questionOrder = assignment.shuffle ? shuffled(questions.map((q) => q.id)) : null;
  try {
    const [row] = await input.db
      .insert(quizAttempts)
      .values({
        userId: input.studentId,
        quizId: assignment.quizId,
        articleId: assignment.articleId,
        assignmentId: assignment.id,
        optionOrder,
        questionOrder,
        startedAt: now,
        deadlineAt: assignment.timeLimitMinutes
          ? new Date(now.getTime() + assignment.timeLimitMinutes * 60_000)
          : null,
        maxScore: questions.length,
      })
      .returning({ id: quizAttempts.id });
    return ok({ attemptId: row!.id, resumed: false });
  } catch (e) {
    // A second click raced this one: its attempt is the one to resume.
    if (!isUniqueViolation(e)) throw e;
    const again = await getAssignmentForStudent({ ...input, now });
    if (!again?.openAttemptId) throw e;
    return ok({ attemptId: again.openAttemptId, resumed: true });
  }
}
