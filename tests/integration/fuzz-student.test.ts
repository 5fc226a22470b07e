/**
 * Fuzzing (issue #6) of the student's actions: joining a class, starting
 * assignments and quizzes, autosave and the quiz form. See tests/support/fuzz-kit.ts.
 */
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { beforeAll, describe, it } from "vitest";

import { startAssignmentAction } from "@/app/assignments/actions";
import {
  autosaveAnswerAction,
  saveQuizAction,
  submitQuizAction,
  submitQuizAnywayAction,
} from "@/app/attempts/actions";
import { startAttemptAction } from "@/app/attempts/actions";
import { joinClassAction } from "@/app/join/actions";
import { setupTestDatabase } from "../support/db";
import {
  buildForm,
  buildWorld,
  formRecipe,
  fuzz,
  hostile,
  idLike,
  PERSONAS,
  ref,
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
const mostly = (valid: fc.Arbitrary<FieldValue>, ...others: fc.Arbitrary<FieldValue>[]) =>
  fc.oneof({ weight: 5, arbitrary: valid }, ...others.map((arbitrary) => ({ weight: 1, arbitrary })));
/** Every person, the member student more often so rightful writes are common. */
const MEMBER_MOSTLY = [...PERSONAS, "member", "member", "member"] as const;

/** Puts the world's memberships and open attempts back as they were built. */
async function restoreStudents() {
  const { classA, classB, classC, memberId, outsiderId, attemptA, practiceAttempt } = world.ids;
  await t.db().execute(sql`delete from class_members where class_id in (${classA}, ${classB}, ${classC})
    and (class_id, student_id) not in ((${classA}::uuid, ${memberId}::uuid), (${classB}::uuid, ${outsiderId}::uuid))`);
  await t.db().execute(sql`insert into class_members (class_id, student_id)
    values (${classA}, ${memberId}), (${classB}, ${outsiderId}) on conflict do nothing`);
  // A submitted attempt is reopened, and any other open attempt the run started is dropped, so the
  // next run finds the world's attempts open (one open attempt per student and article or assignment).
  await t.db().execute(sql`delete from quiz_attempts where user_id in (${memberId}, ${outsiderId})
    and status = 'in_progress' and id not in (${attemptA}, ${practiceAttempt}, ${world.ids.attemptB})`);
  await t.db().execute(sql`delete from attempt_answers where attempt_id in (${attemptA}, ${practiceAttempt})
    and score is not null`);
  await t.db().execute(sql`update quiz_attempts set status = 'in_progress', submitted_at = null, score = null,
    ended_by = null, late = false where id in (${attemptA}, ${practiceAttempt})`);
}

describe(`fuzz: student actions (${RUNS} runs each)`, () => {
  it(
    "joinClassAction",
    async () => {
      await fuzz(world, t.db, {
        name: "joinClass",
        input: formRecipe({
          code: mostly(
            fc.constantFrom(ref("joinCodeB"), ref("joinCodeC")),
            text("ACD-479", "acd 479", "AAAAAA", "ACD-4790", "OIL-025", "ＡＣＤ４７９"),
            hostile,
          ),
        }),
        run: (r, who) => joinClassAction(idle, buildForm(world, who, r)),
        writes: (got) => got === "ok",
        restore: restoreStudents,
        personas: MEMBER_MOSTLY,
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "startAssignmentAction",
    async () => {
      await fuzz(world, t.db, {
        name: "startAssignment",
        input: formRecipe({ assignmentId: idLike("assignmentA", "assignmentB", "classA", "attemptA") }),
        run: (r, who) => startAssignmentAction(buildForm(world, who, r)),
        writes: (got) => got === "redirect /attempts/:id",
        restore: restoreStudents,
        personas: MEMBER_MOSTLY,
      });
    },
    TIMEOUT,
  );

  it(
    "startAttemptAction",
    async () => {
      await fuzz(world, t.db, {
        name: "startAttempt",
        input: formRecipe({
          articleId: idLike("shippedArticle", "articleA", "articleB", "assignmentA"),
          slug: mostly(fc.constantFrom(ref("shippedSlug"), ref("slugA")), hostile),
          mode: mostly(text("take", "fresh", "practice"), text("TAKE", "exam")),
        }),
        run: (r, who) => startAttemptAction(buildForm(world, who, r)),
        writes: (got) => got === "redirect /attempts/:id",
        restore: restoreStudents,
        personas: MEMBER_MOSTLY,
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "autosaveAnswerAction",
    async () => {
      // The question's own fields as the quiz form encodes them, or anything at all.
      const answerFields = Object.fromEntries(
        ["q_x", "q___proto__"].map((name) => [name, mostly(text("o-true", "o-false", "An answer"), hostile)]),
      );
      await fuzz(world, t.db, {
        name: "autosaveAnswer",
        input: fc.tuple(
          formRecipe({
            attemptId: idLike("attemptA", "practiceAttempt", "submittedAttempt", "attemptB"),
            questionId: fc.oneof(fc.constant("first" as FieldValue), hostile),
            ...answerFields,
          }),
          fc.nat(5),
        ),
        run: ([r, option], who) => {
          const f = buildForm(world, who, r);
          // A right-looking answer to a real question now and then: its id and its own field.
          const question = world.attemptQuestions[option % world.attemptQuestions.length]!;
          if (f.get("questionId") === "first" || option === 0) {
            f.set("questionId", question.id);
            if (question.type === "text") f.set(`q_${question.id}`, "An answer \u0000 with a NUL");
            else if (question.type === "match")
              question.items.forEach((item, i) =>
                f.set(`q_${question.id}_${item}`, question.options[i] ?? ""),
              );
            else f.set(`q_${question.id}`, question.options[0] ?? "");
          }
          return autosaveAnswerAction(idle, f);
        },
        writes: (got) => got === "ok",
        restore: restoreStudents,
        personas: MEMBER_MOSTLY,
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "saveQuizAction, submitQuizAction, submitQuizAnywayAction",
    async () => {
      const answerFields = Object.fromEntries(
        world_questions().map((name) => [name, mostly(text("o-true", "o-false", "An answer"), hostile)]),
      );
      await fuzz(world, t.db, {
        name: "submitQuizForm",
        input: fc.tuple(
          fc.constantFrom("save", "submit", "submit-anyway"),
          formRecipe({
            attemptId: idLike("attemptA", "practiceAttempt", "submittedAttempt", "attemptB"),
            ...answerFields,
          }),
        ),
        run: ([intent, r], who) => {
          const f = buildForm(world, who, r);
          // Right-looking answers: each question's first option, or a typed answer.
          for (const q of world.attemptQuestions) {
            if (Math.abs(hash(JSON.stringify(r))) % 3 !== 0) break;
            if (q.type === "text") f.set(`q_${q.id}`, "Ana Ruiz");
            else if (q.type === "match")
              q.items.forEach((item, i) => f.set(`q_${q.id}_${item}`, q.options[i] ?? ""));
            else f.set(`q_${q.id}`, q.options[0] ?? "");
          }
          const post =
            intent === "save"
              ? saveQuizAction
              : intent === "submit"
                ? submitQuizAction
                : submitQuizAnywayAction;
          return post(f);
        },
        writes: (got) => got === "redirect /attempts/:id",
        restore: restoreStudents,
        personas: MEMBER_MOSTLY,
        mustWrite: true,
      });
    },
    TIMEOUT,
  );
  function world_questions() {
    return ["q_x", "q_", "q___proto__"];
  }
});

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}
