/**
 * The database side of `npm run bench`: a fresh database per run, the users and
 * attempts the load needs (created directly, before the server starts, because
 * PGlite allows one process per data directory), and the check afterwards that
 * every submission of the burst was stored and graded exactly once.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { migrateDatabase, openPglite, openPostgres, type Database, type Db } from "@/db/client";
import { articles, attemptAnswers, quizAttempts, quizzes, users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { saveAnswers } from "@/lib/attempts/grading";
import { startAttempt } from "@/lib/attempts/start";
import { fieldName } from "@/lib/attempts/answer-form";
import { disguiseFor, type Disguise } from "@/lib/attempts/opaque-ids";
import { gradeAnswer, type Question, type Response } from "@/lib/quiz";
import { prepareContent } from "@/lib/startup";
import { createSession } from "@/lib/users/sessions";

export type BenchDb =
  | { driver: "pglite"; dir: string }
  | { driver: "postgres"; url: string; adminUrl: string; database: string; fresh: true }
  /** No CREATEDB: the given database itself, with users namespaced to this run and removed afterwards. */
  | { driver: "postgres"; url: string; fresh: false };

/**
 * A fresh PGlite directory, or a fresh database on the server DATABASE_URL
 * names. When the role may not create databases, the bench uses the named
 * database as it is: its own users (bench-<run>-*@bench.invalid) and their
 * attempts and quizzes, deleted when the run ends.
 */
export async function createBenchDb(input: {
  pgliteDir: string;
  databaseUrl?: string;
  log: (line: string) => void;
}): Promise<BenchDb> {
  if (!input.databaseUrl) return { driver: "pglite", dir: input.pgliteDir };
  const base = new URL(input.databaseUrl);
  const name = `${base.pathname.slice(1) || "newsquiz"}_run_${process.pid}_${Date.now().toString(36)}`;
  const admin = await openPostgres(input.databaseUrl);
  try {
    await admin.db.execute(sql.raw(`create database "${name}"`));
  } catch (e) {
    const code = (e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code;
    if (code !== "42501") throw e;
    input.log(
      `the role may not create databases: using ${base.pathname.slice(1)} itself, with this run's own users (removed afterwards)`,
    );
    return { driver: "postgres", url: input.databaseUrl, fresh: false };
  } finally {
    await admin.close();
  }
  const url = new URL(input.databaseUrl);
  url.pathname = `/${name}`;
  return {
    driver: "postgres",
    url: url.toString(),
    adminUrl: input.databaseUrl,
    database: name,
    fresh: true,
  };
}

export async function openBenchDb(target: BenchDb): Promise<Database> {
  return target.driver === "pglite" ? openPglite({ dir: target.dir }) : openPostgres(target.url);
}

/** Drops the run's database, or (in a shared database) deletes the run's users, their attempts and quizzes. */
export async function dropBenchDb(target: BenchDb, userIds: string[]): Promise<void> {
  if (target.driver !== "postgres") return;
  if (!target.fresh) {
    if (userIds.length === 0) return;
    const database = await openPostgres(target.url);
    try {
      await database.db.transaction(async (tx) => {
        await tx.delete(quizzes).where(inArray(quizzes.createdBy, userIds));
        await tx.delete(users).where(inArray(users.id, userIds));
      });
    } finally {
      await database.close();
    }
    return;
  }
  const admin = await openPostgres(target.adminUrl);
  try {
    await admin.db.execute(sql.raw(`drop database if exists "${target.database}" with (force)`));
  } finally {
    await admin.close();
  }
}

export type Student = {
  id: string;
  email: string;
  cookie: string;
  attemptId?: string;
  /** What this student's form posts: field name -> values (a checkbox group has several). */
  fields?: [string, string][];
  expectedScore?: number;
};

export type Seeded = {
  articleId: string;
  slug: string;
  reader: Student;
  burst: Student[];
  warmup: Student[];
  signIn: { email: string; password: string };
  /** Every user this run created, for clean-up in a shared database. */
  userIds: string[];
};

const SESSION_COOKIE = "next-auth.session-token";

/**
 * A session cookie exactly as next-auth would issue it after sign-in: a sessions
 * row and a token naming it (see authorize and the jwt callback in app/_lib/auth.ts).
 */
export async function mintSessionCookie(
  db: Db,
  user: { id: string; email: string; name: string; role: Role },
  secret: string,
): Promise<string> {
  const sessionId = await createSession({
    db,
    userId: user.id,
    userAgent: "bench",
    clientAddress: "127.0.0.1",
  });
  const token = await encode({
    token: {
      sub: user.id,
      uid: user.id,
      role: user.role,
      sid: sessionId,
      name: user.name,
      email: user.email,
    },
    secret,
    maxAge: 24 * 60 * 60,
  });
  return `${SESSION_COOKIE}=${token}`;
}

/**
 * A varied answer sheet: the key for most questions, a wrong option for every
 * third, so scores differ and the check can tell a graded attempt from a
 * half-graded one.
 */
function answerSheet(questions: Question[]): { response: Response; questionId: string }[] {
  return questions.map((q, i) => {
    const wrong = i % 3 === 2;
    const a = q.answer;
    let response: Response;
    if (a.type === "single") {
      const other = q.options.find((o) => o.id !== a.optionId)?.id ?? a.optionId;
      response = { optionId: wrong ? other : a.optionId };
    } else if (a.type === "multi") {
      response = { optionIds: wrong ? q.options.slice(0, 1).map((o) => o.id) : a.optionIds };
    } else if (a.type === "text") {
      response = { text: wrong ? "not the answer" : (a.accepted[0] ?? "") };
    } else {
      response = { pairs: wrong ? a.pairs.slice(0, 1) : a.pairs };
    }
    return { questionId: q.id, response };
  });
}

/** The form fields a browser would post for these answers: the quiz page's opaque ids (lib/attempts/opaque-ids.ts). */
function formFields(
  disguise: Disguise,
  questions: Question[],
  answers: { questionId: string; response: Response }[],
): [string, string][] {
  const out: [string, string][] = [];
  for (const answer of answers) {
    const q = questions.find((x) => x.id === answer.questionId)!;
    const questionId = disguise.show(q).id;
    const response = disguise.shown(q, answer.response);
    if ("optionId" in response) out.push([fieldName(questionId), response.optionId]);
    else if ("optionIds" in response)
      for (const id of response.optionIds) out.push([fieldName(questionId), id]);
    else if ("text" in response) out.push([fieldName(questionId), response.text]);
    else for (const p of response.pairs) out.push([fieldName(questionId, p.itemId), p.optionId]);
  }
  return out;
}

export async function seed(input: {
  database: Database;
  secret: string;
  students: number;
  warmupStudents: number;
  log: (line: string) => void;
}): Promise<Seeded> {
  const { database, secret, log } = input;
  const db = database.db;
  await migrateDatabase(database);
  await prepareContent({ database, seedDemo: false });
  const [article] = await db.select({ id: articles.id, slug: articles.slug }).from(articles).limit(1);
  if (!article) throw new Error("No shipped article was loaded from content/articles.");

  const run = Date.now().toString(36);
  // Minted sessions never check the password: a cheap hash keeps seeding fast.
  const cheapHash = await hashPassword("bench-password-not-used", { N: 2 ** 10, r: 8, p: 1 });
  const count = 1 + input.students + input.warmupStudents;
  const rows = Array.from({ length: count }, (_, i) => ({
    email: `bench-${run}-${i}@bench.invalid`,
    name: `Bench student ${i}`,
    role: "student" as const,
    passwordHash: cheapHash,
  }));
  const created = await db.insert(users).values(rows).returning({
    id: users.id,
    email: users.email,
    name: users.name,
    role: users.role,
  });
  // One account signs in for real (scrypt at production cost) to show the minted cookies are equivalent.
  const signIn = { email: `bench-${run}-signin@bench.invalid`, password: "bench-sign-in-2022!" };
  const [signInUser] = await db
    .insert(users)
    .values({
      email: signIn.email,
      name: "Bench sign-in",
      role: "student",
      passwordHash: await hashPassword(signIn.password),
    })
    .returning({ id: users.id });

  const students: Student[] = [];
  const started = Date.now();
  for (const [i, user] of created.entries()) {
    const student: Student = { ...user, cookie: await mintSessionCookie(db, user, secret) };
    const attempt = await startAttempt({ db, userId: user.id, articleId: article.id, mode: "take" });
    if (!attempt.ok) throw new Error(`startAttempt failed: ${attempt.reason}`);
    student.attemptId = attempt.attemptId;
    if (i > 0) {
      // The reader (0) keeps an open attempt with no answers; every other student has answered all.
      const questions = await quizQuestions(db, attempt.attemptId);
      const answers = answerSheet(questions);
      const saved = await saveAnswers({ db, userId: user.id, attemptId: attempt.attemptId, answers });
      if (!saved.ok) throw new Error(`saveAnswers failed: ${saved.reason}`);
      const row = (await db.select().from(quizAttempts).where(eq(quizAttempts.id, attempt.attemptId)))[0]!;
      student.fields = formFields(disguiseFor(row, questions, secret), questions, answers);
      student.expectedScore =
        Math.round(
          answers.reduce((sum, a, j) => sum + gradeAnswer(questions[j]!, a.response).score, 0) * 100,
        ) / 100;
    }
    students.push(student);
    if ((i + 1) % 100 === 0)
      log(`  seeded ${i + 1}/${count} students (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  return {
    articleId: article.id,
    slug: article.slug,
    reader: students[0]!,
    burst: students.slice(1, 1 + input.students),
    warmup: students.slice(1 + input.students),
    signIn,
    userIds: [...created.map((u) => u.id), signInUser!.id],
  };
}

async function quizQuestions(db: Db, attemptId: string): Promise<Question[]> {
  const [row] = await db
    .select({ questions: quizzes.questions })
    .from(quizAttempts)
    .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
    .where(eq(quizAttempts.id, attemptId));
  if (!row) throw new Error(`attempt ${attemptId} has no quiz`);
  return row.questions;
}

export type Integrity = {
  expected: number;
  submitted: number;
  lost: number;
  duplicatedAttempts: number;
  answerRowsExpected: number;
  answerRows: number;
  duplicateAnswerRows: number;
  ungradedAnswerRows: number;
  wrongScores: number;
  ok: boolean;
};

/**
 * After the burst: every student's attempt is submitted with the score its
 * answers earn, has exactly one graded row per question, and no student got a
 * second attempt or quiz.
 */
export async function checkSubmissions(db: Db, students: Student[]): Promise<Integrity> {
  const ids = students.map((s) => s.attemptId!);
  const userIds = students.map((s) => s.id);
  const attempts = await db
    .select({
      id: quizAttempts.id,
      status: quizAttempts.status,
      score: quizAttempts.score,
      submittedAt: quizAttempts.submittedAt,
      questions: sql<number>`jsonb_array_length(${quizzes.questions})::int`,
    })
    .from(quizAttempts)
    .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
    .where(inArray(quizAttempts.id, ids));
  const byId = new Map(attempts.map((a) => [a.id, a]));
  const [perUser] = await db
    .select({
      attempts: sql<number>`count(*)::int`,
      users: sql<number>`count(distinct ${quizAttempts.userId})::int`,
    })
    .from(quizAttempts)
    .where(inArray(quizAttempts.userId, userIds));
  const answerStats = await db
    .select({
      attemptId: attemptAnswers.attemptId,
      rows: sql<number>`count(*)::int`,
      distinctQuestions: sql<number>`count(distinct ${attemptAnswers.questionId})::int`,
      ungraded: sql<number>`count(*) filter (where ${attemptAnswers.score} is null or ${attemptAnswers.correct} is null)::int`,
    })
    .from(attemptAnswers)
    .where(inArray(attemptAnswers.attemptId, ids))
    .groupBy(attemptAnswers.attemptId);
  const answersBy = new Map(answerStats.map((a) => [a.attemptId, a]));

  let submitted = 0;
  let wrongScores = 0;
  let answerRowsExpected = 0;
  let answerRows = 0;
  let duplicateAnswerRows = 0;
  let ungradedAnswerRows = 0;
  for (const s of students) {
    const a = byId.get(s.attemptId!);
    if (!a) continue;
    answerRowsExpected += a.questions;
    const stats = answersBy.get(a.id);
    answerRows += stats?.rows ?? 0;
    duplicateAnswerRows += stats ? stats.rows - stats.distinctQuestions : 0;
    ungradedAnswerRows += stats?.ungraded ?? 0;
    if (a.status === "submitted" && a.submittedAt && a.score !== null) {
      submitted++;
      if (Math.abs(a.score - (s.expectedScore ?? -1)) > 0.01) wrongScores++;
    }
  }
  const duplicatedAttempts = (perUser?.attempts ?? 0) - (perUser?.users ?? 0);
  const lost = students.length - submitted;
  return {
    expected: students.length,
    submitted,
    lost,
    duplicatedAttempts,
    answerRowsExpected,
    answerRows,
    duplicateAnswerRows,
    ungradedAnswerRows,
    wrongScores,
    ok:
      lost === 0 &&
      duplicatedAttempts === 0 &&
      duplicateAnswerRows === 0 &&
      ungradedAnswerRows === 0 &&
      wrongScores === 0 &&
      answerRows === answerRowsExpected,
  };
}

/** The reader's attempt is only looked at: it must still be open. */
export async function attemptStatus(db: Db, attemptId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ status: quizAttempts.status })
    .from(quizAttempts)
    .where(eq(quizAttempts.id, attemptId));
  return row?.status;
}
