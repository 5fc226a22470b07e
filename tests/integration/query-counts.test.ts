/**
 * No page grows its query count with the number of rows: each page is
 * rendered for a small world and for a large one (many classes, students,
 * assignments and attempts) and must make the same number of queries.
 * Pages run for real; only the session lookup and Next's navigation
 * functions are replaced, as in the authorization matrix.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { classMembers } from "@/db/schema";
import { getArticleBySlug } from "@/lib/articles/queries";
import { createAssignment, startAssignmentAttempt } from "@/lib/assignments/queries";
import type { AssignmentSettings } from "@/lib/assignments/form";
import { submitAttempt } from "@/lib/attempts/grading";
import { startAttempt } from "@/lib/attempts/start";
import { createClass, joinClass } from "@/lib/classes/queries";
import { prepareContent } from "@/lib/startup";
import { createUser } from "@/lib/users/accounts";
import { countQueries } from "../support/query-count";
import { page as props, session, type Who as Person } from "../support/app-harness";
import { FAST_HASH, setupTestDatabase, uniqueEmail } from "../support/db";

import ArticlePage from "@/app/articles/[slug]/page";
import StudentAssignmentPage from "@/app/assignments/[id]/page";
import AttemptPage from "@/app/attempts/[id]/page";
import JoinPage from "@/app/join/page";
import ProgressPage from "@/app/progress/page";
import TeacherPage from "@/app/teacher/page";
import AssignmentReportPage from "@/app/teacher/assignments/[id]/page";
import ClassPage from "@/app/teacher/classes/[id]/page";
import GradebookPage from "@/app/teacher/classes/[id]/gradebook/page";

const t = setupTestDatabase();
const SLUG = "us-allies-weapons-ukraine-2022-10-12";
let articleId: string;

const settings: AssignmentSettings = {
  dueAt: new Date(Date.now() + 86_400_000),
  attemptsAllowed: 3,
  counting: "best",
  reveal: "after_submit",
  timeLimitMinutes: null,
  shuffle: true,
};

type Who = NonNullable<Person>;

async function person(role: "student" | "teacher"): Promise<Who> {
  const name = `${role} ${Math.random().toString(36).slice(2, 7)}`;
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

type World = {
  teacher: Who;
  student: Who;
  classId: string;
  assignmentId: string;
  attemptId: string;
};

/** A teacher with `classes` classes of `students` students, `assignments` assignments each, all attempted. */
async function world(size: { classes: number; students: number; assignments: number }): Promise<World> {
  const teacher = await person("teacher");
  const student = await person("student");
  let first: Omit<World, "teacher" | "student"> | undefined;
  for (let c = 0; c < size.classes; c++) {
    const klass = await createClass({ db: t.db(), teacherId: teacher.id, name: `Class ${c}` });
    await joinClass({ db: t.db(), studentId: student.id, code: klass.joinCode });
    const others = await Promise.all(Array.from({ length: size.students - 1 }, () => person("student")));
    if (others.length > 0)
      await t
        .db()
        .insert(classMembers)
        .values(others.map((o) => ({ classId: klass.id, studentId: o.id })));
    for (let a = 0; a < size.assignments; a++) {
      const made = await createAssignment({
        db: t.db(),
        teacherId: teacher.id,
        classId: klass.id,
        articleId,
        settings,
      });
      if (!made.ok) throw new Error(made.reason);
      for (const s of [student, ...others]) {
        const r = await startAssignmentAttempt({
          db: t.db(),
          studentId: s.id,
          assignmentId: made.assignmentId,
        });
        if (!r.ok) throw new Error(r.reason);
        await submitAttempt({ db: t.db(), userId: s.id, attemptId: r.attemptId });
        first ??= { classId: klass.id, assignmentId: made.assignmentId, attemptId: r.attemptId };
      }
    }
  }
  // Studying alone too, so /progress and the article page have history.
  for (let i = 0; i < size.assignments; i++) {
    const r = await startAttempt({ db: t.db(), userId: student.id, articleId, mode: "fresh" });
    if ("attemptId" in r) await submitAttempt({ db: t.db(), userId: student.id, attemptId: r.attemptId });
  }
  return { teacher, student, ...first! };
}

async function queriesFor(who: Who, render: () => Promise<unknown>): Promise<number> {
  session.user = who;
  try {
    return (await countQueries(t.db(), render)).queries;
  } finally {
    session.user = null;
  }
}

const PAGES: { name: string; as: "teacher" | "student"; render: (w: World) => Promise<unknown> }[] = [
  { name: "/teacher", as: "teacher", render: () => TeacherPage() },
  { name: "/teacher/classes/[id]", as: "teacher", render: (w) => ClassPage(props({ id: w.classId })) },
  {
    name: "/teacher/classes/[id]/gradebook",
    as: "teacher",
    render: (w) => GradebookPage(props({ id: w.classId })),
  },
  {
    name: "/teacher/assignments/[id]",
    as: "teacher",
    render: (w) => AssignmentReportPage(props({ id: w.assignmentId })),
  },
  { name: "/join", as: "student", render: () => JoinPage(props({})) },
  {
    name: "/assignments/[id]",
    as: "student",
    render: (w) => StudentAssignmentPage(props({ id: w.assignmentId })),
  },
  { name: "/attempts/[id]", as: "student", render: (w) => AttemptPage(props({ id: w.attemptId })) },
  { name: "/progress", as: "student", render: () => ProgressPage() },
  { name: "/articles/[slug]", as: "student", render: () => ArticlePage(props({ slug: SLUG })) },
];

let small: World;
let large: World;

beforeAll(async () => {
  await prepareContent({ database: t.database(), seedDemo: false });
  articleId = (await getArticleBySlug({ db: t.db(), slug: SLUG, viewerId: null }))!.id;
  small = await world({ classes: 1, students: 1, assignments: 1 });
  large = await world({ classes: 4, students: 30, assignments: 5 });
}, 300_000);

describe("queries per page", () => {
  it.each(PAGES.map((p) => [p.name, p] as const))(
    "%s makes as many queries for a large world as a small one",
    async (_n, page) => {
      const few = await queriesFor(small[page.as], () => page.render(small));
      const many = await queriesFor(large[page.as], () => page.render(large));
      console.log(`[queries] ${page.name}: ${few} (1 class, 1 student, 1 assignment) vs ${many} (4×30×5)`);
      expect(many).toBe(few);
      expect(few).toBeLessThanOrEqual(12);
    },
  );
});
