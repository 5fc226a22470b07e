/**
 * Property-based fuzzing of server actions and route handlers (issue #6):
 * a small world of people and their data, arbitraries for hostile input, and
 * `fuzz()`, which calls one action or route a thousand times as a random
 * person and checks that it never fails like a 500 would and never leaves a
 * partial write.
 *
 * Next's plumbing is replaced for every test file by tests/support/next-mocks.ts.
 */
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { expect, vi } from "vitest";
import type { Db } from "@/db/client";
import { addTeacherArticle, getArticleBySlug } from "@/lib/articles/queries";
import { createAssignment, startAssignmentAttempt } from "@/lib/assignments/queries";
import { saveAnswers, submitAttempt } from "@/lib/attempts/grading";
import { startAttempt } from "@/lib/attempts/start";
import { createClass, joinClass } from "@/lib/classes/queries";
import { addCustomQuestion, getReviewBank } from "@/lib/reviews/queries";
import { prepareContent } from "@/lib/startup";
import { createUser } from "@/lib/users/accounts";
import { createSession } from "@/lib/users/sessions";
import { disguiseFor } from "@/lib/attempts/opaque-ids";
import { getAttemptQuestions } from "@/lib/attempts/views";
import { Interrupt, session, type Who } from "./app-harness";
import { FAST_HASH, uniqueEmail } from "./db";
import type { Database } from "@/db/client";

/** Runs per action or route: 1,000 unless FUZZ_RUNS says otherwise (e.g. 200 for a quick local pass). */
export const RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 1000;

export const PERSONAS = ["signedOut", "member", "outsider", "owner", "otherTeacher"] as const;
export type Persona = (typeof PERSONAS)[number];

export const PASSWORD = "password123";

/** A paragraph long enough (≥ 40 words) to become an article, with quotes the generator can ask about. */
export const ARTICLE_TEXT = [
  `"We will open the new bridge in spring," Mayor Ana Ruiz said on Tuesday.`,
  `The city council approved the $40 million plan by seven votes to two, according to the clerk's office.`,
  `"It is the biggest project this city has seen in a generation," said council member Tom Hale, who voted in favour of the plan.`,
].join("\n\n");

export type World = {
  people: Record<Persona, Who>;
  /** Accounts signed up while fuzzing use this domain, so the snapshot sees them too. */
  emailDomain: string;
  /** Every user of this world: the snapshot and the invariants look only at their rows (PostgreSQL is shared). */
  userIds: string[];
  ids: {
    classA: string;
    classB: string;
    classC: string;
    joinCodeB: string;
    joinCodeC: string;
    shippedArticle: string;
    shippedSlug: string;
    articleA: string;
    slugA: string;
    articleB: string;
    slugB: string;
    assignmentA: string;
    assignmentB: string;
    attemptA: string;
    attemptB: string;
    practiceAttempt: string;
    submittedAttempt: string;
    questionA: string;
    customQuestionA: string;
    ownerId: string;
    otherTeacherId: string;
    memberId: string;
    outsiderId: string;
    customQuestionB: string;
    /** A signed-in browser of the member's, and one of the owner's (sessions rows). */
    sessionMember: string;
    sessionOwner: string;
  };
  /** Question ids of the member's open assignment attempt, for answers that look right. */
  attemptQuestions: { id: string; type: string; options: string[]; items: string[] }[];
};

const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows);

async function person(db: Db, role: "student" | "teacher", name: string): Promise<NonNullable<Who>> {
  const r = await createUser({
    db,
    name,
    email: uniqueEmail(role),
    password: PASSWORD,
    role,
    hashParams: FAST_HASH,
  });
  if (!r.ok) throw new Error("user");
  return { id: r.user.id, name, email: r.user.email, role };
}

function must<T>(value: T | undefined | null | false, what: string): T {
  if (!value) throw new Error(`fuzz world: ${what}`);
  return value;
}

/**
 * Two teachers, each with a class, a private article and an assignment; a
 * student in each class; open, practice and submitted attempts. "Foreign"
 * ids are the other teacher's and the other student's.
 */
export async function buildWorld(database: Database): Promise<World> {
  const db = database.db;
  await prepareContent({ database, seedDemo: false });
  const owner = await person(db, "teacher", "Owner Teacher");
  const otherTeacher = await person(db, "teacher", "Other Teacher");
  const member = await person(db, "student", "Member Student");
  const outsider = await person(db, "student", "Outside Student");
  const classA = await createClass({ db, teacherId: owner.id, name: "Class A" });
  const classB = await createClass({ db, teacherId: otherTeacher.id, name: "Class B" });
  const classC = await createClass({ db, teacherId: owner.id, name: "Class C" });
  await joinClass({ db, studentId: member.id, code: classA.joinCode });
  await joinClass({ db, studentId: outsider.id, code: classB.joinCode });
  const shipped = must(
    await getArticleBySlug({ db, slug: "us-allies-weapons-ukraine-2022-10-12", viewerId: null }),
    "shipped article",
  );
  const privateArticle = async (ownerId: string, title: string) => {
    const made = await addTeacherArticle({
      db,
      ownerId,
      title,
      source: "",
      publishedOn: "",
      text: ARTICLE_TEXT,
    });
    if (!made.ok) throw new Error("article");
    const row = must(await getArticleBySlug({ db, slug: made.slug, viewerId: ownerId }), "article row");
    return { id: row.id, slug: row.slug };
  };
  const articleA = await privateArticle(owner.id, "Council votes on the bridge");
  const articleB = await privateArticle(otherTeacher.id, "Another council votes");
  const settings = {
    dueAt: new Date(Date.now() + 7 * 86_400_000),
    attemptsAllowed: 3,
    counting: "best" as const,
    reveal: "after_submit" as const,
    timeLimitMinutes: null,
    shuffle: true,
  };
  const assign = async (teacherId: string, classId: string, articleId: string) => {
    const r = await createAssignment({ db, teacherId, classId, articleId, settings });
    if (!r.ok) throw new Error("assignment");
    return r.assignmentId;
  };
  // Started before the assignment on the same article: while that is open, this practice attempt is closed.
  const practice = await startAttempt({ db, userId: member.id, articleId: shipped.id, mode: "take" });
  if (!practice.ok) throw new Error("practice attempt");
  const assignmentA = await assign(owner.id, classA.id, shipped.id);
  const assignmentB = await assign(otherTeacher.id, classB.id, articleB.id);
  const attempt = async (studentId: string, assignmentId: string) => {
    const r = await startAssignmentAttempt({ db, studentId, assignmentId });
    if (!r.ok) throw new Error("attempt");
    return r.attemptId;
  };
  const attemptA = await attempt(member.id, assignmentA);
  const attemptB = await attempt(outsider.id, assignmentB);
  const done = await startAttempt({ db, userId: member.id, articleId: articleA.id, mode: "take" });
  if (!done.ok) throw new Error("second attempt");
  await submitAttempt({ db, userId: member.id, attemptId: done.attemptId });
  const bankA = must(await getReviewBank({ db, teacherId: owner.id, articleId: articleA.id }), "bank");
  const custom = async (teacherId: string, articleId: string) => {
    const r = await addCustomQuestion({
      db,
      teacherId,
      articleId,
      type: "true-false",
      skill: "details",
      draft: {
        prompt: "The council approved the plan.",
        options: [{ id: "o-true", text: "", correct: true }],
      },
    });
    if (!r.ok) throw new Error("custom question");
    return r.questionId;
  };
  const customQuestionA = await custom(owner.id, articleA.id);
  const customQuestionB = await custom(otherTeacher.id, articleB.id);
  // One answer saved already, so clearing and overwriting are exercised too.
  const memberAttempt = must(
    await getAttemptQuestions({ db, userId: member.id, attemptId: attemptA }),
    "attempt",
  );
  // Posts name questions and options by the browser's (opaque) ids, as the quiz page writes them.
  const disguise = disguiseFor(memberAttempt, memberAttempt.questions);
  const attemptQuestions = memberAttempt.questions.map((q) => {
    const shown = disguise.show(q);
    return {
      id: shown.id,
      type: q.answer.type,
      options: shown.options.map((o) => o.id),
      items: (shown.items ?? []).map((i) => i.id),
    };
  });
  const first = memberAttempt.questions[0]!;
  if (first.answer.type === "single")
    await saveAnswers({
      db,
      userId: member.id,
      attemptId: attemptA,
      answers: [{ questionId: first.id, response: { optionId: first.options[0]!.id } }],
    });

  const session = (userId: string) =>
    createSession({ db, userId, userAgent: "Mozilla/5.0 Firefox/130.0", clientAddress: "192.0.2.1" });
  const sessionMember = await session(member.id);
  const sessionOwner = await session(owner.id);

  return {
    people: { signedOut: null, owner, otherTeacher, member, outsider },
    emailDomain: `fuzz-${crypto.randomUUID()}.test`,
    userIds: [owner.id, otherTeacher.id, member.id, outsider.id],
    ids: {
      classA: classA.id,
      classB: classB.id,
      classC: classC.id,
      joinCodeB: classB.joinCode,
      joinCodeC: classC.joinCode,
      shippedArticle: shipped.id,
      shippedSlug: shipped.slug,
      articleA: articleA.id,
      slugA: articleA.slug,
      articleB: articleB.id,
      slugB: articleB.slug,
      assignmentA,
      assignmentB,
      attemptA,
      attemptB,
      practiceAttempt: practice.attemptId,
      submittedAttempt: done.attemptId,
      questionA: bankA.entries[0]!.questionId,
      customQuestionA,
      customQuestionB,
      ownerId: owner.id,
      otherTeacherId: otherTeacher.id,
      memberId: member.id,
      outsiderId: outsider.id,
      sessionMember,
      sessionOwner,
    },
    attemptQuestions,
  };
}

function worldScope(userIds: string[]) {
  for (const id of userIds) if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error("not a uuid");
  return sql.raw(`with w(id) as (select unnest(array[${userIds.map((id) => `'${id}'`).join(",")}]::uuid[])),
    c as (select id from classes where teacher_id in (select id from w)),
    ar as (select id from articles where owner_id in (select id from w)),
    qa as (select id from quiz_attempts where user_id in (select id from w))`);
}

/** Count and md5 of the rows (or of the given columns: an article's body and a quiz's questions are never updated). */
const digest = (table: string, where: string, row = "t::text") =>
  `(select count(*) || ':' || coalesce(md5(string_agg(${row}, '|' order by ${row})), '') from ${table} t where ${where}) as ${table}`;

/**
 * Row count and checksum of every row of the key tables that belongs to this
 * world's people (the shared PostgreSQL holds other test files' rows too).
 */
async function snapshot(
  db: Db,
  world: Pick<World, "userIds" | "emailDomain">,
): Promise<Record<string, string>> {
  const { userIds, emailDomain } = world;
  if (!/^[a-z0-9.-]+$/.test(emailDomain)) throw new Error("domain");
  const query = sql`${worldScope(userIds)} select ${sql.raw(
    [
      // Corrections after students answered (issue #12): regrades and teachers' own scores.
      digest(
        "question_regrades",
        "assignment_id in (select id from assignments where class_id in (select id from c))",
      ),
      digest("score_overrides", "attempt_id in (select id from qa)"),
      digest("users", `id in (select id from w) or lower(email) like '%@${emailDomain}'`),
      digest("classes", "id in (select id from c)"),
      digest("class_members", "class_id in (select id from c) or student_id in (select id from w)"),
      digest(
        "articles",
        "id in (select id from ar)",
        "(t.id, t.slug, t.title, t.source, t.published_on, t.owner_id, md5(t.body))::text",
      ),
      digest(
        "quizzes",
        "created_by in (select id from w) or article_id in (select id from ar)",
        "(t.id, t.article_id, t.kind, t.seed)::text",
      ),
      digest("quiz_attempts", "id in (select id from qa)"),
      digest("attempt_answers", "attempt_id in (select id from qa)"),
      digest("assignments", "class_id in (select id from c)"),
      // Issue #12: students' exceptions to assignments.
      digest(
        "assignment_extensions",
        "assignment_id in (select a.id from assignments a where a.class_id in (select id from c)) or student_id in (select id from w)",
      ),
      digest("question_reviews", "teacher_id in (select id from w)"),
      digest("class_blocks", "class_id in (select id from c) or student_id in (select id from w)"),
    ].join(",\n"),
  )}`;
  return rowsOf<Record<string, string>>(await db.execute(query))[0]!;
}

/**
 * Questions of an attempt's assignment that a regrade dropped from the score
 * (the latest regrade of each question is a drop): the attempt's maximum
 * leaves them out (issue #12). Correlated with quiz_attempts t.
 */
const DROPPED = sql.raw(`(select count(*) from (
    select distinct on (r.question_id) r.kind from question_regrades r
    where r.assignment_id = t.assignment_id order by r.question_id, r.seq desc) latest
  where latest.kind = 'drop')`);

/**
 * What must hold whatever was written: no half-made rows. Foreign keys already
 * rule out orphans; these are the wholes they cannot see.
 */
async function assertWhole(db: Db, userIds: string[]): Promise<void> {
  const query = sql`${worldScope(userIds)} select
    (select count(*)::int from classes where id in (select id from c) and join_code !~ '^[A-Z0-9]{6}$') as "class without a join code",
    (select count(*)::int from assignments a join quizzes q on q.id = a.quiz_id
       where a.class_id in (select id from c)
         and (q.article_id <> a.article_id or q.kind <> 'assignment' or jsonb_array_length(q.questions) = 0)) as "assignment without its quiz",
    (select count(*)::int from quiz_attempts t join quizzes q on q.id = t.quiz_id
       where t.id in (select id from qa) and t.status = 'submitted'
         and (t.score is null or t.submitted_at is null
              or (select count(*) from attempt_answers x where x.attempt_id = t.id) <> jsonb_array_length(q.questions)
              or (select count(*) from attempt_answers x where x.attempt_id = t.id and x.score is not null)
                 <> t.max_score)) as "half-graded attempt",
    (select count(*)::int from quiz_attempts t
       where t.id in (select id from qa) and t.status = 'in_progress'
         and exists (select 1 from attempt_answers x where x.attempt_id = t.id and x.score is not null)) as "graded answer on an open attempt",
    (select count(*)::int from attempt_answers x join quiz_attempts t on t.id = x.attempt_id join quizzes q on q.id = t.quiz_id
       where t.id in (select id from qa)
         and not exists (select 1 from jsonb_array_elements(q.questions) e where e->>'id' = x.question_id)) as "answer to a question not in the quiz",
    (select count(*)::int from quiz_attempts t join quizzes q on q.id = t.quiz_id
       where t.id in (select id from qa) and (t.article_id <> q.article_id
         or t.max_score <> jsonb_array_length(q.questions) - ${DROPPED})) as "attempt not matching its quiz",
    (select count(*)::int from quiz_attempts t
       where t.id in (select id from qa) and t.status = 'submitted' and t.score > t.max_score) as "score above its maximum"`;
  const [row] = rowsOf<Record<string, number>>(await db.execute(query));
  expect(row).toEqual(Object.fromEntries(Object.keys(row!).map((k) => [k, 0])));
}

// ---------------------------------------------------------------------------
// Arbitraries

/** Characters that break naive code: NUL, lone surrogates, direction marks, zero-width, combining marks. */
const EDGE_CHARS = [
  "\u0000",
  "\uD800",
  "\uDBFF",
  "\uDC00",
  "\uDFFF",
  "\u202E",
  "\u202D",
  "\u200F",
  "\u200E",
  "\u061C",
  "\u200B",
  "\u200C",
  "\u200D",
  "\uFEFF",
  "\u2028",
  "\u2029",
  "\u00A0",
  "\u0301",
  "\u0336",
  "\u20DD",
  "\r",
  "\n",
  "\t",
  "\u001B",
  "\u007F",
  "\uFFFD",
  "\uFFFF",
  "😀",
  "👩‍👩‍👧‍👦",
  "🏳️‍🌈",
  "𝒜",
  "İ",
  "ß",
  "ﷺ",
  "Ａ",
];

/** Strings that look like attacks or like other types. */
const NASTY = [
  "",
  " ",
  "   \t\n",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uD83D",
  "\uDE00y",
  "\u202Eevil\u202C",
  "\u200F\u200Fمرحبا",
  "\u200B\u200C\u200D\uFEFF",
  "😀👩‍👩‍👧‍👦🏳️‍🌈",
  "e\u0301\u0302\u0303\u0304\u0305",
  "Z̸̧̛̀a̷l̵g̶o̴",
  "' OR 1=1 --",
  "'; drop table users; --",
  '"; select pg_sleep(10); --',
  "1); delete from classes; --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "${7*7}",
  "{{7*7}}",
  "../../etc/passwd",
  "%00",
  "%2e%2e%2f",
  "\\",
  '"',
  "'",
  "`",
  "null",
  "undefined",
  "true",
  "false",
  "NaN",
  "Infinity",
  "-Infinity",
  "-1",
  "0",
  "-0",
  "1e309",
  "0x10",
  "1.5",
  "99999999999999999999",
  "9".repeat(400),
  "[object Object]",
  "__proto__",
  "constructor",
  "prototype",
  "[]",
  "{}",
  '{"optionId":"x"}',
  "\r\n\r\n",
  "ＡＢＣ",
  "İstanbul",
  "ǅ",
  "\u00A0",
  "\u2028\u2029",
  "2024-02-30",
  "0000-00-00T00:00",
  "9999-12-31T23:59",
  "2024-13-01T25:61",
  "+275760-09-13T00:00",
  "1970-01-01T00:00",
  "ABC-DEF",
  "acd-479",
  "ACD479",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
];

/** A few 100k-character strings (and one of 300k+), kept rare so the suite stays fast. */
const HUGE = fc.constantFrom(
  "x".repeat(100_000),
  "é".repeat(100_001),
  "\u0000".repeat(100_000),
  "😀".repeat(50_000),
  "\uD800".repeat(100_000),
  "word ".repeat(20_000),
  "a".repeat(300_001),
);

const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_CHARS) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 4, arbitrary: fc.constantFrom(..."abcXYZ019 -_.@'\"<>/%&;") },
);

/** Any hostile string: a nasty constant, random UTF-16 (lone surrogates included), a mix, rarely a huge one. */
export const hostile: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 5, arbitrary: fc.string({ unit, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...NASTY), { maxLength: 4 }).map((a) => a.join("")) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  {
    weight: 1,
    arbitrary: fc
      .date({ noInvalidDate: false })
      .map((d) => (isNaN(d.getTime()) ? "Invalid Date" : d.toISOString())),
  },
  { weight: 1, arbitrary: HUGE },
);

/** A value of a form: a string, a reference to a world id resolved at run time, or a file. */
export type FieldValue = string | { ref: keyof World["ids"] | "email" | "userId" } | { file: FileSpec };
type FileSpec = {
  bytes: Uint8Array | "huge" | "article" | "between-1-and-2-mb" | MarkupBomb;
  name: string;
  type: string;
};

/**
 * Markup that costs a parser far more than its size (issue #14): nesting no
 * page has, and nesting within every single limit that multiplies into
 * seconds of Readability. Each is refused before a DOM is built.
 */
export const MARKUP_BOMBS = {
  "unclosed-divs": "<div>".repeat(58_000),
  "deep-and-wide": "<div>".repeat(127) + "<span>a</span>".repeat(19_800),
  "wide-tables": "<table><tr><td>".repeat(25_000),
} as const;
export type MarkupBomb = keyof typeof MARKUP_BOMBS;

export const ref = (name: keyof World["ids"] | "email" | "userId"): FieldValue => ({ ref: name });

const fileSpec: fc.Arbitrary<FileSpec> = fc.record({
  bytes: fc.oneof(
    { weight: 6, arbitrary: fc.uint8Array({ maxLength: 512 }) },
    { weight: 2, arbitrary: fc.constant("article" as const) },
    { weight: 1, arbitrary: fc.constant("huge" as const) },
  ),
  name: fc.oneof(
    fc.constantFrom(
      "a.txt",
      "story.html",
      "X.HTM",
      "evil.exe",
      "",
      ".txt",
      "../../etc/passwd.txt",
      "a.txt\u0000.exe",
      "😀.txt",
      "\u202Etxt.exe",
    ),
    hostile,
  ),
  type: fc.constantFrom("text/plain", "text/html", "application/octet-stream", "", "image/png"),
});

/** Any value a field can take: hostile, a file, or the field missing or repeated. */
const fuzzed = (good: fc.Arbitrary<FieldValue>): fc.Arbitrary<FieldValue[]> => {
  const one: fc.Arbitrary<FieldValue> = fc.oneof(
    { weight: 4, arbitrary: good },
    { weight: 4, arbitrary: hostile },
    { weight: 1, arbitrary: fileSpec.map((file) => ({ file })) },
  );
  return fc.oneof(
    { weight: 10, arbitrary: one.map((v) => [v]) },
    { weight: 2, arbitrary: fc.constant([] as FieldValue[]) },
    { weight: 1, arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }) },
  );
};

/** A field's plausible values (which may still be out of range or foreign). */
export const field = (...good: fc.Arbitrary<FieldValue>[]): fc.Arbitrary<FieldValue> =>
  good.length ? fc.oneof(...good) : hostile;

export type FormRecipe = [string, FieldValue][];

/**
 * A form post. A quarter are plausible in every field (so rightful writes
 * happen), a third are plausible but for one fuzzed field, the rest fuzz every
 * field (each maybe missing, repeated or a file); some carry junk fields too.
 */
export function formRecipe(fields: Record<string, fc.Arbitrary<FieldValue>>): fc.Arbitrary<FormRecipe> {
  const keys = Object.keys(fields);
  const plausible = Object.fromEntries(keys.map((k) => [k, fields[k]!.map((v) => [v])]));
  const allFuzzed = Object.fromEntries(keys.map((k) => [k, fuzzed(fields[k]!)]));
  const known: fc.Arbitrary<Record<string, FieldValue[]>> = fc.oneof(
    { weight: 2, arbitrary: fc.record(plausible) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.record(plausible),
          fc.constantFrom(...keys).chain((k) => fuzzed(fields[k]!).map((v) => [k, v] as const)),
        )
        .map(([rec, [k, v]]) => ({ ...rec, [k]: v })),
    },
    { weight: 3, arbitrary: fc.record(allFuzzed) },
  );
  return fc
    .record({
      known,
      extra: fc.oneof(
        { weight: 5, arbitrary: fc.constant([] as [string, FieldValue][]) },
        {
          weight: 1,
          arbitrary: fc.array(
            fc.tuple(
              fc.oneof(
                fc.constantFrom(
                  "__proto__",
                  "constructor",
                  "$ACTION_ID_x",
                  "$ACTION_REF_1",
                  ...keys.map((k) => `${k}[]`),
                ),
                hostile,
              ),
              hostile as fc.Arbitrary<FieldValue>,
            ),
            { maxLength: 3 },
          ),
        },
      ),
    })
    .map(({ known, extra }) => [
      ...Object.entries(known).flatMap(([k, vs]) => vs.map((v) => [k, v] as [string, FieldValue])),
      ...extra,
    ]);
}

let hugeFile: Uint8Array | undefined;
let midFile: Uint8Array | undefined;

/** Builds the FormData of a recipe in a world. */
export function buildForm(world: World, who: Persona, recipe: FormRecipe): FormData {
  const f = new FormData();
  for (const [k, v] of recipe) {
    if (typeof v === "string") f.append(k, v);
    else if ("ref" in v) f.append(k, resolve(world, who, v.ref));
    else {
      const spec = v.file.bytes;
      const bytes =
        spec === "huge"
          ? (hugeFile ??= new Uint8Array(2 * 1024 * 1024 + 1).fill(0x61))
          : spec === "between-1-and-2-mb"
            ? (midFile ??= new TextEncoder().encode("The council met again on Tuesday. ".repeat(45_000)))
            : spec === "article"
              ? new TextEncoder().encode(ARTICLE_TEXT)
              : typeof spec === "string"
                ? new TextEncoder().encode(MARKUP_BOMBS[spec])
                : spec;
      f.append(k, new File([bytes as Uint8Array<ArrayBuffer>], v.file.name, { type: v.file.type }));
    }
  }
  return f;
}

export function resolve(world: World, who: Persona, name: keyof World["ids"] | "email" | "userId"): string {
  if (name === "email") return world.people[who]?.email ?? "nobody@example.test";
  if (name === "userId") return world.people[who]?.id ?? "00000000-0000-0000-0000-000000000000";
  return world.ids[name];
}

/** An id that looks right: this world's own and foreign ids, random uuids, and near-uuids. */
export const idLike = (...names: (keyof World["ids"])[]): fc.Arbitrary<FieldValue> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...names).map(ref) },
    { weight: 2, arbitrary: fc.uuid() },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.uuid(), fc.nat(5))
        .map(
          ([u, i]) => [u.toUpperCase(), ` ${u}`, `${u}\u0000`, u.slice(1), `{${u}}`, u.replace(/-/g, "")][i]!,
        ),
    },
  );

// ---------------------------------------------------------------------------
// The property

export type Target<I> = {
  name: string;
  input: fc.Arbitrary<I>;
  run: (input: I, who: Persona) => Promise<unknown>;
  /**
   * Whether this outcome, for this person, may have written. Everything else
   * (a validation error, not-found, forbidden, sign-in, a 4xx) must leave the
   * data exactly as it was.
   */
  writes: (got: string, who: Persona) => boolean;
  /** Extra checks after each call. */
  check?: (input: I, who: Persona, got: string, result: unknown) => Promise<void> | void;
  /** Puts back what a rightful write changed, so later runs start from the same data. */
  restore?: (who: Persona, got: string) => Promise<void>;
  personas?: readonly Persona[];
  /** Some runs must reach a rightful write, or the arbitraries never get past validation. */
  mustWrite?: boolean;
};

const RESULT_STATUSES = ["idle", "success", "error", "saved", "ended"];

/**
 * Calls the target RUNS times. The call must return (an action result, or a
 * Response below 500) or throw one of the recorded navigation interrupts;
 * anything else thrown is what a 500 would be. Nothing may be logged as a
 * server error either: bad input has to be turned away before it reaches
 * the database, not caught after.
 */
export async function fuzz<I>(
  world: World,
  db: () => Db,
  target: Target<I>,
): Promise<{ outcomes: Record<string, number> }> {
  const outcomes: Record<string, number> = {};
  let writes = 0;
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(target.personas ?? PERSONAS)),
        target.input,
        async (who, input) => {
          session.user = world.people[who];
          logged.mockClear();
          const before = await snapshot(db(), world);
          let result: unknown;
          let got: string;
          try {
            result = await target.run(input, who);
            if (result instanceof Response) {
              got = `http ${result.status}`;
              await result.arrayBuffer();
            } else if (result && typeof result === "object" && "status" in result) {
              expect(RESULT_STATUSES).toContain(result.status);
              got = result.status === "error" ? "error" : "ok";
            } else {
              expect(result).toBeUndefined();
              got = "ok";
            }
          } catch (e) {
            if (!(e instanceof Interrupt)) throw e;
            got = e.outcome.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ":id");
          } finally {
            session.user = null;
          }
          outcomes[`${who}: ${got}`] = (outcomes[`${who}: ${got}`] ?? 0) + 1;
          const status = /^http (\d+)$/.exec(got);
          if (status) expect(Number(status[1])).toBeLessThan(500);
          expect(logged.mock.calls.map((c) => c.map(String).join(" ").slice(0, 300))).toEqual([]);
          if (target.writes(got, who)) {
            writes++;
            await assertWhole(db(), world.userIds);
            await target.restore?.(who, got);
          } else {
            expect(await snapshot(db(), world)).toEqual(before);
          }
          await target.check?.(input, who, got, result);
        },
      ),
      { numRuns: RUNS },
    );
  } finally {
    logged.mockRestore();
  }
  if (process.env.FUZZ_VERBOSE) console.log(target.name, JSON.stringify(outcomes, null, 1));
  if (target.mustWrite) expect(writes, `${target.name}: no run got past validation`).toBeGreaterThan(0);
  return { outcomes };
}
