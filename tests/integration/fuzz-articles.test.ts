/**
 * Fuzzing (issue #6) of the teacher's article actions: adding an article
 * (pasted or uploaded) and the question review. See tests/support/fuzz-kit.ts.
 */
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { beforeAll, describe, it } from "vitest";

import { renderToStaticMarkup } from "react-dom/server";
import ArticlePage from "@/app/articles/[slug]/page";
import { addArticleAction } from "@/app/teacher/articles/actions";
import {
  addCustomQuestionAction,
  deleteCustomQuestionAction,
  resetQuestionAction,
  saveQuestionAction,
  setIncludedAction,
  updateArticleDetailsAction,
} from "@/app/teacher/articles/[slug]/actions";
import { setupTestDatabase } from "../support/db";
import {
  ARTICLE_TEXT,
  MARKUP_BOMBS,
  type MarkupBomb,
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
import { page } from "../support/app-harness";

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
/** Every person, the owner more often so rightful writes are common. */
const OWNER_MOSTLY = [...PERSONAS, "owner", "owner", "owner"] as const;
const toArticlePage = (got: string) => got.startsWith("redirect /teacher/articles/");

const slug = mostly(fc.constantFrom(ref("slugA"), ref("slugA"), ref("slugB"), ref("shippedSlug")), hostile);
const questionId = mostly(
  fc.constantFrom(ref("customQuestionA"), ref("customQuestionA"), ref("questionA"), ref("customQuestionB")),
  text("c-0000000000000000", "e-0000000000000000", ""),
  hostile,
);

/** The owner's own question gets a new id when edited: keep pointing at it. */
async function refreshCustomQuestion() {
  const rows = await t.db().execute(sql`select question_id from question_reviews
    where teacher_id = ${world.ids.ownerId} and custom order by position limit 1`);
  const [row] = (Array.isArray(rows) ? rows : (rows as { rows: { question_id: string }[] }).rows) as {
    question_id: string;
  }[];
  if (row) world.ids.customQuestionA = row.question_id;
}

/** The question form's fields: options keyed o-true/o-false/new-N with their texts, the right ones, answers. */
const questionFields = {
  prompt: mostly(text("Who approved the plan?", "The council approved the plan."), hostile),
  optionKey: mostly(text("o-true", "o-false"), text("new-1", "new-2", "o-abc")),
  "optionText:new-1": mostly(text("The council", "Tom Hale", ""), hostile),
  "optionText:new-2": mostly(text("The mayor", "Ana Ruiz"), hostile),
  "optionText:o-true": mostly(text("True", "")),
  correct: mostly(text("o-true", "o-false"), text("new-1", "new-2")),
  accepted: mostly(text("Ana Ruiz\nMayor Ruiz", "council", "!!!\n???"), hostile),
  explanation: mostly(text("", "Paragraph 2 says so."), hostile),
};

describe(`fuzz: article actions (${RUNS} runs each)`, () => {
  it(
    "addArticleAction (pasted text and uploaded files)",
    async () => {
      await fuzz(world, t.db, {
        name: "addArticle",
        input: formRecipe({
          title: mostly(text("", "Bridge vote", "Ünïcødé 😀 title"), hostile),
          source: mostly(text("", "The Daily Example"), hostile),
          publishedOn: mostly(text("", "2024-02-29", "2023-02-29", "2024-13-01", "24-01-01")),
          text: mostly(
            text(
              ARTICLE_TEXT,
              `<html><head><title>T</title><script>alert(1)</script></head><body><p>${ARTICLE_TEXT}</p></body></html>`,
              "",
            ),
            hostile,
            fc.constantFrom(...Object.values(MARKUP_BOMBS)),
          ),
          file: fc.oneof(
            text(""),
            fc
              .record({
                bytes: fc.oneof(
                  fc.constant("article" as const),
                  fc.constant("huge" as const),
                  fc.constant("between-1-and-2-mb" as const),
                  fc.constantFrom(...(Object.keys(MARKUP_BOMBS) as MarkupBomb[])),
                  fc.uint8Array({ maxLength: 300 }),
                ),
                name: fc.constantFrom("a.txt", "b.html", "c.pdf", "", "a.txt\u0000.exe"),
                type: fc.constantFrom("text/plain", "application/octet-stream"),
              })
              .map((file): FieldValue => ({ file })),
          ),
        }),
        run: (r, who) => addArticleAction(idle, buildForm(world, who, r)),
        writes: toArticlePage,
        personas: OWNER_MOSTLY,
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "setIncludedAction",
    async () => {
      await fuzz(world, t.db, {
        name: "setIncluded",
        input: formRecipe({
          slug,
          questionId,
          included: mostly(text("true", "false"), text("TRUE", "1", "")),
        }),
        run: (r, who) => setIncludedAction(buildForm(world, who, r)),
        writes: toArticlePage,
        personas: OWNER_MOSTLY,
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "resetQuestionAction",
    async () => {
      await fuzz(world, t.db, {
        name: "resetQuestion",
        input: formRecipe({ slug, questionId }),
        run: (r, who) => resetQuestionAction(buildForm(world, who, r)),
        writes: toArticlePage,
        personas: OWNER_MOSTLY,
      });
    },
    TIMEOUT,
  );

  it(
    "saveQuestionAction",
    async () => {
      await fuzz(world, t.db, {
        name: "saveQuestion",
        input: formRecipe({ slug, questionId, ...questionFields }),
        run: (r, who) => saveQuestionAction(idle, buildForm(world, who, r)),
        writes: toArticlePage,
        personas: OWNER_MOSTLY,
        restore: refreshCustomQuestion,
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "addCustomQuestionAction",
    async () => {
      await fuzz(world, t.db, {
        name: "addCustomQuestion",
        input: formRecipe({
          slug,
          type: mostly(text("single", "multi", "true-false", "text"), text("match", "SINGLE")),
          skill: mostly(text("attribution", "systems", "roles", "details"), text("hacking")),
          ...questionFields,
        }),
        run: (r, who) => addCustomQuestionAction(idle, buildForm(world, who, r)),
        writes: toArticlePage,
        personas: OWNER_MOSTLY,
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "updateArticleDetailsAction",
    async () => {
      await fuzz(world, t.db, {
        name: "updateArticleDetails",
        input: formRecipe({
          slug,
          title: mostly(text("Council votes on the bridge", "  New title  "), hostile),
          source: mostly(text("", "Example Times"), hostile),
          publishedOn: mostly(
            text("", "2024-02-29", " 2024-01-01 "),
            text("2023-02-29", "2024-1-1", "yesterday"),
          ),
        }),
        run: (r, who) => updateArticleDetailsAction(idle, buildForm(world, who, r)),
        writes: toArticlePage,
        personas: OWNER_MOSTLY,
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "deleteCustomQuestionAction",
    async () => {
      await fuzz(world, t.db, {
        name: "deleteCustomQuestion",
        input: formRecipe({ slug, questionId }),
        run: (r, who) => deleteCustomQuestionAction(buildForm(world, who, r)),
        writes: toArticlePage,
        personas: OWNER_MOSTLY,
        restore: refreshCustomQuestion,
      });
    },
    TIMEOUT,
  );
});

// Issue #12 (i12-polish): the article page's own parameters. A page writes nothing, so every run must
// leave the data as it was; the assignment it leads back to is named only to a student of its class.
describe(`fuzz: the article page's parameters (${RUNS} runs)`, () => {
  it(
    "ArticlePage ?assignment= &from= &q= &highlight=",
    async () => {
      await fuzz(world, t.db, {
        name: "articlePage",
        input: formRecipe({
          slug: mostly(fc.constantFrom(ref("shippedSlug"), ref("slugA")), hostile),
          assignment: mostly(idLike("assignmentA", "assignmentB"), hostile),
          from: mostly(idLike("submittedAttempt", "attemptA", "practiceAttempt"), hostile),
          q: mostly(text("1", "3", "10"), text("0", "-1", "1e3", "9999"), hostile),
          highlight: mostly(text("10-40", "0-5,100-140", ""), hostile),
        }),
        run: async (r, who) => {
          const f = buildForm(world, who, r);
          const { slug: s, ...query } = Object.fromEntries([...f].map(([k, v]) => [k, String(v)]));
          const html = renderToStaticMarkup(await ArticlePage(page({ slug: s ?? "" }, query)));
          const leadsBack = html.includes("Back to the assignment");
          const mayLeadBack =
            who === "member" && query.assignment === world.ids.assignmentA && s === world.ids.shippedSlug;
          if (leadsBack !== mayLeadBack)
            throw new Error(`${who}: leads back ${leadsBack}, may ${mayLeadBack}`);
          const back = /href="\/attempts\/([^"#]*)#/.exec(html)?.[1];
          if (back !== undefined && back !== query.from) throw new Error(`results link to ${back}`);
          return undefined;
        },
        writes: () => false,
        personas: [...PERSONAS, "member", "member", "member"],
      });
    },
    TIMEOUT,
  );
});
