/**
 * Issue #12 (the polish and the first run): the demo class, /progress with
 * assigned work apart from practice, the article page leading back to the
 * assignment or the results it was opened from, PDF uploads, and the pages
 * that say it, rendered for real.
 */
import { parseHTML } from "linkedom";
import { and, eq, sql } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReactElement } from "react";

import ArticlePage from "@/app/articles/[slug]/page";
import StudentAssignmentPage from "@/app/assignments/[id]/page";
import ProgressPage from "@/app/progress/page";
import TeacherPage from "@/app/teacher/page";
import TeacherAttemptPage from "@/app/teacher/attempts/[id]/page";
import { addArticleAction } from "@/app/teacher/articles/actions";
import { classes, classMembers, quizAttempts, users } from "@/db/schema";
import { getArticleBySlug } from "@/lib/articles/queries";
import { createAssignment, startAssignmentAttempt } from "@/lib/assignments/queries";
import { assignmentForReading } from "@/lib/assignments/reading";
import { gradedLock } from "@/lib/attempts/graded-lock";
import { submitAttempt } from "@/lib/attempts/grading";
import { startAttempt } from "@/lib/attempts/start";
import { createClass, joinClass } from "@/lib/classes/queries";
import { DEMO_ACCOUNTS, DEMO_CLASS_ID, seedDemoClass } from "@/lib/demo";
import { getAssignmentReport } from "@/lib/gradebook/assignment-report";
import { getGradebook } from "@/lib/gradebook/class-gradebook";
import { progressByArticle, scoreHistory } from "@/lib/progress/queries";
import { prepareContent } from "@/lib/startup";
import { createUser } from "@/lib/users/accounts";
import { outcome, page, session, type Who } from "../support/app-harness";
import { FAST_HASH, setupTestDatabase, uniqueEmail } from "../support/db";

const t = setupTestDatabase();
const SLUG = "us-allies-weapons-ukraine-2022-10-12";
let articleId: string;

beforeAll(async () => {
  await prepareContent({ database: t.database(), seedDemo: false });
  articleId = (await getArticleBySlug({ db: t.db(), slug: SLUG, viewerId: null }))!.id;
});

async function person(
  role: "student" | "teacher",
  name = `${role} ${Math.random().toString(36).slice(2, 6)}`,
) {
  const r = await createUser({
    db: t.db(),
    name,
    email: uniqueEmail(role),
    password: "password123",
    role,
    hashParams: FAST_HASH,
  });
  if (!r.ok) throw new Error("user");
  return { id: r.user.id, name, email: r.user.email, role } satisfies NonNullable<Who>;
}

/** A teacher, a class with one student, and an assignment on the shipped article (answers on submitting). */
async function assignedStudent(over: { timeLimitMinutes?: number | null } = {}) {
  const teacher = await person("teacher");
  const student = await person("student", "Maya Lind");
  const klass = await createClass({ db: t.db(), teacherId: teacher.id, name: "Period 4 civics" });
  await joinClass({ db: t.db(), studentId: student.id, code: klass.joinCode });
  const made = await createAssignment({
    db: t.db(),
    teacherId: teacher.id,
    classId: klass.id,
    articleId,
    settings: {
      dueAt: new Date(Date.now() + 86_400_000),
      attemptsAllowed: 1,
      counting: "best",
      reveal: "after_submit",
      timeLimitMinutes: over.timeLimitMinutes ?? null,
      shuffle: false,
    },
  });
  if (!made.ok) throw new Error(made.reason);
  return { teacher, student, klass, assignmentId: made.assignmentId };
}

/** What a page shows, as the browser gets it. */
async function render(run: () => Promise<ReactElement>, who: Who) {
  session.user = who;
  try {
    return parseHTML(`<!doctype html><html><body>${renderToStaticMarkup(await run())}</body></html>`)
      .document;
  } finally {
    session.user = null;
  }
}
const links = (doc: Document) =>
  [...doc.querySelectorAll("a")].map((a) => ({ text: a.textContent?.trim(), href: a.getAttribute("href") }));
const buttons = (doc: Document) => [...doc.querySelectorAll("button")].map((b) => b.textContent?.trim());

describe("the demo class", () => {
  const demoIds = async () => {
    const rows = await t
      .db()
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(
        sql`lower(${users.email}) in (${sql.join(
          DEMO_ACCOUNTS.map((a) => a.email),
          sql`, `,
        )})`,
      );
    const of = (email: string) => rows.find((r) => r.email === email)?.id;
    return { teacher: of(DEMO_ACCOUNTS[0]!.email), student: of(DEMO_ACCOUNTS[1]!.email) };
  };
  const attemptCount = async () =>
    (
      await t
        .db()
        .select({ n: sql<number>`count(*)::int` })
        .from(quizAttempts)
        .innerJoin(classMembers, eq(classMembers.studentId, quizAttempts.userId))
        .where(eq(classMembers.classId, DEMO_CLASS_ID))
    )[0]!.n;

  it("is not made without SEED_DEMO (nor development)", async () => {
    expect(await t.db().select().from(classes).where(eq(classes.id, DEMO_CLASS_ID))).toEqual([]);
  });

  it("gives the demo teacher a class with the demo student, an assignment and submitted work", async () => {
    await prepareContent({ database: t.database(), seedDemo: true });
    const demo = await demoIds();
    const gradebook = (await getGradebook({ db: t.db(), teacherId: demo.teacher!, classId: DEMO_CLASS_ID }))!;
    expect(gradebook.rows.map((r) => r.studentId)).toContain(demo.student);
    expect(gradebook.rows).toHaveLength(6);
    expect(gradebook.assignments).toHaveLength(1);
    const statuses = gradebook.rows.map((r) => r.cells[0]!.status);
    expect(statuses.filter((s) => s === "submitted")).toHaveLength(4);
    expect(statuses.filter((s) => s === "late")).toHaveLength(1);
    expect(statuses.filter((s) => s === "missing")).toHaveLength(1);
    expect(gradebook.average).not.toBeNull();

    const report = (await getAssignmentReport({
      db: t.db(),
      teacherId: demo.teacher!,
      assignmentId: gradebook.assignments[0]!.id,
    }))!;
    expect(report.counts).toMatchObject({ students: 6, submitted: 5, late: 1, missing: 1 });
    expect(report.items.every((i) => i.attempts === 5)).toBe(true);
    // The demo student sees their own result: the demo assignment shows answers on submitting.
    const mine = report.students.find((s) => s.studentId === demo.student)!;
    // Exactly 70% of the questions right (rounded to whole questions), whatever the quiz's length.
    const n = mine.counting!.maxScore;
    expect(mine.counting!.score).toBe(Math.round(0.7 * n));
    // Submitted, answers shown: the graded lock does not close the demo student's practice on the article.
    expect(await gradedLock({ db: t.db(), userId: demo.student!, articleId })).toBeUndefined();
  });

  it("is seeded once: another start, or another call, adds nothing", async () => {
    const before = await attemptCount();
    const members = await t.db().select().from(classMembers).where(eq(classMembers.classId, DEMO_CLASS_ID));
    expect(await seedDemoClass({ db: t.db(), articleSlug: SLUG })).toEqual({ seeded: false });
    await prepareContent({ database: t.database(), seedDemo: true });
    expect(await attemptCount()).toBe(before);
    expect(
      await t.db().select().from(classMembers).where(eq(classMembers.classId, DEMO_CLASS_ID)),
    ).toHaveLength(members.length);
    expect(
      await t.db().select().from(classes).where(eq(classes.name, "Demo class: Year 10 current affairs")),
    ).toHaveLength(1);
  });

  it("shows the demo teacher the class on the desk, with no first-steps box", async () => {
    const demo = await demoIds();
    const doc = await render(() => TeacherPage(), {
      id: demo.teacher!,
      name: "Demo Teacher",
      email: DEMO_ACCOUNTS[0]!.email,
      role: "teacher",
    });
    expect(links(doc).map((l) => l.href)).toContain(`/teacher/classes/${DEMO_CLASS_ID}`);
    expect(doc.body.textContent).not.toContain("Start here");
  });
});

describe("a new teacher's desk", () => {
  it("says what to do first while there is no class, and stops once there is one", async () => {
    const teacher = await person("teacher");
    const first = await render(() => TeacherPage(), teacher);
    const steps = first.querySelector("[aria-labelledby=first-steps-heading] ol");
    expect(steps?.textContent).toMatch(/Create a class.*Share its join code.*Assign a quiz/s);
    await createClass({ db: t.db(), teacherId: teacher.id, name: "Period 1" });
    const after = await render(() => TeacherPage(), teacher);
    expect(after.querySelector("[aria-labelledby=first-steps-heading]")).toBeNull();
  });
});

describe("/progress keeps assigned work apart from practice", () => {
  it("lists the assignment once, with its counting score, and keeps it out of the practice history", async () => {
    const { student, assignmentId } = await assignedStudent();
    const started = await startAssignmentAttempt({ db: t.db(), studentId: student.id, assignmentId });
    if (!started.ok) throw new Error(started.reason);
    await submitAttempt({ db: t.db(), userId: student.id, attemptId: started.attemptId });
    const practice = await startAttempt({ db: t.db(), userId: student.id, articleId, mode: "take" });
    if (!practice.ok) throw new Error(practice.reason);
    await submitAttempt({ db: t.db(), userId: student.id, attemptId: practice.attemptId });

    expect(
      (await scoreHistory({ db: t.db(), userId: student.id, source: "practice" })).map((h) => h.attemptId),
    ).toEqual([practice.attemptId]);
    expect(
      (await scoreHistory({ db: t.db(), userId: student.id, source: "assignment" })).map((h) => h.attemptId),
    ).toEqual([started.attemptId]);
    expect(await scoreHistory({ db: t.db(), userId: student.id })).toHaveLength(2);
    expect(await progressByArticle({ db: t.db(), userId: student.id, source: "practice" })).toMatchObject([
      { attempts: 1 },
    ]);

    const doc = await render(() => ProgressPage(), student);
    const assigned = doc.querySelector("[aria-labelledby=assigned-heading]")!;
    const practiceSection = doc.querySelector("[aria-labelledby=practice-heading]")!;
    expect(links(assigned as unknown as Document).map((l) => l.href)).toEqual([
      `/assignments/${assignmentId}`,
    ]);
    expect(assigned.textContent).toContain("Period 4 civics");
    expect(assigned.textContent).toMatch(/0 \/ 10 \(0%\)/);
    const practiceLinks = links(practiceSection as unknown as Document).map((l) => l.href);
    expect(practiceLinks).toContain(`/attempts/${practice.attemptId}`);
    expect(practiceLinks).not.toContain(`/attempts/${started.attemptId}`);
  });
});

describe("the student's assignment page", () => {
  it("says 'One' attempt without which one counts, and '1 minute' for a one-minute limit", async () => {
    const { student, assignmentId } = await assignedStudent({ timeLimitMinutes: 1 });
    const doc = await render(() => StudentAssignmentPage(page({ id: assignmentId })), student);
    const terms = [...doc.querySelectorAll("dt")].map((d) => d.textContent);
    const value = (term: string) => [...doc.querySelectorAll("dd")][terms.indexOf(term)]?.textContent;
    expect(value("Attempts")).toBe("One");
    expect(doc.body.textContent).not.toContain("attempt counts");
    expect(value("Time limit")).toBe(
      "1 minute from when you start; at the limit your saved answers are graded",
    );
    // Once the only attempt is in, the instructions for starting one are gone.
    const started = await startAssignmentAttempt({ db: t.db(), studentId: student.id, assignmentId });
    if (!started.ok) throw new Error(started.reason);
    await submitAttempt({ db: t.db(), userId: student.id, attemptId: started.attemptId });
    const after = await render(() => StudentAssignmentPage(page({ id: assignmentId })), student);
    const afterTerms = [...after.querySelectorAll("dt")].map((d) => d.textContent);
    const afterValue = (term: string) =>
      [...after.querySelectorAll("dd")][afterTerms.indexOf(term)]?.textContent;
    expect(afterValue("Attempts")).toBe("One, used");
    expect(afterValue("Time limit")).toBe("1 minute");
  });
});

describe("the article page, read from an assignment", () => {
  it("leads a student of the class back to the assignment instead of offering practice", async () => {
    const { student, assignmentId } = await assignedStudent();
    const assignmentPage = await render(() => StudentAssignmentPage(page({ id: assignmentId })), student);
    const read = links(assignmentPage).find((l) => l.text === "Read the article")!;
    expect(read.href).toBe(`/articles/${SLUG}?assignment=${assignmentId}`);

    const doc = await render(() => ArticlePage(page({ slug: SLUG }, { assignment: assignmentId })), student);
    const back = links(doc).filter((l) => l.href === `/assignments/${assignmentId}`);
    expect(back.map((l) => l.text)).toEqual(["← Back to the assignment", "Back to the assignment"]);
    expect(doc.body.textContent).toContain("for an assignment in Period 4 civics");
    expect(buttons(doc)).not.toContain("Take the quiz");
  });

  it("ignores an assignment id that is not the reader's, or not on this article", async () => {
    const { assignmentId } = await assignedStudent();
    const outsider = await person("student");
    expect(
      await assignmentForReading({ db: t.db(), studentId: outsider.id, assignmentId, articleId }),
    ).toBeUndefined();
    const doc = await render(() => ArticlePage(page({ slug: SLUG }, { assignment: assignmentId })), outsider);
    expect(doc.body.textContent).not.toContain("Period 4 civics");
    expect(buttons(doc)).toContain("Take the quiz");
    for (const hostile of ["not-a-uuid", "00000000-0000-4000-8000-000000000000", ""]) {
      expect(await outcome(() => ArticlePage(page({ slug: SLUG }, { assignment: hostile })))).toBe("ok");
    }
  });

  it("is found for the student only on the assignment's own article", async () => {
    const { student, assignmentId } = await assignedStudent();
    expect(
      await assignmentForReading({ db: t.db(), studentId: student.id, assignmentId, articleId }),
    ).toEqual({
      assignmentId,
      className: "Period 4 civics",
    });
    expect(
      await assignmentForReading({
        db: t.db(),
        studentId: student.id,
        assignmentId,
        articleId: "00000000-0000-4000-8000-000000000000",
      }),
    ).toBeUndefined();
  });
});

describe("the article page, opened from results", () => {
  it("links back to the results at the question the reader came from", async () => {
    const student = await person("student");
    const attemptId = "5eed0000-0000-4000-8000-0000000000aa";
    const doc = await render(
      () => ArticlePage(page({ slug: SLUG }, { highlight: "10-40", from: attemptId, q: "3" })),
      student,
    );
    const back = links(doc).filter((l) => l.text?.includes("Back to your results"));
    expect(back.map((l) => l.href)).toEqual([
      `/attempts/${attemptId}#result-3`,
      `/attempts/${attemptId}#result-3`,
    ]);
    // The sticky line that holds one of them stays in view while the page is scrolled to the passage.
    expect(doc.querySelector("[role=status]")?.className).toContain("sticky");
    const crafted = await render(
      () => ArticlePage(page({ slug: SLUG }, { highlight: "10-40", from: "//evil.example", q: "x" })),
      student,
    );
    expect(links(crafted).filter((l) => l.text?.includes("Back to your results"))).toEqual([]);
  });
});

describe("PDF uploads", () => {
  const upload = (file: File) => {
    const f = new FormData();
    for (const [k, v] of Object.entries({ title: "Budget", source: "", publishedOn: "", text: "" }))
      f.set(k, v);
    f.set("file", file);
    return addArticleAction({ status: "idle" }, f);
  };

  it("are answered with how to copy and paste the text, by name and by content", async () => {
    const teacher = await person("teacher");
    session.user = teacher;
    try {
      const pdfBytes = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF");
      for (const file of [
        new File([pdfBytes], "article.pdf", { type: "application/pdf" }),
        new File([pdfBytes], "renamed.txt", { type: "text/plain" }),
      ]) {
        const result = await upload(file);
        expect(result).toMatchObject({ status: "error", reason: "pdf" });
        expect(result.fieldErrors?.text?.[0]).toMatch(/copy it and paste it into the Article text box/);
      }
    } finally {
      session.user = null;
    }
  });
});

describe("the teacher's view of a timed attempt", () => {
  it("says how much of the limit an early submission used, not that the limit ended", async () => {
    const { teacher, student, assignmentId } = await assignedStudent({ timeLimitMinutes: 15 });
    const start = new Date(Date.now() - 20 * 60_000);
    const started = await startAssignmentAttempt({
      db: t.db(),
      studentId: student.id,
      assignmentId,
      now: start,
    });
    if (!started.ok) throw new Error(started.reason);
    await submitAttempt({
      db: t.db(),
      userId: student.id,
      attemptId: started.attemptId,
      now: new Date(start.getTime() + 4 * 60_000),
    });
    const doc = await render(
      () =>
        TeacherAttemptPage({
          params: Promise.resolve({ id: started.attemptId }),
          searchParams: Promise.resolve({}),
        }),
      teacher,
    );
    const terms = [...doc.querySelectorAll("dt")].map((d) => d.textContent);
    const line = [...doc.querySelectorAll("dd")][terms.indexOf("Time limit")]?.textContent;
    expect(line).toBe("15 minutes; 4 minutes used");
    expect(doc.body.textContent).not.toContain("Time limit ended");
    const [row] = await t
      .db()
      .select({ endedBy: quizAttempts.endedBy })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.id, started.attemptId)));
    expect(row?.endedBy).toBe("student");
  });
});
