/**
 * Fuzzing (issue #6) of the teacher's class and assignment actions, and of
 * the CSV and health route handlers. See tests/support/fuzz-kit.ts.
 */
import fc from "fast-check";
import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { GET as health } from "@/app/api/health/route";
import {
  closeAssignmentAction,
  createAssignmentAction,
  createClassAction,
  regenerateJoinCodeAction,
  removeStudentAction,
  unblockStudentAction,
} from "@/app/teacher/actions";
import { GET as responsesCsv } from "@/app/teacher/assignments/[id]/responses.csv/route";
import { GET as gradebookCsv } from "@/app/teacher/classes/[id]/gradebook.csv/route";
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
// Issue #12, corrections and reports (i12-fix)
import { GET as itemsCsv } from "@/app/teacher/assignments/[id]/items.csv/route";
import { overrideScoreAction } from "@/app/teacher/attempts/actions";
import { createAssignment, startAssignmentAttempt } from "@/lib/assignments/queries";
import { submitAttempt } from "@/lib/attempts/grading";
import { regradeQuestion } from "@/lib/gradebook/corrections";
import { assignments, classes, quizzes } from "@/db/schema";
import { setupTestDatabase } from "../support/db";
import {
  buildForm,
  buildWorld,
  field,
  formRecipe,
  fuzz,
  hostile,
  idLike,
  PERSONAS,
  ref,
  resolve,
  RUNS,
  type FieldValue,
  type World,
} from "../support/fuzz-kit";

const t = setupTestDatabase();
let world: World;
beforeAll(async () => {
  world = await buildWorld(t.database());
});

const TIMEOUT = 600_000;
const idle = { status: "idle" as const };
const text = (...values: string[]): fc.Arbitrary<FieldValue> => fc.constantFrom(...values);
/** A datetime-local value from a year ago to two years ahead, as the browser sends it. */
const localTime = fc
  .oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 300 }) }, fc.integer({ min: -400, max: 800 }))
  .map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16));

/** Mostly the first (valid) values, sometimes the others. */
const mostly = (valid: fc.Arbitrary<FieldValue>, ...others: fc.Arbitrary<FieldValue>[]) =>
  fc.oneof({ weight: 5, arbitrary: valid }, ...others.map((arbitrary) => ({ weight: 1, arbitrary })));

const wroteTo = (prefix: string) => (got: string) => got.startsWith(prefix);

describe(`fuzz: teacher actions and routes (${RUNS} runs each)`, () => {
  it(
    "createClassAction",
    async () => {
      await fuzz(world, t.db, {
        name: "createClass",
        input: formRecipe({
          name: field(text("Year 9", "  7B history  ", "Class 😀", "ביולוגיה", "x".repeat(80))),
        }),
        run: (r, who) => createClassAction(idle, buildForm(world, who, r)),
        writes: wroteTo("redirect /teacher/classes/:id"),
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  let codesBefore: unknown[] = [];
  const joinCodes = () =>
    t
      .db()
      .select({ id: classes.id, joinCode: classes.joinCode })
      .from(classes)
      .where(inArray(classes.id, [world.ids.classA, world.ids.classB, world.ids.classC]))
      .orderBy(classes.id);

  it(
    "regenerateJoinCodeAction",
    async () => {
      await fuzz(world, t.db, {
        name: "regenerateJoinCode",
        input: formRecipe({
          classId: field(idLike("classA", "classB", "classC")),
          // The old code stops working, so the teacher ticks a box first (issue #12).
          confirm: field(text("on", "", "off")),
        }),
        run: async (r, who) => {
          codesBefore = await joinCodes();
          return regenerateJoinCodeAction(buildForm(world, who, r));
        },
        writes: wroteTo("redirect /teacher/classes/:id"),
        check: async (r) => {
          // Unconfirmed, the page comes back with a notice and every code stays as it was.
          if (r.find(([k]) => k === "confirm")?.[1] !== "on") expect(await joinCodes()).toEqual(codesBefore);
        },
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "removeStudentAction",
    async () => {
      await fuzz(world, t.db, {
        name: "removeStudent",
        input: formRecipe({
          classId: field(idLike("classA", "classB", "classC")),
          studentId: field(idLike("memberId", "outsiderId", "ownerId")),
          block: field(text("on", "", "off", "true")),
        }),
        run: (r, who) => removeStudentAction(buildForm(world, who, r)),
        writes: wroteTo("redirect /teacher/classes/:id"),
        mustWrite: true,
        restore: async () => {
          await t.db().execute(sql`delete from class_blocks
            where class_id in (${world.ids.classA}, ${world.ids.classB}, ${world.ids.classC})`);
          await t.db().execute(sql`insert into class_members (class_id, student_id)
          values (${world.ids.classA}, ${world.ids.memberId}), (${world.ids.classB}, ${world.ids.outsiderId})
          on conflict do nothing`);
        },
      });
    },
    TIMEOUT,
  );

  it(
    "unblockStudentAction",
    async () => {
      const blockMember = async () => {
        await t.db().execute(sql`insert into class_blocks (class_id, student_id)
          values (${world.ids.classC}, ${world.ids.memberId}), (${world.ids.classB}, ${world.ids.memberId})
          on conflict do nothing`);
      };
      await blockMember();
      await fuzz(world, t.db, {
        name: "unblockStudent",
        input: formRecipe({
          classId: field(idLike("classC", "classC", "classA", "classB")),
          studentId: field(idLike("memberId", "memberId", "outsiderId", "ownerId")),
        }),
        run: (r, who) => unblockStudentAction(buildForm(world, who, r)),
        writes: wroteTo("redirect /teacher/classes/:id"),
        personas: [...PERSONAS, "owner", "owner", "owner"],
        mustWrite: true,
        restore: blockMember,
      });
    },
    TIMEOUT,
  );

  it(
    "createAssignmentAction",
    async () => {
      await fuzz(world, t.db, {
        name: "createAssignment",
        input: formRecipe({
          classId: idLike("classA", "classC", "classB"),
          articleId: idLike("shippedArticle", "articleA", "articleB"),
          due: mostly(
            localTime,
            text(
              "2024-02-30T10:00",
              "2026-13-01T10:00",
              "2026-06-01",
              "tomorrow",
              "2026-06-01T24:60",
              "0001-01-01T00:00",
            ),
          ),
          timeZone: mostly(
            text("UTC", "Europe/Paris", "America/New_York", "Pacific/Kiritimati", "Etc/GMT+12"),
            text("Mars/Phobos", "utc ", "Europe/../etc"),
          ),
          attemptsAllowed: mostly(
            fc.integer({ min: 1, max: 10 }).map(String),
            fc.integer({ min: -3, max: 1000 }).map(String),
            text("1.5", "1e1", "0x3", " 2 ", "Infinity", "-0"),
          ),
          counting: mostly(text("best", "latest"), text("BEST", "worst")),
          reveal: mostly(text("after_submit", "after_due"), text("never")),
          timeLimit: mostly(
            text(""),
            fc.integer({ min: 1, max: 180 }).map(String),
            fc.integer({ min: -5, max: 100_000 }).map(String),
            text(" ", "1.5", "NaN", "1e2"),
          ),
          shuffle: mostly(text("on", ""), text("off", "ON")),
        }),
        run: (r, who) => createAssignmentAction(idle, buildForm(world, who, r)),
        writes: wroteTo("redirect /teacher/classes/:id"),
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "closeAssignmentAction (close and reopen)",
    async () => {
      await fuzz(world, t.db, {
        name: "closeAssignment",
        input: formRecipe({
          assignmentId: field(idLike("assignmentA", "assignmentB")),
          intent: field(text("reopen", "close", "REOPEN")),
        }),
        run: (r, who) => closeAssignmentAction(buildForm(world, who, r)),
        writes: wroteTo("redirect /teacher/assignments/:id"),
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  // -------------------------------------------------------------------------
  // Issue #12, corrections and reports (branch i12-fix): regrade, override and
  // the item-analysis CSV. Their own assignments, on each teacher's private
  // article, each with a submitted attempt, made before the first run.
  const local = { assignmentA: "", assignmentB: "", attemptA: "", attemptB: "" };
  const correctionsWorld = async () => {
    if (local.assignmentA) return;
    const db = t.db();
    const settings = {
      dueAt: new Date(Date.now() + 7 * 86_400_000),
      attemptsAllowed: 1,
      counting: "best" as const,
      reveal: "after_submit" as const,
      timeLimitMinutes: null,
      shuffle: false,
    };
    const submitted = async (teacherId: string, classId: string, articleId: string, studentId: string) => {
      const made = await createAssignment({ db, teacherId, classId, articleId, settings });
      if (!made.ok) throw new Error(made.reason);
      const started = await startAssignmentAttempt({ db, studentId, assignmentId: made.assignmentId });
      if (!started.ok) throw new Error(started.reason);
      await submitAttempt({ db, userId: studentId, attemptId: started.attemptId });
      return [made.assignmentId, started.attemptId] as const;
    };
    const w = world.ids;
    [local.assignmentA, local.attemptA] = await submitted(w.ownerId, w.classA, w.articleA, w.memberId);
    [local.assignmentB, local.attemptB] = await submitted(
      w.otherTeacherId,
      w.classB,
      w.articleB,
      w.outsiderId,
    );
  };
  /** This block's ids (mostly), random uuids, and the world's other ids. */
  const localId = (...names: (keyof typeof local)[]) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...names).map((n): FieldValue => local[n]) },
      { weight: 2, arbitrary: idLike("assignmentA", "attemptA", "submittedAttempt") },
      { weight: 1, arbitrary: fc.uuid().map((u): FieldValue => u) },
    );
  /** Puts an assignment's grading back as it was: undo every regrade, then forget them. */
  const undoRegrades = async () => {
    for (const [assignmentId, teacherId] of [
      [local.assignmentA, world.ids.ownerId],
      [local.assignmentB, world.ids.otherTeacherId],
    ] as const) {
      const [row] = await t
        .db()
        .select({ questions: quizzes.questions })
        .from(assignments)
        .innerJoin(quizzes, eq(quizzes.id, assignments.quizId))
        .where(eq(assignments.id, assignmentId));
      const n = row?.questions.length ?? 0;
      for (let k = 1; k <= n; k++)
        await regradeQuestion({
          db: t.db(),
          teacherId,
          assignmentId,
          questionNumber: k,
          change: { kind: "original" },
        });
      await t.db().execute(sql`delete from question_regrades where assignment_id = ${assignmentId}`);
    }
  };

  it(
    "regradeQuestionAction",
    async () => {
      await correctionsWorld();
      await fuzz(world, t.db, {
        name: "regradeQuestion",
        input: formRecipe({
          assignmentId: field(localId("assignmentA", "assignmentB")),
          question: mostly(
            fc.integer({ min: 1, max: 4 }).map(String),
            text("0", "-1", "1.5", "99", "1e1", " 2"),
          ),
          kind: mostly(text("key", "accept", "full_credit", "drop", "original"), text("DROP", "delete")),
          q_key: field(text("o-true", "o-false", "a", ""), hostile),
          accepted: field(text("Tuesday\nspring", "", "?!", "x".repeat(201))),
          accept: field(text("spring", "the Spring", "", "?!")),
          explanation: field(text("Because the article says so.", "", "x".repeat(501))),
        }),
        run: (r, who) => regradeQuestionAction(idle, buildForm(world, who, r)),
        writes: wroteTo("redirect /teacher/assignments/:id"),
        mustWrite: true,
        restore: undoRegrades,
      });
    },
    TIMEOUT,
  );

  it(
    "overrideScoreAction",
    async () => {
      await correctionsWorld();
      await fuzz(world, t.db, {
        name: "overrideScore",
        input: formRecipe({
          attemptId: field(localId("attemptA", "attemptB")),
          question: mostly(text("", "1", "2", "3"), text("0", "99", "1.5", "-1", "abc")),
          score: mostly(
            text("", "0", "0.5", "1", "2", "0,25"),
            text("1.001", "-1", "1e1", "NaN", "Infinity", "100000", " 1 "),
          ),
          comment: field(text("Good reasoning.", "", "x".repeat(501), "<b>hi</b>")),
        }),
        run: (r, who) => overrideScoreAction(idle, buildForm(world, who, r)),
        writes: wroteTo("redirect /teacher/attempts/:id"),
        mustWrite: true,
        restore: async () => {
          await t
            .db()
            .execute(
              sql`delete from score_overrides where attempt_id in (${local.attemptA}, ${local.attemptB})`,
            );
          await t.db().execute(sql`update attempt_answers set score = 0, correct = false
            where attempt_id in (${local.attemptA}, ${local.attemptB}) and score is not null`);
          await t
            .db()
            .execute(
              sql`update quiz_attempts set score = 0 where id in (${local.attemptA}, ${local.attemptB})`,
            );
        },
      });
    },
    TIMEOUT,
  );

  it(
    "GET /teacher/assignments/[id]/items.csv",
    async () => {
      await correctionsWorld();
      await fuzz(world, t.db, {
        name: "items.csv",
        input: fc.oneof(
          { weight: 3, arbitrary: localId("assignmentA", "assignmentB") },
          { weight: 2, arbitrary: hostile.map((s): FieldValue => s) },
        ),
        run: (v, who) =>
          itemsCsv(new Request("http://test/x"), {
            params: Promise.resolve({
              id: typeof v === "string" ? v : "ref" in v ? resolve(world, who, v.ref) : "",
            }),
          }),
        writes: () => false,
        check: (_v, who, got) => {
          if (who === "signedOut") expect(got).toBe("http 401");
          if (who === "member" || who === "outsider") expect(got).toBe("http 403");
        },
      });
    },
    TIMEOUT,
  );
  // --- end of issue #12 (i12-fix) -------------------------------------------

  const routeId = (...names: Parameters<typeof idLike>) =>
    fc.oneof(
      { weight: 3, arbitrary: idLike(...names) },
      { weight: 2, arbitrary: hostile.map((s): FieldValue => s) },
    );
  const idOf = (v: FieldValue, who: Parameters<typeof resolve>[1]) =>
    typeof v === "string" ? v : "ref" in v ? resolve(world, who, v.ref) : "";

  it(
    "GET /teacher/classes/[id]/gradebook.csv",
    async () => {
      await fuzz(world, t.db, {
        name: "gradebook.csv",
        input: routeId("classA", "classB", "classC", "assignmentA"),
        run: (v, who) =>
          gradebookCsv(new Request("http://test/x"), { params: Promise.resolve({ id: idOf(v, who) }) }),
        writes: () => false,
        check: (_v, who, got) => {
          if (who === "signedOut") expect(got).toBe("http 401");
          if (who === "member" || who === "outsider") expect(got).toBe("http 403");
        },
      });
    },
    TIMEOUT,
  );

  it(
    "GET /teacher/assignments/[id]/responses.csv",
    async () => {
      await fuzz(world, t.db, {
        name: "responses.csv",
        input: routeId("assignmentA", "assignmentB", "classA", "attemptA"),
        run: (v, who) =>
          responsesCsv(new Request("http://test/x"), { params: Promise.resolve({ id: idOf(v, who) }) }),
        writes: () => false,
        check: (_v, who, got) => {
          if (who === "signedOut") expect(got).toBe("http 401");
          if (who === "member" || who === "outsider") expect(got).toBe("http 403");
        },
      });
    },
    TIMEOUT,
  );

  it(
    "GET /api/health",
    async () => {
      await fuzz(world, t.db, {
        name: "health",
        input: fc.constant(null),
        run: () => health(),
        writes: () => false,
        check: (_v, _who, got) => expect(got).toBe("http 200"),
      });
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------
// Issue #12: managing classes, assignments and articles after the fact.
describe(`fuzz: managing classes, assignments and articles (${RUNS} runs each)`, () => {
  const exactly = (outcome: string) => (got: string) => got === outcome;
  const confirm = mostly(text("on"), text("", "off", "ON", "true"));
  const slug = mostly(fc.constantFrom(ref("slugA"), ref("slugB"), ref("shippedSlug")), hostile);
  const undoClasses = async () => {
    await t.db().execute(sql`update classes set archived_at = null, deleted_at = null
      where id in (${world.ids.classA}, ${world.ids.classB}, ${world.ids.classC})`);
    // Class C has no work, so an owner's delete removed it outright: it comes back under its own id and code.
    await t.db().execute(sql`insert into classes (id, teacher_id, name, join_code)
      values (${world.ids.classC}, ${world.ids.ownerId}, 'Class C', ${world.ids.joinCodeC}) on conflict do nothing`);
  };
  const undoAssignments = async () => {
    await t.db().execute(sql`update assignments set archived_at = null, deleted_at = null
      where id in (${world.ids.assignmentA}, ${world.ids.assignmentB})`);
  };

  it(
    "renameClassAction",
    async () => {
      await fuzz(world, t.db, {
        name: "renameClass",
        input: formRecipe({
          classId: field(idLike("classA", "classB", "classC")),
          name: field(text("Year 9", "  7B history  ", "Class 😀", "x".repeat(80))),
          section: field(text("", "Period 3", " B ", "x".repeat(40))),
        }),
        run: (r, who) => renameClassAction(idle, buildForm(world, who, r)),
        writes: exactly("redirect /teacher/classes/:id"),
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "archiveClassAction (archive and restore)",
    async () => {
      await fuzz(world, t.db, {
        name: "archiveClass",
        input: formRecipe({
          classId: field(idLike("classA", "classB", "classC")),
          intent: mostly(text("archive", "restore"), text("ARCHIVE", "delete")),
          confirm,
        }),
        run: (r, who) => archiveClassAction(buildForm(world, who, r)),
        writes: exactly("redirect /teacher/classes/:id"),
        mustWrite: true,
        restore: undoClasses,
      });
    },
    TIMEOUT,
  );

  it(
    "deleteClassAction",
    async () => {
      await fuzz(world, t.db, {
        name: "deleteClass",
        input: formRecipe({ classId: field(idLike("classC", "classA", "classB")), confirm }),
        run: (r, who) => deleteClassAction(buildForm(world, who, r)),
        writes: (got) => got === "redirect /teacher",
        mustWrite: true,
        restore: undoClasses,
      });
    },
    TIMEOUT,
  );

  it(
    "updateAssignmentSettingsAction",
    async () => {
      await fuzz(world, t.db, {
        name: "updateAssignmentSettings",
        input: formRecipe({
          assignmentId: idLike("assignmentA", "assignmentB"),
          title: mostly(text("", "Week 3 check", "  x  "), text("x".repeat(201))),
          due: mostly(localTime, text("2024-02-30T10:00", "2026-06-01", "tomorrow", "0001-01-01T00:00")),
          timeZone: mostly(text("UTC", "Europe/Paris", "Pacific/Kiritimati"), text("Mars/Phobos")),
          attemptsAllowed: mostly(
            fc.integer({ min: 1, max: 10 }).map(String),
            fc.integer({ min: -3, max: 1000 }).map(String),
          ),
          timeLimit: mostly(text("", "30"), fc.integer({ min: -5, max: 100_000 }).map(String), text("1.5")),
        }),
        run: (r, who) => updateAssignmentSettingsAction(idle, buildForm(world, who, r)),
        writes: exactly("redirect /teacher/assignments/:id"),
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "setExtensionAction",
    async () => {
      await fuzz(world, t.db, {
        name: "setExtension",
        input: formRecipe({
          assignmentId: idLike("assignmentA", "assignmentB"),
          studentId: idLike("memberId", "outsiderId", "ownerId"),
          due: mostly(fc.oneof(text(""), localTime), text("2024-02-30T10:00", "yesterday")),
          timeZone: mostly(text("UTC", "America/New_York"), text("utc ")),
          timeMultiplier: mostly(
            text("1", "1.25", "1.5", "2", "3"),
            fc.double({ min: -10, max: 10 }).map(String),
            text("NaN", "Infinity", "1e3", "4.0001"),
          ),
          extraAttempts: mostly(fc.integer({ min: 0, max: 10 }).map(String), fc.integer().map(String)),
        }),
        run: (r, who) => setExtensionAction(idle, buildForm(world, who, r)),
        writes: exactly("redirect /teacher/assignments/:id/edit"),
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "clearExtensionAction",
    async () => {
      await fuzz(world, t.db, {
        name: "clearExtension",
        input: formRecipe({
          assignmentId: field(idLike("assignmentA", "assignmentB")),
          studentId: field(idLike("memberId", "outsiderId")),
        }),
        run: (r, who) => clearExtensionAction(buildForm(world, who, r)),
        writes: exactly("redirect /teacher/assignments/:id/edit"),
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "archiveAssignmentAction (archive and restore)",
    async () => {
      await fuzz(world, t.db, {
        name: "archiveAssignment",
        input: formRecipe({
          assignmentId: field(idLike("assignmentA", "assignmentB")),
          intent: mostly(text("archive", "restore"), text("close")),
          confirm,
        }),
        run: (r, who) => archiveAssignmentAction(buildForm(world, who, r)),
        writes: exactly("redirect /teacher/assignments/:id"),
        mustWrite: true,
        restore: undoAssignments,
      });
    },
    TIMEOUT,
  );

  it(
    "deleteAssignmentAction",
    async () => {
      await fuzz(world, t.db, {
        name: "deleteAssignment",
        input: formRecipe({ assignmentId: field(idLike("assignmentA", "assignmentB")), confirm }),
        run: (r, who) => deleteAssignmentAction(buildForm(world, who, r)),
        writes: exactly("redirect /teacher/classes/:id"),
        mustWrite: true,
        restore: undoAssignments,
      });
    },
    TIMEOUT,
  );

  it(
    "archiveArticleAction (archive and restore)",
    async () => {
      await fuzz(world, t.db, {
        name: "archiveArticle",
        input: formRecipe({ slug, intent: mostly(text("archive", "restore"), text("delete")) }),
        run: (r, who) => archiveArticleAction(buildForm(world, who, r)),
        // Archiving goes to the desk, restoring to the article's review (named by its slug).
        writes: (got) => got.startsWith("redirect /teacher"),
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "deleteArticleAction",
    async () => {
      await fuzz(world, t.db, {
        name: "deleteArticle",
        input: formRecipe({ slug, confirm }),
        run: (r, who) => deleteArticleAction(buildForm(world, who, r)),
        writes: (got) => got === "redirect /teacher",
        mustWrite: true,
        restore: async () => {
          await t.db().execute(sql`update articles set deleted_at = null, archived_at = null
            where id in (${world.ids.articleA}, ${world.ids.articleB})`);
        },
      });
    },
    TIMEOUT,
  );
});
