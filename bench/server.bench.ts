/**
 * `npm run bench`: the production server under load. Builds, seeds a fresh
 * database (PGlite in .data/bench/<pid>, or a new database on the PostgreSQL
 * server DATABASE_URL names), starts `next start`, and drives it with
 * autocannon from a child process (bench/server-load.ts):
 *
 *   - the floor, GET /api/health;
 *   - a signed-in student's article page and their open quiz attempt;
 *   - a classroom burst: BENCH_STUDENTS (500) students submit their answered
 *     quiz within about one second, through the quiz form's server action,
 *     posted as a browser without JavaScript posts it.
 *
 * Then it stops the server, re-opens the database and checks that every
 * submission was stored and graded exactly once. Results go to
 * bench/results/server-<driver>.{json,md}.
 *
 * Sessions: 500 real sign-ins would cost 500 scrypt hashes at N=2^17, so the
 * students' session cookies are minted with next-auth's own encoder and the
 * server's secret; one real sign-in through /api/auth/callback/credentials
 * shows the two are accepted alike.
 *
 * Environment: BENCH_DURATION (seconds per steady scenario, default 10),
 * BENCH_CONNECTIONS (10), BENCH_STUDENTS (500), BENCH_SPREAD_MS (1000),
 * BENCH_WAVES (10), BENCH_RATIO_ROUNDS (5 alternating 2 s rounds of floor and
 * quiz page for the ratio; 0 takes it from the 10 s runs), BENCH_SKIP_BUILD=1
 * (reuse .next), BENCH_KEEP_DATA=1 (keep the data directory / database),
 * BENCH_STRICT=1 (exit 1 when a goal is missed), BENCH_PROFILE=1 (write a CPU
 * profile of the server into .data/bench/<pid>/).
 * DATABASE_URL selects PostgreSQL. These are bench-only knobs, read here and
 * not by the app, so they are not part of lib/env.ts.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import {
  attemptStatus,
  checkSubmissions,
  createBenchDb,
  dropBenchDb,
  openBenchDb,
  seed,
  type BenchDb,
  type Integrity,
  type Student,
} from "./server-db";
import { formTemplate, submissionFor } from "./quiz-form-post";
import type {
  BurstRequest,
  BurstResult,
  LoadPlan,
  LoadResult,
  SteadyResult,
  SteadyScenario,
} from "./server-load";

const root = process.cwd();
const knob = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw ? Number(raw) : fallback;
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number, got ${raw}`);
  return n;
};
const config = {
  durationSeconds: knob("BENCH_DURATION", 10),
  ratioRounds: knob("BENCH_RATIO_ROUNDS", 5),
  connections: knob("BENCH_CONNECTIONS", 10),
  students: knob("BENCH_STUDENTS", 500),
  spreadMs: knob("BENCH_SPREAD_MS", 1000),
  waves: Math.max(1, knob("BENCH_WAVES", 10)),
  warmupStudents: 5,
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  keepData: process.env.BENCH_KEEP_DATA === "1",
  strict: process.env.BENCH_STRICT === "1",
  profile: process.env.BENCH_PROFILE === "1",
};
const databaseUrl = process.env.DATABASE_URL || undefined;
const driver = databaseUrl ? "postgres" : "pglite";
const goals = { ratio: 0.5, burstP99Ms: driver === "pglite" ? 1000 : 300 };
const runDir = path.join(root, ".data", "bench", String(process.pid));
const log = (line: string) => console.log(`[bench] ${line}`);
const FLOOR = "GET /api/health (floor)";
const QUIZ_PAGE = "GET /attempts/[id] (quiz page)";

async function freePort(from = 3500, to = 3599): Promise<number> {
  for (let port = from + Math.floor(Math.random() * (to - from)), i = 0; i <= to - from; i++) {
    const p = from + ((port - from + i) % (to - from + 1));
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(p, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return p;
  }
  throw new Error(`no free port in ${from}-${to}`);
}

function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cpus: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function startServer(port: number, env: NodeJS.ProcessEnv): { child: ChildProcess; logFile: string } {
  const logFile = path.join(runDir, "server.log");
  const out = fs.openSync(logFile, "a");
  const child = spawn(
    process.execPath,
    [
      // BENCH_PROFILE=1: a V8 CPU profile of the server, summarised by bench/profile-summary.ts.
      ...(config.profile ? ["--cpu-prof", `--cpu-prof-dir=${runDir}`] : []),
      path.join(root, "node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: root,
      env,
      stdio: ["ignore", out, out],
    },
  );
  return { child, logFile };
}

async function waitForHealth(base: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}); see ${logFile}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not become healthy in 120 s; see ${logFile}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Sign in through next-auth's own credentials flow, as the sign-in form does, and read the session back. */
async function realSignIn(base: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/`, json: "true" }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`real sign-in failed: ${res.status} ${await res.text()}`);
  return session;
}

async function sessionEmail(base: string, cookie: string): Promise<string | undefined> {
  const res = await fetch(`${base}/api/auth/session`, { headers: { cookie } });
  const body = (await res.json()) as { user?: { email?: string } };
  return body.user?.email;
}

function runLoad(plan: LoadPlan): LoadResult[] {
  const planFile = path.join(runDir, `plan-${Date.now()}.json`);
  const outFile = `${planFile}.out.json`;
  fs.writeFileSync(planFile, JSON.stringify(plan));
  const r = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["bench/server-load.ts", planFile, outFile], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (r.status !== 0) throw new Error(`load driver failed (${r.status ?? r.signal})`);
  return JSON.parse(fs.readFileSync(outFile, "utf8")) as LoadResult[];
}

function table(steady: SteadyResult[], burst: BurstResult): string {
  const rows = [
    "| scenario | requests/s | p50 (ms) | p99 (ms) | requests | failed | KiB/response |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...steady.map(
      (s) =>
        `| ${s.name} (${s.connections} connections, ${s.durationSeconds} s) | ${s.rps} | ${s.p50Ms} | ${s.p99Ms} | ${s.requests} | ${s.unexpectedStatus + s.errors + s.timeouts} | ${s.kibPerResponse} |`,
    ),
    `| ${burst.name} | ${burst.rps} | ${burst.p50Ms} | ${burst.p99Ms} | ${burst.sent} | ${burst.sent - burst.ok} | |`,
  ];
  return rows.join("\n");
}

async function main() {
  fs.mkdirSync(runDir, { recursive: true });
  const info = machine();
  log(
    `driver ${driver}; ${info.cpus}x ${info.cpuModel}, ${info.memoryGiB} GiB, node ${info.node}, load ${info.loadAverage.join(" ")}`,
  );

  if (!config.skipBuild) {
    log("next build ...");
    const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
    if (r.status !== 0) throw new Error("next build failed");
  }

  const secret = crypto.randomBytes(32).toString("base64url");
  const target: BenchDb = await createBenchDb({ pgliteDir: path.join(runDir, "pglite"), databaseUrl, log });
  let userIds: string[] = [];
  let completed = false;
  log(
    target.driver === "pglite"
      ? `PGlite at ${path.relative(root, target.dir)}`
      : `PostgreSQL database ${new URL(target.url).pathname.slice(1)}${target.fresh ? " (new for this run)" : ""}`,
  );
  let server: ChildProcess | undefined;
  try {
    const seeding = Date.now();
    let database = await openBenchDb(target);
    const seeded = await seed({
      database,
      secret,
      students: config.students,
      warmupStudents: config.warmupStudents,
      log,
    });
    userIds = seeded.userIds;
    // PGlite: one process per data directory, so the seeder lets go before the server starts.
    await database.close();
    log(
      `seeded ${config.students + config.warmupStudents + 2} users and their attempts in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
    );

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const started = startServer(port, {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: base,
      SEED_DEMO: "0",
      PGLITE_DIR: target.driver === "pglite" ? target.dir : "",
      DATABASE_URL: target.driver === "postgres" ? target.url : "",
      POSTGRES_URL: "",
    });
    server = started.child;
    await waitForHealth(base, server, started.logFile);
    log(`server on ${base} (log: ${path.relative(root, started.logFile)})`);

    const realCookie = await realSignIn(base, seeded.signIn.email, seeded.signIn.password);
    const realEmail = await sessionEmail(base, realCookie);
    const mintedEmail = await sessionEmail(base, seeded.reader.cookie);
    if (realEmail !== seeded.signIn.email || mintedEmail !== seeded.reader.email) {
      throw new Error(`sessions not accepted: real ${realEmail}, minted ${mintedEmail}`);
    }
    log("real sign-in and minted session both accepted");

    // The action's form fields, read from a rendered quiz page like a browser reads them.
    const page = await fetch(`${base}/attempts/${seeded.burst[0]!.attemptId}`, {
      headers: { cookie: seeded.burst[0]!.cookie },
    });
    if (page.status !== 200) throw new Error(`attempt page answered ${page.status}`);
    const html = await page.text();
    const template = formTemplate(html);
    log(`quiz form as posted: ${template.map((e) => (typeof e === "string" ? `<${e}>` : e[0])).join(", ")}`);
    const submission = (s: Student): BurstRequest => submissionFor(template, s, base);

    const steady = (name: string, url: string, cookie?: string, expectStatus = 200): SteadyScenario => ({
      kind: "steady" as const,
      name,
      url: `${base}${url}`,
      headers: cookie ? { cookie } : ({} as Record<string, string>),
      connections: config.connections,
      durationSeconds: config.durationSeconds,
      warmupSeconds: Math.min(3, Math.max(1, config.durationSeconds / 5)),
      expectStatus,
    });
    const cookie = seeded.reader.cookie;
    const plan: LoadPlan = {
      scenarios: [
        steady(FLOOR, "/api/health"),
        steady("GET /articles/[slug] (signed in)", `/articles/${seeded.slug}`, cookie),
        steady(QUIZ_PAGE, `/attempts/${seeded.reader.attemptId}`, cookie),
        // Not goals, but they tell where the quiz page's time goes: the session alone
        // (next-auth decodes, re-reads the user, re-encodes), and the smallest page
        // with that session (the root layout around the 404 message).
        steady("GET /api/auth/session (signed in; session only)", "/api/auth/session", cookie),
        steady("GET /no-such-page (signed in; layout + 404)", "/no-such-page", cookie, 404),
        // The machine is shared: its other load drifts over a run. The ratio is therefore
        // also taken from short alternating rounds of floor and quiz page, so both halves
        // of each pair see the same background, and the median pair is reported.
        ...Array.from({ length: config.ratioRounds }, (_, i) => [
          { ...steady(`${FLOOR} round ${i + 1}`, "/api/health"), durationSeconds: 2, warmupSeconds: 0 },
          {
            ...steady(`${QUIZ_PAGE} round ${i + 1}`, `/attempts/${seeded.reader.attemptId}`, cookie),
            durationSeconds: 2,
            warmupSeconds: 0,
          },
        ]).flat(),
        // A few submissions first so the action's code is loaded and compiled before the burst.
        {
          kind: "burst",
          name: "warm-up submissions",
          origin: base,
          requests: seeded.warmup.map(submission),
          waves: 1,
          spreadMs: 0,
        },
        {
          kind: "burst",
          name: `POST quiz submit: ${config.students} students within ${config.spreadMs / 1000} s`,
          origin: base,
          requests: seeded.burst.map(submission),
          waves: config.waves,
          spreadMs: config.spreadMs,
        },
      ],
    };
    log("load (autocannon, child process):");
    const results = runLoad(plan);
    await stopServer(server);
    server = undefined;

    database = await openBenchDb(target);
    let integrity: Integrity;
    let warmupIntegrity: Integrity;
    let readerStatus: string | undefined;
    try {
      integrity = await checkSubmissions(database.db, seeded.burst);
      warmupIntegrity = await checkSubmissions(database.db, seeded.warmup);
      readerStatus = await attemptStatus(database.db, seeded.reader.attemptId!);
    } finally {
      await database.close();
    }

    const allSteady = results.filter((r): r is SteadyResult => r.kind === "steady");
    const steadyResults = allSteady.filter((r) => !/ round \d+$/.test(r.name));
    const rounds = Array.from({ length: config.ratioRounds }, (_, i) => {
      const floor = allSteady.find((r) => r.name === `${FLOOR} round ${i + 1}`)!;
      const page = allSteady.find((r) => r.name === `${QUIZ_PAGE} round ${i + 1}`)!;
      return Math.round((page.rps / floor.rps) * 100) / 100;
    });
    const medianRound = [...rounds].sort((a, b) => a - b)[Math.floor(rounds.length / 2)];
    const health = steadyResults.find((r) => r.name === FLOOR);
    const quizPage = steadyResults.find((r) => r.name === QUIZ_PAGE);
    const burst = results.filter((r): r is BurstResult => r.kind === "burst").at(-1)!;
    const tableRatio = Math.round((quizPage!.rps / health!.rps) * 100) / 100;
    // The paired rounds' median when there are rounds: less at the mercy of the neighbours' load.
    const ratio = medianRound ?? tableRatio;
    const steadyFailures = steadyResults.reduce((n, s) => n + s.unexpectedStatus + s.errors + s.timeouts, 0);
    const checks = {
      quizPageRatio: { value: ratio, goal: `>= ${goals.ratio}`, met: ratio >= goals.ratio },
      burstP99Ms: { value: burst.p99Ms, goal: `< ${goals.burstP99Ms}`, met: burst.p99Ms < goals.burstP99Ms },
      burstAllRedirectedToResults: { value: `${burst.ok}/${burst.sent}`, met: burst.ok === burst.sent },
      burstStoredAndGradedOnce: { value: integrity, met: integrity.ok && warmupIntegrity.ok },
      steadyAllOk: { value: steadyFailures, met: steadyFailures === 0 },
      readerAttemptStillOpen: { value: readerStatus, met: readerStatus === "in_progress" },
    };
    const md = [
      `### Server bench (${driver === "pglite" ? "PGlite" : "PostgreSQL"}), ${new Date().toISOString().slice(0, 10)}`,
      "",
      table(steadyResults, burst),
      "",
      `- Quiz page throughput / floor: **${ratio}** (goal ≥ ${goals.ratio}: ${checks.quizPageRatio.met ? "met" : "NOT met"})${rounds.length ? `: median of ${rounds.length} alternating 2 s rounds (${rounds.join(", ")}); from the table above ${tableRatio}` : ""}.`,
      `- Burst: ${burst.sent} submissions in ${burst.waves} waves over ${burst.spreadMs} ms, all done in ${burst.wallSeconds} s; p99 ${burst.p99Ms} ms (goal < ${goals.burstP99Ms} ms: ${checks.burstP99Ms.met ? "met" : "NOT met"}).`,
      `- In the database afterwards: ${integrity.submitted}/${integrity.expected} submitted and graded with the expected score, ${integrity.lost} lost, ${integrity.duplicatedAttempts} duplicate attempts, ${integrity.answerRows}/${integrity.answerRowsExpected} answer rows (${integrity.duplicateAnswerRows} duplicated, ${integrity.ungradedAnswerRows} ungraded), ${integrity.wrongScores} wrong scores.`,
      `- Machine: ${info.cpus}× ${info.cpuModel}, ${info.memoryGiB} GiB, ${info.os}, Node ${info.node}; load average at start ${info.loadAverage.join(" / ")} (shared machine). Server and load generator on the same machine.`,
      "",
    ].join("\n");
    // A profiled run is slower than a real one: its figures stay beside the profile.
    const resultsDir = config.profile ? runDir : path.join(root, "bench", "results");
    fs.mkdirSync(resultsDir, { recursive: true });
    const json = {
      date: new Date().toISOString(),
      driver,
      machine: info,
      config: { ...config, goals },
      results,
      ratio,
      ratioRounds: rounds,
      tableRatio,
      integrity: { burst: integrity, warmup: warmupIntegrity },
      checks,
    };
    fs.writeFileSync(path.join(resultsDir, `server-${driver}.json`), JSON.stringify(json, null, 2) + "\n");
    fs.writeFileSync(path.join(resultsDir, `server-${driver}.md`), md);
    console.log(`\n${md}`);
    log(`written ${path.relative(root, resultsDir)}/server-${driver}.json and .md`);

    const integrityFailed =
      !checks.burstStoredAndGradedOnce.met ||
      !checks.burstAllRedirectedToResults.met ||
      !checks.steadyAllOk.met ||
      !checks.readerAttemptStillOpen.met;
    const goalsMissed = !checks.quizPageRatio.met || !checks.burstP99Ms.met;
    if (integrityFailed) {
      log("FAILED: a request failed or a submission was lost, duplicated or graded wrong (see above).");
      process.exitCode = 1;
    } else if (goalsMissed) {
      log(`a goal was not met${config.strict ? " (BENCH_STRICT=1: failing)" : ""}.`);
      if (config.strict) process.exitCode = 1;
    }
    completed = true;
  } finally {
    if (server) await stopServer(server);
    if (!config.keepData) {
      await dropBenchDb(target, userIds).catch((e: unknown) =>
        log(`could not drop the bench database: ${(e as Error).message}`),
      );
      if (target.driver === "pglite") fs.rmSync(target.dir, { recursive: true, force: true });
      // The server log, plans (with session cookies) and profile stay only when something failed.
      if (completed && !process.exitCode && !config.profile)
        fs.rmSync(runDir, { recursive: true, force: true });
    }
  }
}

main().catch((e: unknown) => {
  console.error(`[bench] ${(e as Error).stack ?? e}`);
  process.exit(1);
});
