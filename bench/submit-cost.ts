/**
 * `tsx bench/submit-cost.ts`: what one quiz submission costs the database,
 * without HTTP or Next around it. Replays the data calls of
 * submitQuizFormAction (userOfSession for the session, getAttemptQuestions,
 * then submitAttempt with the form's answers, which saves and grades them in
 * one transaction) for N students one after another, counting statements and
 * timing each step, on an in-memory PGlite (or on DATABASE_URL, with users of
 * its own that are removed afterwards).
 */
import { inArray } from "drizzle-orm";
import type { Logger } from "drizzle-orm/logger";
import { migrateDatabase, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { quizzes, users } from "@/db/schema";
import { submitAttempt } from "@/lib/attempts/grading";
import { startAttempt } from "@/lib/attempts/start";
import { getAttemptForUser, getAttemptQuestions } from "@/lib/attempts/views";
import { disguiseFor } from "@/lib/attempts/opaque-ids";
import { prepareContent } from "@/lib/startup";
import { createSession, userOfSession } from "@/lib/users/sessions";

const N = Number(process.env.SUBMIT_COST_STUDENTS ?? 100);
let statements = 0;
const logger: Logger = { logQuery: () => void statements++ };

async function open(): Promise<{ db: Db; driver: string; close(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new Pool({ connectionString: url, max: 10 });
    const db = drizzle({ client: pool, schema, casing: "snake_case", logger }) as unknown as Db;
    return { db, driver: "postgres", close: () => pool.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = new PGlite();
  const db = drizzle({ client, schema, casing: "snake_case", logger }) as unknown as Db;
  return { db, driver: "pglite", close: () => client.close() };
}

async function main() {
  const database = await open();
  const { db } = database;
  const asDatabase = { db, driver: database.driver as "pglite" | "postgres", close: database.close };
  await migrateDatabase(asDatabase);
  await prepareContent({ database: asDatabase, seedDemo: false });
  const [article] = await db.select({ id: schema.articles.id }).from(schema.articles).limit(1);
  const run = Date.now().toString(36);
  const created = await db
    .insert(users)
    .values(
      Array.from({ length: N }, (_, i) => ({
        email: `cost-${run}-${i}@bench.invalid`,
        name: `Cost ${i}`,
        role: "student" as const,
        passwordHash: "x",
      })),
    )
    .returning({ id: users.id });
  const attempts: { userId: string; attemptId: string; form: FormData; sessionId: string }[] = [];
  for (const u of created) {
    const r = await startAttempt({ db, userId: u.id, articleId: article!.id, mode: "take" });
    if (!r.ok) throw new Error(r.reason);
    const view = await getAttemptForUser({ db, userId: u.id, attemptId: r.attemptId });
    const form = new FormData();
    // Every question answered with its first option, or the text "answer", in the page's (opaque) ids.
    const shown = disguiseFor(view!.attempt, view!.quiz.questions);
    for (const q of view!.quiz.questions.map((x) => shown.show(x))) {
      if (q.inputType === "text") form.set(`q_${q.id}`, "answer");
      else if (q.inputType === "match")
        for (const item of q.items ?? []) form.set(`q_${q.id}_${item.id}`, q.options[0]!.id);
      else form.set(`q_${q.id}`, q.options[0]!.id);
    }
    const sessionId = await createSession({
      db,
      userId: u.id,
      userAgent: "bench",
      clientAddress: "127.0.0.1",
    });
    attempts.push({ userId: u.id, attemptId: r.attemptId, form, sessionId });
  }

  const steps = { session: 0, questions: 0, "save and grade": 0 };
  const counts = { session: 0, questions: 0, "save and grade": 0 };
  async function step<T>(name: keyof typeof steps, fn: () => Promise<T>): Promise<T> {
    const before = statements;
    const t = performance.now();
    const out = await fn();
    steps[name] += performance.now() - t;
    counts[name] += statements - before;
    return out;
  }
  const started = performance.now();
  for (const a of attempts) {
    await step("session", () => userOfSession({ db, sessionId: a.sessionId, userId: a.userId }));
    const attempt = await step("questions", () =>
      getAttemptQuestions({ db, userId: a.userId, attemptId: a.attemptId }),
    );
    const disguise = disguiseFor(attempt!, attempt!.questions);
    const answers = attempt!.questions.map((q) => ({ questionId: q.id, response: disguise.read(q, a.form) }));
    await step("save and grade", () =>
      submitAttempt({ db, userId: a.userId, attemptId: a.attemptId, answers }),
    );
  }
  const total = performance.now() - started;
  console.log(`${database.driver}: ${N} submissions one after another, ${(total / N).toFixed(2)} ms each`);
  console.table(
    Object.keys(steps).map((k) => ({
      step: k,
      "ms per submission": Number((steps[k as keyof typeof steps] / N).toFixed(2)),
      "statements per submission": counts[k as keyof typeof counts] / N,
    })),
  );
  if (database.driver === "postgres") {
    const ids = created.map((u) => u.id);
    await db.delete(quizzes).where(inArray(quizzes.createdBy, ids));
    await db.delete(users).where(inArray(users.id, ids));
  }
  await database.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
