/**
 * Managing classes, assignments and articles after the fact (issue #12):
 * settings changed after assigning, one student's exceptions, archiving and
 * deleting, and what each does to students' work.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import {
  articles,
  assignmentExtensions,
  assignments,
  classes,
  classMembers,
  quizAttempts,
  quizzes,
} from "@/db/schema";
import {
  addTeacherArticle,
  getArticleBySlug,
  listArchivedArticles,
  listArticles,
} from "@/lib/articles/queries";
import { archiveArticle, articleImpact, deleteArticle, restoreArticle } from "@/lib/articles/manage";
import {
  createAssignment,
  getAssignmentForStudent,
  listAssignmentsForClass,
  listAssignmentsForStudent,
  startAssignmentAttempt,
} from "@/lib/assignments/queries";
import type { AssignmentSettings } from "@/lib/assignments/form";
import { setExtension } from "@/lib/assignments/extensions";
import {
  archiveAssignment,
  assignmentImpact,
  deleteAssignment,
  restoreAssignment,
  updateAssignmentSettings,
} from "@/lib/assignments/manage";
import { submitAttempt } from "@/lib/attempts/grading";
import { startAttempt } from "@/lib/attempts/start";
import { getAttemptForUser } from "@/lib/attempts/views";
import { archiveClass, classImpact, deleteClass, renameClass, restoreClass } from "@/lib/classes/manage";
import {
  createClass,
  getClassForTeacher,
  joinClass,
  listClassesForStudent,
  listClassesForTeacher,
} from "@/lib/classes/queries";
import { classListLabel } from "@/lib/classes/labels";
import { getGradebook } from "@/lib/gradebook/class-gradebook";
import { getAssignmentReport } from "@/lib/gradebook/assignment-report";
import { listRemovedAssignmentWork, scoreHistory } from "@/lib/progress/queries";
import { prepareContent } from "@/lib/startup";
import { createUser } from "@/lib/users/accounts";
import { FAST_HASH, setupTestDatabase, uniqueEmail } from "../support/db";
import { ARTICLE_TEXT } from "../support/fuzz-kit";

const t = setupTestDatabase();
let articleId: string;

beforeAll(async () => {
  await prepareContent({ database: t.database(), seedDemo: false });
  articleId = (await getArticleBySlug({
    db: t.db(),
    slug: "us-allies-weapons-ukraine-2022-10-12",
    viewerId: null,
  }))!.id;
});

async function user(role: "teacher" | "student") {
  const r = await createUser({
    db: t.db(),
    name: `${role} ${Math.random().toString(36).slice(2, 6)}`,
    email: uniqueEmail(role),
    password: "password123",
    role,
    hashParams: FAST_HASH,
  });
  if (!r.ok) throw new Error("user");
  return r.user.id;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
// Far ahead of the real clock, so reads on the real clock never end these attempts.
const T0 = new Date("2099-12-01T09:00:00Z");
const DUE = new Date(T0.getTime() + 24 * HOUR);

async function classWithAssignment(over: Partial<AssignmentSettings> = {}, n = 2, article = articleId) {
  const teacher = await user("teacher");
  const klass = await createClass({ db: t.db(), teacherId: teacher, name: "Period 3" });
  const students: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = await user("student");
    await joinClass({ db: t.db(), studentId: s, code: klass.joinCode });
    students.push(s);
  }
  const made = await createAssignment({
    db: t.db(),
    teacherId: teacher,
    classId: klass.id,
    articleId: article,
    settings: {
      dueAt: DUE,
      attemptsAllowed: 1,
      counting: "best",
      reveal: "after_submit",
      timeLimitMinutes: null,
      shuffle: false,
      ...over,
    },
  });
  if (!made.ok) throw new Error(made.reason);
  return { teacher, klass, students, assignmentId: made.assignmentId };
}

async function start(studentId: string, assignmentId: string, now = T0) {
  const r = await startAssignmentAttempt({ db: t.db(), studentId, assignmentId, now });
  if (!r.ok) throw new Error(r.reason);
  return r.attemptId;
}

async function attemptRow(id: string) {
  const [row] = await t.db().select().from(quizAttempts).where(eq(quizAttempts.id, id));
  return row!;
}

const noExtension = { dueAt: null, timeMultiplier: null, extraAttempts: 0 };

describe("changing an assignment after assigning", () => {
  it("recomputes late flags when the due date moves, both ways", async () => {
    const { teacher, students, assignmentId } = await classWithAssignment();
    const [early, later] = students as [string, string];
    await submitAttempt({ db: t.db(), userId: early, attemptId: await start(early, assignmentId), now: T0 });
    const lateId = await start(later, assignmentId, new Date(DUE.getTime() + HOUR));
    await submitAttempt({
      db: t.db(),
      userId: later,
      attemptId: lateId,
      now: new Date(DUE.getTime() + HOUR),
    });
    expect((await attemptRow(lateId)).late).toBe(true);

    const change = (dueAt: Date) =>
      updateAssignmentSettings({
        db: t.db(),
        teacherId: teacher,
        assignmentId,
        changes: { title: null, dueAt, timeLimitMinutes: null, attemptsAllowed: 1 },
      });
    expect(await change(new Date(DUE.getTime() + 2 * HOUR))).toEqual({ ok: true });
    expect((await attemptRow(lateId)).late).toBe(false);
    const view = (await getAssignmentForStudent({ db: t.db(), studentId: later, assignmentId, now: DUE }))!;
    expect(view.status).toBe("submitted");

    // Moved before the first submission: both are late now.
    await change(new Date(T0.getTime() - HOUR));
    const rows = await t.db().select().from(quizAttempts).where(eq(quizAttempts.assignmentId, assignmentId));
    expect(rows.map((r) => r.late)).toEqual([true, true]);
  });

  it("renames the assignment for everyone and keeps the article's title when the name is cleared", async () => {
    const { teacher, klass, students, assignmentId } = await classWithAssignment({}, 1);
    const rename = (title: string | null) =>
      updateAssignmentSettings({
        db: t.db(),
        teacherId: teacher,
        assignmentId,
        changes: { title, dueAt: DUE, timeLimitMinutes: null, attemptsAllowed: 1 },
      });
    await rename("Week 3 reading check");
    const [listed] = await listAssignmentsForClass({ db: t.db(), teacherId: teacher, classId: klass.id });
    expect(listed!.title).toBe("Week 3 reading check");
    const [mine] = await listAssignmentsForStudent({ db: t.db(), studentId: students[0]!, now: T0 });
    expect(mine!.title).toBe("Week 3 reading check");
    const book = (await getGradebook({ db: t.db(), teacherId: teacher, classId: klass.id, now: T0 }))!;
    expect(book.assignments[0]!.title).toBe("Week 3 reading check");
    await rename(null);
    const [again] = await listAssignmentsForStudent({ db: t.db(), studentId: students[0]!, now: T0 });
    expect(again!.title).toBe(again!.articleTitle);
  });

  it("gives an attempt in progress a longer time limit at once, never a shorter one, and none when removed", async () => {
    const { teacher, students, assignmentId } = await classWithAssignment({ timeLimitMinutes: 30 }, 1);
    const id = await start(students[0]!, assignmentId);
    expect((await attemptRow(id)).deadlineAt).toEqual(new Date(T0.getTime() + 30 * MINUTE));
    const limit = (timeLimitMinutes: number | null) =>
      updateAssignmentSettings({
        db: t.db(),
        teacherId: teacher,
        assignmentId,
        changes: { title: null, dueAt: DUE, timeLimitMinutes, attemptsAllowed: 1 },
      });
    await limit(45);
    expect((await attemptRow(id)).deadlineAt).toEqual(new Date(T0.getTime() + 45 * MINUTE));
    await limit(20);
    expect((await attemptRow(id)).deadlineAt).toEqual(new Date(T0.getTime() + 45 * MINUTE));
    await limit(null);
    expect((await attemptRow(id)).deadlineAt).toBeNull();
  });

  it("lets attempts allowed go below what a student used without touching their attempts", async () => {
    const { teacher, students, assignmentId } = await classWithAssignment({ attemptsAllowed: 3 }, 1);
    const s = students[0]!;
    for (let i = 0; i < 2; i++)
      await submitAttempt({ db: t.db(), userId: s, attemptId: await start(s, assignmentId), now: T0 });
    await updateAssignmentSettings({
      db: t.db(),
      teacherId: teacher,
      assignmentId,
      changes: { title: null, dueAt: DUE, timeLimitMinutes: null, attemptsAllowed: 1 },
    });
    const view = (await getAssignmentForStudent({ db: t.db(), studentId: s, assignmentId, now: T0 }))!;
    expect(view.attempts).toHaveLength(2);
    expect(view.attemptsLeft).toBe(0);
    expect(await startAssignmentAttempt({ db: t.db(), studentId: s, assignmentId, now: T0 })).toEqual({
      ok: false,
      reason: "no-attempts-left",
    });
  });

  it("refuses another teacher's assignment and changes nothing", async () => {
    const { assignmentId } = await classWithAssignment({}, 0);
    const other = await user("teacher");
    expect(
      await updateAssignmentSettings({
        db: t.db(),
        teacherId: other,
        assignmentId,
        changes: { title: "Hacked", dueAt: T0, timeLimitMinutes: 1, attemptsAllowed: 9 },
      }),
    ).toEqual({ ok: false, reason: "not-found" });
    const [row] = await t.db().select().from(assignments).where(eq(assignments.id, assignmentId));
    expect(row!.title).toBeNull();
    expect(row!.attemptsAllowed).toBe(1);
  });
});

describe("one student's exceptions", () => {
  it("an own due date makes that student's late work on time, for them only", async () => {
    const { teacher, klass, students, assignmentId } = await classWithAssignment();
    const [extended, other] = students as [string, string];
    const after = new Date(DUE.getTime() + HOUR);
    for (const s of students)
      await submitAttempt({
        db: t.db(),
        userId: s,
        attemptId: await start(s, assignmentId, after),
        now: after,
      });
    const own = new Date(DUE.getTime() + 2 * HOUR);
    expect(
      await setExtension({
        db: t.db(),
        teacherId: teacher,
        assignmentId,
        studentId: extended,
        extension: { ...noExtension, dueAt: own },
      }),
    ).toEqual({ ok: true, removed: false });
    const mine = (await getAssignmentForStudent({
      db: t.db(),
      studentId: extended,
      assignmentId,
      now: after,
    }))!;
    expect(mine.assignment.dueAt).toEqual(own);
    expect(mine.classDueAt).toEqual(DUE);
    expect(mine.status).toBe("submitted");
    const theirs = (await getAssignmentForStudent({
      db: t.db(),
      studentId: other,
      assignmentId,
      now: after,
    }))!;
    expect(theirs.status).toBe("late");
    const book = (await getGradebook({ db: t.db(), teacherId: teacher, classId: klass.id, now: after }))!;
    const cell = (id: string) => book.rows.find((r) => r.studentId === id)!.cells[0]!;
    expect(cell(extended)).toMatchObject({ status: "submitted", extendedTo: own });
    expect(cell(other)).toMatchObject({ status: "late", extendedTo: null });
    // Nothing submitted yet and before their own due date: not overdue for them.
    const report = (await getAssignmentReport({ db: t.db(), teacherId: teacher, assignmentId, now: after }))!;
    expect(report.students.find((s) => s.studentId === extended)!.dueAt).toEqual(own);
    // Taking the exception back makes it late again.
    await setExtension({
      db: t.db(),
      teacherId: teacher,
      assignmentId,
      studentId: extended,
      extension: noExtension,
    });
    expect(await t.db().select().from(assignmentExtensions)).not.toContainEqual(
      expect.objectContaining({ assignmentId, studentId: extended }),
    );
    const back = (await getAssignmentForStudent({
      db: t.db(),
      studentId: extended,
      assignmentId,
      now: after,
    }))!;
    expect(back.status).toBe("late");
  });

  it("is not overdue for a student whose own due date has not passed", async () => {
    const { teacher, students, assignmentId } = await classWithAssignment({}, 1);
    const s = students[0]!;
    await setExtension({
      db: t.db(),
      teacherId: teacher,
      assignmentId,
      studentId: s,
      extension: { ...noExtension, dueAt: new Date(DUE.getTime() + 48 * HOUR) },
    });
    const after = new Date(DUE.getTime() + HOUR);
    const view = (await getAssignmentForStudent({ db: t.db(), studentId: s, assignmentId, now: after }))!;
    expect(view).toMatchObject({ status: "not_started", overdue: false });
  });

  it("one more attempt lets that student start again", async () => {
    const { teacher, students, assignmentId } = await classWithAssignment();
    const [s, other] = students as [string, string];
    for (const x of students)
      await submitAttempt({ db: t.db(), userId: x, attemptId: await start(x, assignmentId), now: T0 });
    await setExtension({
      db: t.db(),
      teacherId: teacher,
      assignmentId,
      studentId: s,
      extension: { ...noExtension, extraAttempts: 1 },
    });
    const view = (await getAssignmentForStudent({ db: t.db(), studentId: s, assignmentId, now: T0 }))!;
    expect(view.assignment.attemptsAllowed).toBe(2);
    expect(view.attemptsLeft).toBe(1);
    expect((await startAssignmentAttempt({ db: t.db(), studentId: s, assignmentId, now: T0 })).ok).toBe(true);
    expect(await startAssignmentAttempt({ db: t.db(), studentId: other, assignmentId, now: T0 })).toEqual({
      ok: false,
      reason: "no-attempts-left",
    });
  });

  it("extra time multiplies the limit at start and lengthens an attempt already in progress", async () => {
    const { teacher, students, assignmentId } = await classWithAssignment({ timeLimitMinutes: 30 });
    const [s, other] = students as [string, string];
    const running = await start(s, assignmentId);
    await setExtension({
      db: t.db(),
      teacherId: teacher,
      assignmentId,
      studentId: s,
      extension: { ...noExtension, timeMultiplier: 1.5 },
    });
    expect((await attemptRow(running)).deadlineAt).toEqual(new Date(T0.getTime() + 45 * MINUTE));
    const view = (await getAssignmentForStudent({ db: t.db(), studentId: s, assignmentId, now: T0 }))!;
    expect(view.assignment.timeLimitMinutes).toBe(45);
    // The others keep the class's limit.
    const theirs = await start(other, assignmentId);
    expect((await attemptRow(theirs)).deadlineAt).toEqual(new Date(T0.getTime() + 30 * MINUTE));
    // A later change of the class's limit keeps the multiplier.
    await updateAssignmentSettings({
      db: t.db(),
      teacherId: teacher,
      assignmentId,
      changes: { title: null, dueAt: DUE, timeLimitMinutes: 40, attemptsAllowed: 1 },
    });
    expect((await attemptRow(running)).deadlineAt).toEqual(new Date(T0.getTime() + 60 * MINUTE));
    expect((await attemptRow(theirs)).deadlineAt).toEqual(new Date(T0.getTime() + 40 * MINUTE));
  });

  it("keeps answers shown after the due date hidden from the class until the last extension passes", async () => {
    const { teacher, students, assignmentId } = await classWithAssignment({ reveal: "after_due" });
    const [s, extended] = students as [string, string];
    const attemptId = await start(s, assignmentId);
    await submitAttempt({ db: t.db(), userId: s, attemptId, now: T0 });
    await setExtension({
      db: t.db(),
      teacherId: teacher,
      assignmentId,
      studentId: extended,
      extension: { ...noExtension, dueAt: new Date(DUE.getTime() + 72 * HOUR) },
    });
    const afterDue = new Date(DUE.getTime() + HOUR);
    const view = (await getAssignmentForStudent({ db: t.db(), studentId: s, assignmentId, now: afterDue }))!;
    expect(view.revealed).toEqual({ score: false, answers: false });
    expect(view.revealAfter).toEqual(new Date(DUE.getTime() + 72 * HOUR));
    const past = new Date(DUE.getTime() + 73 * HOUR);
    expect(
      (await getAssignmentForStudent({ db: t.db(), studentId: s, assignmentId, now: past }))!.revealed,
    ).toEqual({ score: true, answers: true });
  });

  it("refuses a student who is not in the class, and another teacher", async () => {
    const { teacher, students, assignmentId } = await classWithAssignment({}, 1);
    const stranger = await user("student");
    const other = await user("teacher");
    const ext = { ...noExtension, extraAttempts: 2 };
    expect(
      await setExtension({
        db: t.db(),
        teacherId: teacher,
        assignmentId,
        studentId: stranger,
        extension: ext,
      }),
    ).toEqual({ ok: false, reason: "not-found" });
    expect(
      await setExtension({
        db: t.db(),
        teacherId: other,
        assignmentId,
        studentId: students[0]!,
        extension: ext,
      }),
    ).toEqual({ ok: false, reason: "not-found" });
    const rows = await t
      .db()
      .select()
      .from(assignmentExtensions)
      .where(eq(assignmentExtensions.assignmentId, assignmentId));
    expect(rows).toEqual([]);
  });
});

describe("archiving and deleting an assignment", () => {
  it("archives only with confirmation while attempts are in progress, closes it and grades them", async () => {
    const { teacher, klass, students, assignmentId } = await classWithAssignment();
    const open = await start(students[0]!, assignmentId);
    const archive = (confirmed: boolean) =>
      archiveAssignment({ db: t.db(), teacherId: teacher, assignmentId, confirmed, now: T0 });
    expect(await archive(false)).toEqual({ ok: false, reason: "needs-confirmation" });
    expect((await attemptRow(open)).status).toBe("in_progress");
    expect(await archive(true)).toEqual({ ok: true });
    expect(await attemptRow(open)).toMatchObject({ status: "submitted", endedBy: "closed" });
    const [listed] = await listAssignmentsForClass({ db: t.db(), teacherId: teacher, classId: klass.id });
    expect(listed!.assignment.archivedAt).not.toBeNull();
    expect(listed!.assignment.closedAt).not.toBeNull();
    // Kept in the gradebook.
    const book = (await getGradebook({ db: t.db(), teacherId: teacher, classId: klass.id, now: T0 }))!;
    expect(book.assignments.map((a) => a.id)).toEqual([assignmentId]);
    expect(await restoreAssignment({ db: t.db(), teacherId: teacher, assignmentId })).toEqual({ ok: true });
    const [row] = await t.db().select().from(assignments).where(eq(assignments.id, assignmentId));
    expect(row!.archivedAt).toBeNull();
    expect(row!.closedAt).not.toBeNull();
  });

  it("deletes an assignment nobody started outright, with its quiz version", async () => {
    const { teacher, assignmentId } = await classWithAssignment();
    const [row] = await t.db().select().from(assignments).where(eq(assignments.id, assignmentId));
    expect(
      await deleteAssignment({ db: t.db(), teacherId: teacher, assignmentId, confirmed: false }),
    ).toMatchObject({ ok: true, kept: false });
    expect(await t.db().select().from(assignments).where(eq(assignments.id, assignmentId))).toEqual([]);
    expect(await t.db().select().from(quizzes).where(eq(quizzes.id, row!.quizId))).toEqual([]);
  });

  it("deletes an assignment with work only when confirmed, and the attempts stay the students'", async () => {
    const { teacher, klass, students, assignmentId } = await classWithAssignment();
    const [done, working] = students as [string, string];
    const submitted = await start(done, assignmentId);
    await submitAttempt({ db: t.db(), userId: done, attemptId: submitted, now: T0 });
    const open = await start(working, assignmentId);
    expect(await assignmentImpact({ db: t.db(), teacherId: teacher, assignmentId })).toEqual({
      students: 2,
      attempts: 2,
      submitted: 1,
      inProgress: 1,
    });
    const del = (confirmed: boolean) =>
      deleteAssignment({ db: t.db(), teacherId: teacher, assignmentId, confirmed });
    expect(await del(false)).toEqual({ ok: false, reason: "needs-confirmation" });
    expect(await del(true)).toMatchObject({ ok: true, kept: true });
    // Gone for the teacher and the students...
    expect(await listAssignmentsForClass({ db: t.db(), teacherId: teacher, classId: klass.id })).toEqual([]);
    expect(await getAssignmentReport({ db: t.db(), teacherId: teacher, assignmentId })).toBeUndefined();
    const book = (await getGradebook({ db: t.db(), teacherId: teacher, classId: klass.id }))!;
    expect(book.assignments).toEqual([]);
    expect(await listAssignmentsForStudent({ db: t.db(), studentId: done })).toEqual([]);
    expect(await startAssignmentAttempt({ db: t.db(), studentId: working, assignmentId })).toEqual({
      ok: false,
      reason: "not-found",
    });
    // ...but each attempt is kept, the open one graded with what it had, and still the student's to read.
    expect(await attemptRow(open)).toMatchObject({ status: "submitted", endedBy: "closed" });
    expect((await getAttemptForUser({ db: t.db(), userId: done, attemptId: submitted }))?.attempt.id).toBe(
      submitted,
    );
    const history = await scoreHistory({ db: t.db(), userId: done });
    expect(history.map((h) => h.attemptId)).toContain(submitted);
    // /progress lists them apart, each with its result; another student's work is not in this list.
    expect((await listRemovedAssignmentWork({ db: t.db(), userId: done })).map((r) => r.attemptId)).toEqual([
      submitted,
    ]);
    expect(
      (await listRemovedAssignmentWork({ db: t.db(), userId: working })).map((r) => r.attemptId),
    ).toEqual([open]);
  });

  it("refuses another teacher", async () => {
    const { assignmentId } = await classWithAssignment({}, 0);
    const other = await user("teacher");
    expect(await deleteAssignment({ db: t.db(), teacherId: other, assignmentId, confirmed: true })).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(await archiveAssignment({ db: t.db(), teacherId: other, assignmentId, confirmed: true })).toEqual({
      ok: false,
      reason: "not-found",
    });
    const [row] = await t.db().select().from(assignments).where(eq(assignments.id, assignmentId));
    expect(row).toMatchObject({ archivedAt: null, deletedAt: null, closedAt: null });
  });
});

describe("renaming, archiving and deleting a class", () => {
  it("tells classes of the same name apart by section, then by the day they were made", async () => {
    const teacher = await user("teacher");
    await createClass({ db: t.db(), teacherId: teacher, name: "History", section: "Period 2" });
    await createClass({ db: t.db(), teacherId: teacher, name: "History", section: "Period 4" });
    await createClass({ db: t.db(), teacherId: teacher, name: "Geography" });
    const twin = await createClass({ db: t.db(), teacherId: teacher, name: "geography " });
    const list = await listClassesForTeacher({ db: t.db(), teacherId: teacher });
    const labels = list.map((c) => classListLabel(c, "UTC"));
    expect(labels).toContain("History · Period 2");
    expect(labels).toContain("History · Period 4");
    expect(labels.filter((l) => /^geography? \(made \d+ \w+ \d{4}\)$/i.test(l))).toHaveLength(2);
    expect(
      await renameClass({
        db: t.db(),
        teacherId: teacher,
        classId: twin.id,
        name: "Geography",
        section: "B",
      }),
    ).toEqual({ ok: true });
    const after = (await listClassesForTeacher({ db: t.db(), teacherId: teacher })).map((c) =>
      classListLabel(c, "UTC"),
    );
    expect(after).toContain("Geography · B");
    expect(after).toContain("Geography");
  });

  it("archives: off the desk's active list, join code refused, open work graded, gradebook kept, restorable", async () => {
    const { teacher, klass, students, assignmentId } = await classWithAssignment();
    const open = await start(students[0]!, assignmentId);
    const archive = (confirmed: boolean) =>
      archiveClass({ db: t.db(), teacherId: teacher, classId: klass.id, confirmed, now: T0 });
    expect(await archive(false)).toEqual({ ok: false, reason: "needs-confirmation" });
    expect(await archive(true)).toEqual({ ok: true });
    const [listed] = await listClassesForTeacher({ db: t.db(), teacherId: teacher });
    expect(listed!.archivedAt).not.toBeNull();
    expect(await attemptRow(open)).toMatchObject({ status: "submitted", endedBy: "closed" });
    const newcomer = await user("student");
    expect(await joinClass({ db: t.db(), studentId: newcomer, code: klass.joinCode })).toEqual({
      ok: false,
      reason: "archived",
    });
    expect(await getGradebook({ db: t.db(), teacherId: teacher, classId: klass.id })).toBeDefined();
    const [theirs] = await listClassesForStudent({ db: t.db(), studentId: students[0]! });
    expect(theirs!.archivedAt).not.toBeNull();
    // No new work in an archived class.
    expect(
      await createAssignment({
        db: t.db(),
        teacherId: teacher,
        classId: klass.id,
        articleId,
        settings: {
          dueAt: DUE,
          attemptsAllowed: 1,
          counting: "best",
          reveal: "after_submit",
          timeLimitMinutes: null,
          shuffle: false,
        },
      }),
    ).toEqual({ ok: false, reason: "not-found" });
    expect(await restoreClass({ db: t.db(), teacherId: teacher, classId: klass.id })).toEqual({ ok: true });
    expect((await joinClass({ db: t.db(), studentId: newcomer, code: klass.joinCode })).ok).toBe(true);
  });

  it("deletes a class without work outright, memberships and assignments with it", async () => {
    const { teacher, klass, assignmentId } = await classWithAssignment();
    expect(await classImpact({ db: t.db(), teacherId: teacher, classId: klass.id })).toEqual({
      students: 2,
      assignments: 1,
      attempts: 0,
      inProgress: 0,
    });
    expect(
      await deleteClass({ db: t.db(), teacherId: teacher, classId: klass.id, confirmed: false }),
    ).toEqual({
      ok: true,
      kept: false,
    });
    expect(await t.db().select().from(classes).where(eq(classes.id, klass.id))).toEqual([]);
    expect(await t.db().select().from(classMembers).where(eq(classMembers.classId, klass.id))).toEqual([]);
    expect(await t.db().select().from(assignments).where(eq(assignments.id, assignmentId))).toEqual([]);
  });

  it("deletes a class with work only when confirmed: gone for everyone, every attempt kept", async () => {
    const { teacher, klass, students, assignmentId } = await classWithAssignment();
    const [done, working] = students as [string, string];
    const submitted = await start(done, assignmentId);
    await submitAttempt({ db: t.db(), userId: done, attemptId: submitted, now: T0 });
    const open = await start(working, assignmentId);
    const del = (confirmed: boolean) =>
      deleteClass({ db: t.db(), teacherId: teacher, classId: klass.id, confirmed });
    expect(await del(false)).toEqual({ ok: false, reason: "needs-confirmation" });
    expect(await getClassForTeacher({ db: t.db(), teacherId: teacher, classId: klass.id })).toBeDefined();
    expect(await del(true)).toEqual({ ok: true, kept: true });
    expect(await getClassForTeacher({ db: t.db(), teacherId: teacher, classId: klass.id })).toBeUndefined();
    expect(await listClassesForTeacher({ db: t.db(), teacherId: teacher })).toEqual([]);
    expect(await getGradebook({ db: t.db(), teacherId: teacher, classId: klass.id })).toBeUndefined();
    expect(await listClassesForStudent({ db: t.db(), studentId: done })).toEqual([]);
    expect(await listAssignmentsForStudent({ db: t.db(), studentId: done })).toEqual([]);
    expect(await joinClass({ db: t.db(), studentId: await user("student"), code: klass.joinCode })).toEqual({
      ok: false,
      reason: "no-class",
    });
    const kept = await t
      .db()
      .select()
      .from(quizAttempts)
      .where(inArray(quizAttempts.id, [submitted, open]));
    expect(kept.map((k) => k.status)).toEqual(["submitted", "submitted"]);
    expect((await scoreHistory({ db: t.db(), userId: done })).map((h) => h.attemptId)).toContain(submitted);
    expect((await listRemovedAssignmentWork({ db: t.db(), userId: done })).map((r) => r.attemptId)).toEqual([
      submitted,
    ]);
  });

  it("refuses another teacher", async () => {
    const { klass } = await classWithAssignment({}, 0);
    const other = await user("teacher");
    for (const r of [
      await renameClass({ db: t.db(), teacherId: other, classId: klass.id, name: "Mine", section: null }),
      await archiveClass({ db: t.db(), teacherId: other, classId: klass.id, confirmed: true }),
      await restoreClass({ db: t.db(), teacherId: other, classId: klass.id }),
      await deleteClass({ db: t.db(), teacherId: other, classId: klass.id, confirmed: true }),
    ])
      expect(r).toEqual({ ok: false, reason: "not-found" });
    const [row] = await t.db().select().from(classes).where(eq(classes.id, klass.id));
    expect(row).toMatchObject({ name: "Period 3", archivedAt: null, deletedAt: null });
  });
});

describe("archiving and deleting a teacher's article", () => {
  async function ownArticle(teacher: string) {
    const made = await addTeacherArticle({
      db: t.db(),
      ownerId: teacher,
      title: "Council votes on the bridge",
      source: "",
      publishedOn: "",
      text: ARTICLE_TEXT,
    });
    if (!made.ok) throw new Error("article");
    return (await getArticleBySlug({ db: t.db(), slug: made.slug, viewerId: teacher }))!;
  }

  it("archives off the lists, still read where assigned, and restores", async () => {
    const teacher = await user("teacher");
    const article = await ownArticle(teacher);
    expect(await archiveArticle({ db: t.db(), teacherId: teacher, articleId: article.id })).toEqual({
      ok: true,
    });
    expect((await listArticles({ db: t.db(), viewerId: teacher })).map((a) => a.id)).not.toContain(
      article.id,
    );
    expect((await listArchivedArticles({ db: t.db(), ownerId: teacher })).map((a) => a.id)).toEqual([
      article.id,
    ]);
    expect(await getArticleBySlug({ db: t.db(), slug: article.slug, viewerId: teacher })).toBeDefined();
    expect(await restoreArticle({ db: t.db(), teacherId: teacher, articleId: article.id })).toEqual({
      ok: true,
    });
    expect((await listArticles({ db: t.db(), viewerId: teacher })).map((a) => a.id)).toContain(article.id);
  });

  it("deletes an article nobody worked on outright, with its unstarted assignments", async () => {
    const teacher = await user("teacher");
    const article = await ownArticle(teacher);
    const klass = await createClass({ db: t.db(), teacherId: teacher, name: "P1" });
    const made = await createAssignment({
      db: t.db(),
      teacherId: teacher,
      classId: klass.id,
      articleId: article.id,
      settings: {
        dueAt: DUE,
        attemptsAllowed: 1,
        counting: "best",
        reveal: "after_submit",
        timeLimitMinutes: null,
        shuffle: false,
      },
    });
    if (!made.ok) throw new Error(made.reason);
    expect(
      await deleteArticle({ db: t.db(), teacherId: teacher, articleId: article.id, confirmed: false }),
    ).toEqual({ ok: true, kept: false });
    expect(await t.db().select().from(articles).where(eq(articles.id, article.id))).toEqual([]);
    expect(await t.db().select().from(assignments).where(eq(assignments.id, made.assignmentId))).toEqual([]);
  });

  it("deletes an article with work only when confirmed: hidden, its assignments gone, attempts kept", async () => {
    const teacher = await user("teacher");
    const article = await ownArticle(teacher);
    const s = await user("student");
    const klass = await createClass({ db: t.db(), teacherId: teacher, name: "P2" });
    await joinClass({ db: t.db(), studentId: s, code: klass.joinCode });
    const made = await createAssignment({
      db: t.db(),
      teacherId: teacher,
      classId: klass.id,
      articleId: article.id,
      settings: {
        dueAt: DUE,
        attemptsAllowed: 2,
        counting: "best",
        reveal: "after_submit",
        timeLimitMinutes: null,
        shuffle: false,
      },
    });
    if (!made.ok) throw new Error(made.reason);
    // One attempt submitted (its answers shown, so self-study of the article opens), one of
    // self-study, and a second attempt in progress.
    await submitAttempt({ db: t.db(), userId: s, attemptId: await start(s, made.assignmentId) });
    const own = await startAttempt({ db: t.db(), userId: s, articleId: article.id, mode: "take" });
    if (!own.ok) throw new Error(own.reason);
    await submitAttempt({ db: t.db(), userId: s, attemptId: own.attemptId });
    const assigned = await start(s, made.assignmentId);
    expect(await articleImpact({ db: t.db(), teacherId: teacher, articleId: article.id })).toEqual({
      assignments: 1,
      attempts: 3,
      students: 1,
      inProgress: 1,
    });
    const del = (confirmed: boolean) =>
      deleteArticle({ db: t.db(), teacherId: teacher, articleId: article.id, confirmed });
    expect(await del(false)).toEqual({ ok: false, reason: "needs-confirmation" });
    expect(await getArticleBySlug({ db: t.db(), slug: article.slug, viewerId: s })).toBeDefined();
    expect(await del(true)).toEqual({ ok: true, kept: true });
    expect(await getArticleBySlug({ db: t.db(), slug: article.slug, viewerId: teacher })).toBeUndefined();
    expect(await getArticleBySlug({ db: t.db(), slug: article.slug, viewerId: s })).toBeUndefined();
    expect(await listAssignmentsForClass({ db: t.db(), teacherId: teacher, classId: klass.id })).toEqual([]);
    expect(await startAttempt({ db: t.db(), userId: s, articleId: article.id, mode: "take" })).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(await attemptRow(assigned)).toMatchObject({ status: "submitted", endedBy: "closed" });
    expect((await getAttemptForUser({ db: t.db(), userId: s, attemptId: own.attemptId }))?.article.id).toBe(
      article.id,
    );
  });

  it("refuses another teacher's article and a shipped one", async () => {
    const teacher = await user("teacher");
    const article = await ownArticle(teacher);
    const other = await user("teacher");
    for (const id of [article.id, articleId]) {
      expect(await archiveArticle({ db: t.db(), teacherId: other, articleId: id })).toEqual({
        ok: false,
        reason: "not-found",
      });
      expect(await deleteArticle({ db: t.db(), teacherId: other, articleId: id, confirmed: true })).toEqual({
        ok: false,
        reason: "not-found",
      });
    }
    const [row] = await t.db().select().from(articles).where(eq(articles.id, article.id));
    expect(row).toMatchObject({ archivedAt: null, deletedAt: null });
  });
});
