/**
 * The authorization matrix: every page, server action and route handler,
 * called as each of five people. Pages and actions run for real against the
 * test database; only the framework edges are replaced (the session lookup,
 * and redirect/notFound/forbidden, which become recorded outcomes).
 *
 * Writes are checked twice: the outcome each person gets, and that the data
 * is unchanged after everyone but the owner tried.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";

type Persona = "signedOut" | "member" | "outsider" | "owner" | "otherTeacher";

import {
  articles,
  assignments,
  attemptAnswers,
  classMembers,
  classes,
  questionRegrades,
  questionReviews,
  quizAttempts,
  scoreOverrides,
} from "@/db/schema";
import { addTeacherArticle, getArticleBySlug } from "@/lib/articles/queries";
import { createAssignment, startAssignmentAttempt } from "@/lib/assignments/queries";
import { createClass, joinClass } from "@/lib/classes/queries";
import { prepareContent } from "@/lib/startup";
import { createUser } from "@/lib/users/accounts";
import { FAST_HASH, setupTestDatabase, uniqueEmail } from "../support/db";
import { ARTICLE_TEXT } from "../support/fuzz-kit";
import { form, outcome, page, session, type Who } from "../support/app-harness";

import AccountPage from "@/app/account/page";
import ArticlePage from "@/app/articles/[slug]/page";
import StudentAssignmentPage from "@/app/assignments/[id]/page";
import AttemptPage from "@/app/attempts/[id]/page";
import JoinPage from "@/app/join/page";
import HomePage from "@/app/page";
import ProgressPage from "@/app/progress/page";
import TeacherPage from "@/app/teacher/page";
import QuestionBankPage from "@/app/teacher/articles/[slug]/page";
import NewArticlePage from "@/app/teacher/articles/new/page";
import ClassPage from "@/app/teacher/classes/[id]/page";
import EditQuestionPage from "@/app/teacher/articles/[slug]/questions/[questionId]/page";
import NewQuestionPage from "@/app/teacher/articles/[slug]/questions/new/page";
import AssignmentReportPage from "@/app/teacher/assignments/[id]/page";
import WorksheetPage from "@/app/teacher/assignments/[id]/worksheet/page";
import AnswerKeyPage from "@/app/teacher/assignments/[id]/answer-key/page";
import TeacherAttemptPage from "@/app/teacher/attempts/[id]/page";
import GradebookPage from "@/app/teacher/classes/[id]/gradebook/page";
import { GET as gradebookCsv } from "@/app/teacher/classes/[id]/gradebook.csv/route";
import { GET as responsesCsv } from "@/app/teacher/assignments/[id]/responses.csv/route";
import {
  addCustomQuestionAction,
  deleteCustomQuestionAction,
  resetQuestionAction,
  saveQuestionAction,
  setIncludedAction,
  updateArticleDetailsAction,
} from "@/app/teacher/articles/[slug]/actions";
import { addCustomQuestion, getReviewBank } from "@/lib/reviews/queries";
import { GET as health } from "@/app/api/health/route";
import { startAssignmentAction } from "@/app/assignments/actions";
import {
  autosaveAnswerAction,
  saveQuizAction,
  startAttemptAction,
  submitQuizAction,
  submitQuizAnywayAction,
} from "@/app/attempts/actions";
import { getAttemptQuestions } from "@/lib/attempts/views";
import { joinClassAction } from "@/app/join/actions";
import {
  closeAssignmentAction,
  createAssignmentAction,
  createClassAction,
  regenerateJoinCodeAction,
  removeStudentAction,
  unblockStudentAction,
} from "@/app/teacher/actions";
import { addArticleAction } from "@/app/teacher/articles/actions";
import {
  changePasswordAction,
  endSessionAction,
  setNewPasswordAction,
  signOutEverywhereAction,
  updateProfileAction,
} from "@/app/account/actions";
import { classBlocks, sessions } from "@/db/schema";
import { createSession } from "@/lib/users/sessions";
import { disguiseFor } from "@/lib/attempts/opaque-ids";
// Issue #12, managing classes, assignments and articles
import ClassSettingsPage from "@/app/teacher/classes/[id]/settings/page";
import DeleteClassPage from "@/app/teacher/classes/[id]/delete/page";
import EditAssignmentPage from "@/app/teacher/assignments/[id]/edit/page";
import DeleteAssignmentPage from "@/app/teacher/assignments/[id]/delete/page";
import StudentExtensionPage from "@/app/teacher/assignments/[id]/students/[studentId]/page";
import DeleteArticlePage from "@/app/teacher/articles/[slug]/delete/page";
import { archiveClassAction, deleteClassAction, renameClassAction } from "@/app/teacher/classes/actions";
import {
  archiveAssignmentAction,
  clearExtensionAction,
  deleteAssignmentAction,
  regradeQuestionAction,
  setExtensionAction,
  updateAssignmentSettingsAction,
} from "@/app/teacher/assignments/actions";
import { archiveArticleAction, deleteArticleAction } from "@/app/teacher/articles/[slug]/actions";
import { setExtension } from "@/lib/assignments/extensions";
import { assignmentExtensions, users } from "@/db/schema";
import NewPasswordPage from "@/app/account/new-password/page";
import ResetStudentPasswordPage from "@/app/teacher/classes/[id]/students/[studentId]/reset-password/page";
import { resetStudentPasswordAction } from "@/app/teacher/classes/actions";
// Issue #12, corrections and reports (i12-fix)
import RegradeQuestionPage from "@/app/teacher/assignments/[id]/questions/[number]/page";
import GrowthPage from "@/app/teacher/classes/[id]/growth/page";
import { GET as itemsCsv } from "@/app/teacher/assignments/[id]/items.csv/route";
import { overrideScoreAction } from "@/app/teacher/attempts/actions";
import { submitAttempt } from "@/lib/attempts/grading";
import { regradeQuestion } from "@/lib/gradebook/corrections";

const t = setupTestDatabase();
const people = {} as Record<Persona, Who>;
const ids = {} as {
  classA: string;
  joinCodeA: string;
  joinCodeC: string;
  classB: string;
  privateSlug: string;
  privateArticleId: string;
  shippedArticleId: string;
  shippedSlug: string;
  assignment: string;
  attempt: string;
  attemptQuestion: string;
  attemptOption: string;
  question: string;
  customQuestion: string;
  // Issue #12: a class to delete, a class with two assignments to archive and delete, an article to delete.
  classC: string;
  classD: string;
  assignmentE1: string;
  assignmentE2: string;
  deletableSlug: string;
  memberSession: string;
};

async function person(role: "student" | "teacher", name: string): Promise<Who> {
  const r = await createUser({
    db: t.db(),
    name,
    email: uniqueEmail(role),
    password: "password123",
    role,
    hashParams: FAST_HASH,
  });
  if (!r.ok) throw new Error("user");
  return { id: r.user.id, name, email: r.user.email, role };
}

beforeAll(async () => {
  await prepareContent({ database: t.database(), seedDemo: false });
  people.signedOut = null;
  people.owner = await person("teacher", "Owner Teacher");
  people.otherTeacher = await person("teacher", "Other Teacher");
  people.member = await person("student", "Member Student");
  people.outsider = await person("student", "Outside Student");
  const classA = await createClass({ db: t.db(), teacherId: people.owner!.id, name: "Class A" });
  const classB = await createClass({ db: t.db(), teacherId: people.otherTeacher!.id, name: "Class B" });
  await joinClass({ db: t.db(), studentId: people.member!.id, code: classA.joinCode });
  const classC = await createClass({ db: t.db(), teacherId: people.owner!.id, name: "Class C" });
  await joinClass({ db: t.db(), studentId: people.outsider!.id, code: classB.joinCode });
  const shipped = (await getArticleBySlug({
    db: t.db(),
    slug: "us-allies-weapons-ukraine-2022-10-12",
    viewerId: null,
  }))!;
  const own = await addTeacherArticle({
    db: t.db(),
    ownerId: people.owner!.id,
    title: "Council votes on the bridge",
    source: "",
    publishedOn: "",
    text: [
      `"We will open the new bridge in spring," Mayor Ana Ruiz said on Tuesday.`,
      `The city council approved the $40 million plan by seven votes to two, according to the clerk's office.`,
      `"It is the biggest project this city has seen in a generation," said council member Tom Hale, who voted in favour of the plan.`,
    ].join("\n\n"),
  });
  if (!own.ok) throw new Error("article");
  const made = await createAssignment({
    db: t.db(),
    teacherId: people.owner!.id,
    classId: classA.id,
    articleId: shipped.id,
    settings: {
      dueAt: new Date(Date.now() + 86_400_000),
      attemptsAllowed: 3,
      counting: "best",
      reveal: "after_submit",
      timeLimitMinutes: null,
      shuffle: true,
    },
  });
  if (!made.ok) throw new Error("assignment");
  const started = await startAssignmentAttempt({
    db: t.db(),
    studentId: people.member!.id,
    assignmentId: made.assignmentId,
  });
  if (!started.ok) throw new Error("attempt");
  const privateArticleId = (await getArticleBySlug({
    db: t.db(),
    slug: own.slug,
    viewerId: people.owner!.id,
  }))!.id;
  const bank = (await getReviewBank({
    db: t.db(),
    teacherId: people.owner!.id,
    articleId: privateArticleId,
  }))!;
  const custom = await addCustomQuestion({
    db: t.db(),
    teacherId: people.owner!.id,
    articleId: privateArticleId,
    type: "true-false",
    skill: "details",
    draft: {
      prompt: "The council approved the plan.",
      options: [{ id: "o-true", text: "", correct: true }],
    },
  });
  if (!custom.ok) throw new Error(`custom question: ${JSON.stringify(custom)}`);
  const memberAttempt = (await getAttemptQuestions({
    db: t.db(),
    userId: people.member!.id,
    attemptId: started.attemptId,
  }))!;
  // The browser's ids for the question and an option (lib/attempts/opaque-ids.ts).
  const choice = disguiseFor(memberAttempt, memberAttempt.questions).show(
    memberAttempt.questions.find((q) => q.answer.type === "single")!,
  );
  Object.assign(ids, {
    attemptQuestion: choice.id,
    attemptOption: choice.options[0]!.id,
    question: bank.entries[0]!.questionId,
    customQuestion: custom.questionId,
    classA: classA.id,
    joinCodeA: classA.joinCode,
    joinCodeC: classC.joinCode,
    classB: classB.id,
    privateSlug: own.slug,
    privateArticleId: (await getArticleBySlug({ db: t.db(), slug: own.slug, viewerId: people.owner!.id }))!
      .id,
    shippedArticleId: shipped.id,
    shippedSlug: shipped.slug,
    assignment: made.assignmentId,
    attempt: started.attemptId,
    classC: classC.id,
    memberSession: await createSession({
      db: t.db(),
      userId: people.member!.id,
      userAgent: "Mozilla/5.0 Chrome/140.0",
      clientAddress: "192.0.2.1",
    }),
  });
  // Issue #12: things the owner may delete or archive without touching the rows above.
  const classD = await createClass({ db: t.db(), teacherId: people.owner!.id, name: "Class D" });
  const classE = await createClass({ db: t.db(), teacherId: people.owner!.id, name: "Class E" });
  const assignE = async () => {
    const r = await createAssignment({
      db: t.db(),
      teacherId: people.owner!.id,
      classId: classE.id,
      articleId: shipped.id,
      settings: {
        dueAt: new Date(Date.now() + 86_400_000),
        attemptsAllowed: 1,
        counting: "best",
        reveal: "after_submit",
        timeLimitMinutes: null,
        shuffle: false,
      },
    });
    if (!r.ok) throw new Error("assignment E");
    return r.assignmentId;
  };
  const deletable = await addTeacherArticle({
    db: t.db(),
    ownerId: people.owner!.id,
    title: "An article to delete",
    source: "",
    publishedOn: "",
    text: ARTICLE_TEXT,
  });
  if (!deletable.ok) throw new Error("deletable article");
  Object.assign(ids, {
    classD: classD.id,
    assignmentE1: await assignE(),
    assignmentE2: await assignE(),
    deletableSlug: deletable.slug,
  });
});

const idle = { status: "idle" as const };
const ALL: Persona[] = ["signedOut", "member", "outsider", "otherTeacher", "owner"];
type Row = {
  name: string;
  run: () => Promise<unknown>;
  expected: Record<Persona, string>;
  /** Checked after every person but the rightful one: nothing they did may show in the data. */
  unchanged?: () => Promise<void>;
  /** Whose resource it is (runs last); the teacher who owns the class unless said. */
  actor?: Persona;
  /** Puts back what the rightful person changed, so the next rows start from the same data. */
  restore?: () => Promise<void>;
};

const anyUser = { signedOut: "sign-in", member: "ok", outsider: "ok", otherTeacher: "ok", owner: "ok" };
const teachersOnly = (owner: string, otherTeacher: string) => ({
  signedOut: "sign-in",
  member: "forbidden",
  outsider: "forbidden",
  otherTeacher,
  owner,
});
const studentsOnly = (member: string, outsider: string) => ({
  signedOut: "sign-in",
  member,
  outsider,
  otherTeacher: "forbidden",
  owner: "forbidden",
});

async function assignmentRow() {
  const [row] = await t.db().select().from(assignments).where(eq(assignments.id, ids.assignment));
  return row!;
}

const rows: Row[] = [
  // Pages
  {
    name: "page /",
    run: () => HomePage(),
    expected: { signedOut: "ok", member: "ok", outsider: "ok", otherTeacher: "ok", owner: "ok" },
  },
  { name: "page /account", run: () => AccountPage(), expected: anyUser },
  { name: "page /progress", run: () => ProgressPage(), expected: anyUser },
  { name: "page /join", run: () => JoinPage(page()), expected: studentsOnly("ok", "ok") },
  { name: "page /teacher", run: () => TeacherPage(), expected: teachersOnly("ok", "ok") },
  { name: "page /teacher/articles/new", run: () => NewArticlePage(), expected: teachersOnly("ok", "ok") },
  {
    name: "page /teacher/classes/[id]",
    run: () => ClassPage(page({ id: ids.classA })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "page /teacher/articles/[slug] (a teacher's own article)",
    run: () => QuestionBankPage(page({ slug: ids.privateSlug })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "page /articles/[slug] (a teacher's own article)",
    run: () => ArticlePage(page({ slug: ids.privateSlug })),
    expected: {
      signedOut: "not-found",
      member: "ok",
      outsider: "not-found",
      otherTeacher: "not-found",
      owner: "ok",
    },
  },
  {
    name: "page /assignments/[id]",
    run: () => StudentAssignmentPage(page({ id: ids.assignment })),
    expected: studentsOnly("ok", "not-found"),
  },
  {
    name: "page /attempts/[id] (the member's attempt)",
    run: () => AttemptPage(page({ id: ids.attempt })),
    expected: {
      signedOut: "sign-in",
      member: "ok",
      outsider: "not-found",
      otherTeacher: "not-found",
      owner: "not-found",
    },
  },
  {
    name: "page /teacher/classes/[id]/gradebook",
    run: () => GradebookPage(page({ id: ids.classA })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "page /teacher/assignments/[id]",
    run: () => AssignmentReportPage(page({ id: ids.assignment })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "page /teacher/assignments/[id]/worksheet",
    run: () => WorksheetPage(page({ id: ids.assignment })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "page /teacher/assignments/[id]/answer-key",
    run: () => AnswerKeyPage(page({ id: ids.assignment })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "page /teacher/attempts/[id] (the member's attempt)",
    run: () => TeacherAttemptPage(page({ id: ids.attempt })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "page /teacher/articles/[slug]/questions/[questionId]",
    run: () => EditQuestionPage(page({ slug: ids.privateSlug, questionId: ids.question })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "page /teacher/articles/[slug]/questions/new",
    run: () => NewQuestionPage(page({ slug: ids.privateSlug })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "GET /teacher/classes/[id]/gradebook.csv",
    run: () => gradebookCsv(new Request("http://test/x"), { params: Promise.resolve({ id: ids.classA }) }),
    expected: {
      signedOut: "http 401",
      member: "http 403",
      outsider: "http 403",
      otherTeacher: "http 404",
      owner: "http 200",
    },
  },
  {
    name: "GET /teacher/assignments/[id]/responses.csv",
    run: () =>
      responsesCsv(new Request("http://test/x"), { params: Promise.resolve({ id: ids.assignment }) }),
    expected: {
      signedOut: "http 401",
      member: "http 403",
      outsider: "http 403",
      otherTeacher: "http 404",
      owner: "http 200",
    },
  },
  {
    name: "action setIncluded (question review)",
    run: () =>
      setIncludedAction(form({ slug: ids.privateSlug, questionId: ids.question, included: "false" })),
    expected: teachersOnly("redirect /teacher/articles/{privateSlug}", "not-found"),
    unchanged: async () =>
      expect(
        await t
          .db()
          .select()
          .from(questionReviews)
          .where(
            and(
              eq(questionReviews.questionId, ids.question),
              eq(questionReviews.articleId, ids.privateArticleId),
            ),
          ),
      ).toEqual([]),
  },
  {
    name: "action resetQuestion (question review)",
    run: () => resetQuestionAction(form({ slug: ids.privateSlug, questionId: ids.question })),
    expected: teachersOnly("redirect /teacher/articles/{privateSlug}", "not-found"),
  },
  {
    name: "action saveQuestion (question review)",
    run: () =>
      saveQuestionAction(
        idle,
        form({
          slug: ids.privateSlug,
          questionId: ids.customQuestion,
          prompt: "Changed?",
          optionKey: "o-false",
          correct: "o-false",
        }),
      ),
    expected: teachersOnly("redirect /teacher/articles/{privateSlug}", "not-found"),
    unchanged: async () => {
      const [row] = await t
        .db()
        .select()
        .from(questionReviews)
        .where(
          and(
            eq(questionReviews.questionId, ids.customQuestion),
            eq(questionReviews.articleId, ids.privateArticleId),
          ),
        );
      expect(row!.question!.prompt).toBe("The council approved the plan.");
    },
    // Editing your own question gives it a new id (so earlier quizzes never share an id with it).
    restore: async () => {
      const rows = await t
        .db()
        .select()
        .from(questionReviews)
        .where(and(eq(questionReviews.custom, true), eq(questionReviews.articleId, ids.privateArticleId)));
      ids.customQuestion = rows.find((r) => r.question?.prompt === "Changed?")!.questionId;
    },
  },
  {
    name: "action addCustomQuestion (question review)",
    run: () =>
      addCustomQuestionAction(
        idle,
        form({
          slug: ids.privateSlug,
          type: "text",
          skill: "details",
          prompt: "Who is the mayor?",
          accepted: "Ana Ruiz",
        }),
      ),
    expected: teachersOnly("redirect /teacher/articles/{privateSlug}", "not-found"),
    unchanged: async () => {
      const rows = await t
        .db()
        .select()
        .from(questionReviews)
        .where(and(eq(questionReviews.custom, true), eq(questionReviews.articleId, ids.privateArticleId)));
      // Only the one question the owner wrote in setting up (renamed by the edit above).
      expect(rows).toHaveLength(1);
    },
  },
  {
    name: "action updateArticleDetails",
    run: () =>
      updateArticleDetailsAction(
        idle as never,
        form({ slug: ids.privateSlug, title: "Hacked title", source: "", publishedOn: "" }),
      ),
    expected: teachersOnly("redirect /teacher/articles/{privateSlug}", "not-found"),
    unchanged: async () => {
      const [row] = await t.db().select().from(articles).where(eq(articles.id, ids.privateArticleId));
      expect(row!.title).toBe("Council votes on the bridge");
    },
  },
  {
    name: "action deleteCustomQuestion (question review)",
    run: () => deleteCustomQuestionAction(form({ slug: ids.privateSlug, questionId: ids.customQuestion })),
    expected: teachersOnly("redirect /teacher/articles/{privateSlug}", "not-found"),
    unchanged: async () => {
      const rows = await t
        .db()
        .select()
        .from(questionReviews)
        .where(
          and(
            eq(questionReviews.questionId, ids.customQuestion),
            eq(questionReviews.articleId, ids.privateArticleId),
          ),
        );
      expect(rows).toHaveLength(1);
    },
  },
  // Route handlers
  {
    name: "GET /api/health",
    run: () => health(),
    expected: {
      signedOut: "http 200",
      member: "http 200",
      outsider: "http 200",
      otherTeacher: "http 200",
      owner: "http 200",
    },
  },
  // Actions
  {
    name: "action createClass",
    run: () => createClassAction(idle, form({ name: "New class" })),
    expected: teachersOnly("redirect /teacher/classes/:id", "redirect /teacher/classes/:id"),
  },
  {
    name: "action regenerateJoinCode",
    run: () => regenerateJoinCodeAction(form({ classId: ids.classA, confirm: "on" })),
    expected: teachersOnly("redirect /teacher/classes/:id", "not-found"),
    unchanged: async () => {
      const [row] = await t.db().select().from(classes).where(eq(classes.id, ids.classA));
      expect(row!.joinCode).toBe(ids.joinCodeA);
    },
    restore: async () => {
      const [row] = await t.db().select().from(classes).where(eq(classes.id, ids.classA));
      ids.joinCodeA = row!.joinCode;
    },
  },
  {
    name: "action removeStudent",
    run: () => removeStudentAction(form({ classId: ids.classA, studentId: people.member!.id })),
    expected: teachersOnly("redirect /teacher/classes/:id", "not-found"),
    unchanged: async () => {
      const rows = await t.db().select().from(classMembers).where(eq(classMembers.classId, ids.classA));
      expect(rows.map((r) => r.studentId)).toContain(people.member!.id);
    },
    restore: async () => {
      await joinClass({ db: t.db(), studentId: people.member!.id, code: ids.joinCodeA });
    },
  },
  {
    name: "action removeStudent, keeping them out",
    run: () => removeStudentAction(form({ classId: ids.classA, studentId: people.member!.id, block: "on" })),
    expected: teachersOnly("redirect /teacher/classes/:id", "not-found"),
    unchanged: async () => {
      expect(await t.db().select().from(classBlocks).where(eq(classBlocks.classId, ids.classA))).toEqual([]);
      const rows = await t.db().select().from(classMembers).where(eq(classMembers.classId, ids.classA));
      expect(rows.map((r) => r.studentId)).toContain(people.member!.id);
    },
  },
  {
    name: "action unblockStudent",
    run: () => unblockStudentAction(form({ classId: ids.classA, studentId: people.member!.id })),
    expected: teachersOnly("redirect /teacher/classes/:id", "not-found"),
    unchanged: async () =>
      expect(await t.db().select().from(classBlocks).where(eq(classBlocks.classId, ids.classA))).toHaveLength(
        1,
      ),
    restore: async () => {
      await joinClass({ db: t.db(), studentId: people.member!.id, code: ids.joinCodeA });
    },
  },
  {
    name: "action endSession (the member's session)",
    run: () => endSessionAction(form({ sessionId: ids.memberSession })),
    expected: {
      signedOut: "sign-in",
      member: "redirect /account",
      outsider: "not-found",
      otherTeacher: "not-found",
      owner: "not-found",
    },
    actor: "member",
    unchanged: async () =>
      expect(await t.db().select().from(sessions).where(eq(sessions.id, ids.memberSession))).toHaveLength(1),
  },
  {
    name: "action joinClass",
    run: () => joinClassAction(idle as never, form({ code: ids.joinCodeC })),
    expected: studentsOnly("ok", "ok"),
    restore: async () => {
      const [c] = await t.db().select().from(classes).where(eq(classes.joinCode, ids.joinCodeC));
      await t.db().delete(classMembers).where(eq(classMembers.classId, c!.id));
    },
  },
  {
    name: "action createAssignment",
    run: () =>
      createAssignmentAction(
        idle as never,
        form({
          classId: ids.classA,
          articleId: ids.shippedArticleId,
          due: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16),
          timeZone: "UTC",
          attemptsAllowed: "1",
          counting: "best",
          reveal: "after_submit",
          timeLimit: "",
          shuffle: "on",
        }),
      ),
    expected: teachersOnly("redirect /teacher/classes/:id", "error"),
    unchanged: async () => {
      const rows = await t.db().select().from(assignments).where(eq(assignments.classId, ids.classA));
      expect(rows).toHaveLength(1);
    },
  },
  {
    name: "action startAssignment",
    run: () => startAssignmentAction(form({ assignmentId: ids.assignment })),
    expected: studentsOnly("redirect /attempts/:id", "not-found"),
    actor: "member",
    unchanged: async () => {
      const rows = await t
        .db()
        .select()
        .from(quizAttempts)
        .where(eq(quizAttempts.assignmentId, ids.assignment));
      expect(rows).toHaveLength(1);
    },
  },
  {
    name: "action startAttempt (a teacher's own article)",
    run: () =>
      startAttemptAction(form({ articleId: ids.privateArticleId, slug: ids.privateSlug, mode: "take" })),
    expected: {
      signedOut: "sign-in",
      member: "redirect /attempts/:id",
      outsider: "not-found",
      otherTeacher: "not-found",
      owner: "redirect /attempts/:id",
    },
  },
  {
    name: "action autosaveAnswer (the member's attempt)",
    run: () =>
      autosaveAnswerAction(
        idle,
        form({
          attemptId: ids.attempt,
          questionId: ids.attemptQuestion,
          [`q_${ids.attemptQuestion}`]: ids.attemptOption,
        }),
      ),
    expected: {
      signedOut: "sign-in",
      member: "ok",
      outsider: "error",
      otherTeacher: "error",
      owner: "error",
    },
    actor: "member",
    unchanged: async () => {
      const rows = await t
        .db()
        .select()
        .from(attemptAnswers)
        .where(eq(attemptAnswers.attemptId, ids.attempt));
      expect(rows).toEqual([]);
    },
  },
  {
    name: "action saveQuiz (the member's attempt)",
    run: () => saveQuizAction(form({ attemptId: ids.attempt })),
    expected: {
      signedOut: "sign-in",
      member: "redirect /attempts/:id",
      outsider: "not-found",
      otherTeacher: "not-found",
      owner: "not-found",
    },
    actor: "member",
  },
  {
    name: "action submitQuiz with unanswered questions (the member's attempt)",
    run: () => submitQuizAction(form({ attemptId: ids.attempt })),
    expected: {
      signedOut: "sign-in",
      member: "redirect /attempts/:id",
      outsider: "not-found",
      otherTeacher: "not-found",
      owner: "not-found",
    },
    actor: "member",
    unchanged: async () => {
      const [row] = await t.db().select().from(quizAttempts).where(eq(quizAttempts.id, ids.attempt));
      expect(row!.status).toBe("in_progress");
    },
  },
  {
    name: "action submitQuizAnyway (the member's attempt)",
    run: () => submitQuizAnywayAction(form({ attemptId: ids.attempt })),
    expected: {
      signedOut: "sign-in",
      member: "redirect /attempts/:id",
      outsider: "not-found",
      otherTeacher: "not-found",
      owner: "not-found",
    },
    actor: "member",
    unchanged: async () => {
      const [row] = await t.db().select().from(quizAttempts).where(eq(quizAttempts.id, ids.attempt));
      expect(row!.status).toBe("in_progress");
    },
  },
  {
    name: "action closeAssignment",
    run: () => closeAssignmentAction(form({ assignmentId: ids.assignment })),
    expected: teachersOnly("redirect /teacher/assignments/:id", "not-found"),
    unchanged: async () => expect((await assignmentRow()).closedAt).toBeNull(),
  },
  {
    name: "action addArticle",
    run: () => addArticleAction(idle as never, form({ title: "", text: "" })),
    expected: teachersOnly("error", "error"),
  },
  {
    name: "action changePassword",
    run: () =>
      changePasswordAction(idle as never, form({ currentPassword: "wrong", newPassword: "", confirm: "" })),
    expected:
      anyUser.signedOut === "sign-in"
        ? { ...anyUser, member: "error", outsider: "error", otherTeacher: "error", owner: "error" }
        : anyUser,
  },
  // -------------------------------------------------------------------------
  // Issue #12: managing classes, assignments and articles after the fact
  {
    name: "page /teacher/classes/[id]/settings",
    run: () => ClassSettingsPage(page({ id: ids.classA })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "page /teacher/classes/[id]/delete",
    run: () => DeleteClassPage(page({ id: ids.classA })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "page /teacher/assignments/[id]/edit",
    run: () => EditAssignmentPage(page({ id: ids.assignment })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "page /teacher/assignments/[id]/students/[studentId]",
    run: () => StudentExtensionPage(page({ id: ids.assignment, studentId: people.member!.id })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "page /teacher/assignments/[id]/delete",
    run: () => DeleteAssignmentPage(page({ id: ids.assignment })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "page /teacher/articles/[slug]/delete (a teacher's own article)",
    run: () => DeleteArticlePage(page({ slug: ids.privateSlug })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "page /teacher/articles/[slug]/delete (a shipped article: nobody's to delete)",
    run: () => DeleteArticlePage(page({ slug: ids.shippedSlug })),
    expected: teachersOnly("not-found", "not-found"),
  },
  {
    name: "action renameClass",
    run: () => renameClassAction(idle, form({ classId: ids.classA, name: "Renamed", section: "P2" })),
    expected: teachersOnly("redirect /teacher/classes/:id", "not-found"),
    unchanged: async () => {
      const [row] = await t.db().select().from(classes).where(eq(classes.id, ids.classA));
      expect(row).toMatchObject({ name: "Class A", section: null });
    },
    restore: async () => {
      await t.db().update(classes).set({ name: "Class A", section: null }).where(eq(classes.id, ids.classA));
    },
  },
  {
    name: "action archiveClass",
    run: () => archiveClassAction(form({ classId: ids.classC, intent: "archive", confirm: "on" })),
    expected: teachersOnly("redirect /teacher/classes/:id", "not-found"),
    unchanged: async () => {
      const [row] = await t.db().select().from(classes).where(eq(classes.id, ids.classC));
      expect(row!.archivedAt).toBeNull();
    },
    restore: async () => {
      await t.db().update(classes).set({ archivedAt: null }).where(eq(classes.id, ids.classC));
    },
  },
  {
    name: "action archiveClass (restore)",
    run: () => archiveClassAction(form({ classId: ids.classC, intent: "restore" })),
    expected: teachersOnly("redirect /teacher/classes/:id", "not-found"),
  },
  {
    name: "action deleteClass (a class nobody worked in)",
    run: () => deleteClassAction(form({ classId: ids.classD })),
    expected: teachersOnly("redirect /teacher", "not-found"),
    unchanged: async () => {
      expect(await t.db().select().from(classes).where(eq(classes.id, ids.classD))).toHaveLength(1);
    },
  },
  {
    name: "action updateAssignmentSettings",
    run: () =>
      updateAssignmentSettingsAction(
        idle as never,
        form({
          assignmentId: ids.assignment,
          title: "Renamed",
          due: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16),
          timeZone: "UTC",
          attemptsAllowed: "5",
          timeLimit: "",
        }),
      ),
    expected: teachersOnly("redirect /teacher/assignments/:id", "not-found"),
    unchanged: async () => expect(await assignmentRow()).toMatchObject({ title: null, attemptsAllowed: 3 }),
    restore: async () => {
      await t
        .db()
        .update(assignments)
        .set({ title: null, attemptsAllowed: 3, dueAt: new Date(Date.now() + 86_400_000) })
        .where(eq(assignments.id, ids.assignment));
    },
  },
  {
    name: "action setExtension",
    run: () =>
      setExtensionAction(
        idle as never,
        form({
          assignmentId: ids.assignment,
          studentId: people.member!.id,
          due: "",
          timeZone: "UTC",
          timeMultiplier: "1.5",
          extraAttempts: "1",
        }),
      ),
    expected: teachersOnly("redirect /teacher/assignments/:id/edit", "not-found"),
    unchanged: async () =>
      expect(
        await t
          .db()
          .select()
          .from(assignmentExtensions)
          .where(eq(assignmentExtensions.assignmentId, ids.assignment)),
      ).toEqual([]),
  },
  {
    name: "action clearExtension",
    run: () => clearExtensionAction(form({ assignmentId: ids.assignment, studentId: people.member!.id })),
    expected: teachersOnly("redirect /teacher/assignments/:id/edit", "not-found"),
    unchanged: async () =>
      expect(
        await t
          .db()
          .select()
          .from(assignmentExtensions)
          .where(eq(assignmentExtensions.assignmentId, ids.assignment)),
      ).toHaveLength(1),
    restore: async () => {
      // The owner's clear went through; the next rows start from an exception in place again.
      await setExtension({
        db: t.db(),
        teacherId: people.owner!.id,
        assignmentId: ids.assignment,
        studentId: people.member!.id,
        extension: { dueAt: null, timeMultiplier: null, extraAttempts: 1 },
      });
    },
  },
  {
    name: "action archiveAssignment",
    run: () => archiveAssignmentAction(form({ assignmentId: ids.assignmentE1, intent: "archive" })),
    expected: teachersOnly("redirect /teacher/assignments/:id", "not-found"),
    unchanged: async () => {
      const [row] = await t.db().select().from(assignments).where(eq(assignments.id, ids.assignmentE1));
      expect(row).toMatchObject({ archivedAt: null, closedAt: null });
    },
  },
  {
    name: "action deleteAssignment (nobody started it)",
    run: () => deleteAssignmentAction(form({ assignmentId: ids.assignmentE2 })),
    expected: teachersOnly("redirect /teacher/classes/:id", "not-found"),
    unchanged: async () =>
      expect(
        await t.db().select().from(assignments).where(eq(assignments.id, ids.assignmentE2)),
      ).toHaveLength(1),
  },
  {
    name: "action archiveArticle",
    run: () => archiveArticleAction(form({ slug: ids.privateSlug, intent: "archive" })),
    expected: teachersOnly("redirect /teacher", "not-found"),
    unchanged: async () => {
      const [row] = await t.db().select().from(articles).where(eq(articles.id, ids.privateArticleId));
      expect(row!.archivedAt).toBeNull();
    },
    restore: async () => {
      await t.db().update(articles).set({ archivedAt: null }).where(eq(articles.id, ids.privateArticleId));
    },
  },
  {
    name: "action deleteArticle (nobody worked on it)",
    run: () => deleteArticleAction(form({ slug: ids.deletableSlug })),
    expected: teachersOnly("redirect /teacher", "not-found"),
    unchanged: async () =>
      expect(await t.db().select().from(articles).where(eq(articles.slug, ids.deletableSlug))).toHaveLength(
        1,
      ),
  },
  {
    name: "action deleteArticle (a shipped article)",
    run: () => deleteArticleAction(form({ slug: ids.shippedSlug, confirm: "on" })),
    expected: teachersOnly("not-found", "not-found"),
  },
  // Issue #12: accounts
  {
    name: "page /account/new-password (no reset pending)",
    run: () => NewPasswordPage(),
    expected: {
      signedOut: "sign-in",
      member: "redirect /account",
      outsider: "redirect /account",
      otherTeacher: "redirect /account",
      owner: "redirect /account",
    },
  },
  {
    name: "page /teacher/classes/[id]/students/[studentId]/reset-password",
    run: () => ResetStudentPasswordPage(page({ id: ids.classA, studentId: people.member!.id })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "action resetStudentPassword",
    run: () =>
      resetStudentPasswordAction(
        idle as never,
        form({ classId: ids.classA, studentId: people.member!.id, seenResetAt: "" }),
      ),
    expected: teachersOnly("ok", "not-found"),
    unchanged: async () => {
      const [row] = await t.db().select().from(users).where(eq(users.id, people.member!.id));
      expect(row).toMatchObject({ mustChangePassword: false, passwordResetAt: null });
    },
    restore: async () => {
      await t
        .db()
        .update(users)
        .set({ mustChangePassword: false, passwordResetAt: null, passwordResetBy: null })
        .where(eq(users.id, people.member!.id));
    },
  },
  {
    name: "action setNewPassword (no reset pending)",
    run: () =>
      setNewPasswordAction(
        idle as never,
        form({ newPassword: "a brand new password", confirmPassword: "a brand new password" }),
      ),
    expected: {
      signedOut: "sign-in",
      member: "redirect /account",
      outsider: "redirect /account",
      otherTeacher: "redirect /account",
      owner: "redirect /account",
    },
  },
  {
    name: "action updateProfile (a new email without the password)",
    run: () => updateProfileAction(idle as never, form({ name: "Hacked", email: "hacked@example.test" })),
    expected: {
      signedOut: "sign-in",
      member: "error",
      outsider: "error",
      otherTeacher: "error",
      owner: "error",
    },
    unchanged: async () => {
      const rows = await t.db().select().from(users).where(eq(users.email, "hacked@example.test"));
      expect(rows).toEqual([]);
    },
  },
  // Issue #12 (i12-polish): the article page read from an assignment. Everyone may read the shipped
  // article; only the member is led back to the assignment ("http 200"), everyone else gets the plain
  // page ("http 204"), which names neither the assignment nor its class.
  {
    name: "page /articles/[slug]?assignment= (the member's assignment)",
    run: async () => {
      const html = renderToStaticMarkup(
        await ArticlePage(page({ slug: ids.shippedSlug }, { assignment: ids.assignment })),
      );
      return new Response(null, { status: /Back to the assignment|Class A/.test(html) ? 200 : 204 });
    },
    expected: {
      signedOut: "http 204",
      member: "http 200",
      outsider: "http 204",
      otherTeacher: "http 204",
      owner: "http 204",
    },
  },
];

// ---------------------------------------------------------------------------
// Issue #12, corrections and reports (branch i12-fix): regrade, override, the
// regrade page, the item-analysis CSV and the growth page. A class D of the
// owner's, with the member in it, an assignment of the owner's own article and
// the member's submitted attempt.
const corrections = {} as { classD: string; assignment: string; attempt: string };
beforeAll(async () => {
  const classD = await createClass({ db: t.db(), teacherId: people.owner!.id, name: "Class D" });
  await joinClass({ db: t.db(), studentId: people.member!.id, code: classD.joinCode });
  const made = await createAssignment({
    db: t.db(),
    teacherId: people.owner!.id,
    classId: classD.id,
    articleId: ids.privateArticleId,
    settings: {
      dueAt: new Date(Date.now() + 86_400_000),
      attemptsAllowed: 1,
      counting: "best",
      reveal: "after_last_attempt",
      timeLimitMinutes: null,
      shuffle: false,
    },
  });
  if (!made.ok) throw new Error(`corrections assignment: ${made.reason}`);
  const started = await startAssignmentAttempt({
    db: t.db(),
    studentId: people.member!.id,
    assignmentId: made.assignmentId,
  });
  if (!started.ok) throw new Error("corrections attempt");
  await submitAttempt({ db: t.db(), userId: people.member!.id, attemptId: started.attemptId });
  Object.assign(corrections, {
    classD: classD.id,
    assignment: made.assignmentId,
    attempt: started.attemptId,
  });
});

const correctionScores = async () =>
  (
    await t
      .db()
      .select({ score: quizAttempts.score, maxScore: quizAttempts.maxScore })
      .from(quizAttempts)
      .where(eq(quizAttempts.id, corrections.attempt))
  )[0];

rows.push(
  {
    name: "page /teacher/assignments/[id]/questions/[number] (regrade)",
    run: () => RegradeQuestionPage(page({ id: corrections.assignment, number: "1" })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "page /teacher/classes/[id]/growth",
    run: () => GrowthPage(page({ id: corrections.classD })),
    expected: teachersOnly("ok", "not-found"),
  },
  {
    name: "GET /teacher/assignments/[id]/items.csv",
    run: () =>
      itemsCsv(new Request("http://test/x"), { params: Promise.resolve({ id: corrections.assignment }) }),
    expected: {
      signedOut: "http 401",
      member: "http 403",
      outsider: "http 403",
      otherTeacher: "http 404",
      owner: "http 200",
    },
  },
  {
    name: "action regradeQuestion (drop question 1)",
    run: () =>
      regradeQuestionAction(
        idle,
        form({ assignmentId: corrections.assignment, question: "1", kind: "drop" }),
      ),
    expected: teachersOnly("redirect /teacher/assignments/:id", "not-found"),
    unchanged: async () => {
      const regrades = await t
        .db()
        .select()
        .from(questionRegrades)
        .where(eq(questionRegrades.assignmentId, corrections.assignment));
      expect(regrades).toEqual([]);
    },
    restore: async () => {
      const before = await correctionScores();
      await regradeQuestion({
        db: t.db(),
        teacherId: people.owner!.id,
        assignmentId: corrections.assignment,
        questionNumber: 1,
        change: { kind: "original" },
      });
      await t.db().delete(questionRegrades).where(eq(questionRegrades.assignmentId, corrections.assignment));
      expect((await correctionScores())!.maxScore).toBe(before!.maxScore + 1);
    },
  },
  {
    name: "action overrideScore (the member's submitted attempt)",
    run: () =>
      overrideScoreAction(
        idle,
        form({ attemptId: corrections.attempt, question: "1", score: "1", comment: "Fair enough." }),
      ),
    expected: teachersOnly("redirect /teacher/attempts/:id", "not-found"),
    unchanged: async () => {
      const overrides = await t
        .db()
        .select()
        .from(scoreOverrides)
        .where(eq(scoreOverrides.attemptId, corrections.attempt));
      expect(overrides).toEqual([]);
      expect((await correctionScores())!.score).toBe(0);
    },
    restore: async () => {
      await t.db().delete(scoreOverrides).where(eq(scoreOverrides.attemptId, corrections.attempt));
      await t.db().update(quizAttempts).set({ score: 0 }).where(eq(quizAttempts.id, corrections.attempt));
      await t
        .db()
        .update(attemptAnswers)
        .set({ score: 0, correct: false })
        .where(eq(attemptAnswers.attemptId, corrections.attempt));
    },
  },
);
// --- end of issue #12 (i12-fix) ---------------------------------------------

/** Ids in expectations are written as {name}; this fills them in. */
const fill = (s: string) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => (ids as Record<string, string>)[k] ?? k);

describe("authorization matrix", () => {
  it.each(rows.map((r) => [r.name, r] as const))("%s", async (_name, row) => {
    const got: Record<string, string> = {};
    const actor = row.actor ?? "owner";
    for (const who of [...ALL.filter((w) => w !== actor), actor]) {
      session.user = people[who];
      got[who] = await outcome(row.run);
      if (who !== actor) await row.unchanged?.();
    }
    await row.restore?.();
    session.user = null;
    const want = Object.fromEntries(ALL.map((w) => [w, fill(row.expected[w])]));
    // A redirect to an attempt page matches any attempt id the owner's action made.
    for (const w of ALL)
      if (want[w] === "redirect /attempts" && got[w]?.startsWith("redirect /attempts/")) got[w] = want[w]!;
    const ordered = Object.fromEntries(ALL.map((w) => [w, got[w]]));
    expect(JSON.stringify(ordered, null, 1)).toBe(JSON.stringify(want, null, 1));
  });

  it("signs out everywhere only the person asking", async () => {
    session.user = null;
    expect(await outcome(() => signOutEverywhereAction(new FormData()))).toBe("sign-in");
  });
});
