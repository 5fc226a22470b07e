/**
 * The load generator of `npm run bench`, run as a child process so the server
 * and the process that measures it do not share an event loop:
 * `tsx bench/server-load.ts <plan.json> <out.json>`.
 *
 * Steady scenarios are plain autocannon runs (a short warm-up, then the
 * measured run). The burst sends one request per student, each with its own
 * session cookie and form body, in waves spread over `spreadMs`; every
 * response's latency and redirect target is kept so the parent can check that
 * each student got the redirect to their own results.
 */
import fs from "node:fs";
import { createRequire } from "node:module";

export type SteadyScenario = {
  kind: "steady";
  name: string;
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  expectStatus: number;
};

export type BurstRequest = { path: string; headers: Record<string, string>; body: string; expect: string };

export type BurstScenario = {
  kind: "burst";
  name: string;
  origin: string;
  requests: BurstRequest[];
  waves: number;
  spreadMs: number;
};

export type LoadPlan = { scenarios: (SteadyScenario | BurstScenario)[] };

export type SteadyResult = {
  kind: "steady";
  name: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Response size (headers and body) averaged over the run. */
  kibPerResponse: number;
  unexpectedStatus: number;
  errors: number;
  timeouts: number;
};

export type BurstResult = {
  kind: "burst";
  name: string;
  sent: number;
  ok: number;
  failures: { path: string; status: number; location: string }[];
  errors: number;
  timeouts: number;
  wallSeconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  spreadMs: number;
  waves: number;
};

export type LoadResult = SteadyResult | BurstResult;

// autocannon ships no types; this is the part of its API the bench uses.
type Headers = Record<string, string | string[] | undefined> | string[];
type Req = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type Context = Record<string, unknown>;
type AutocannonOptions = {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  timeout?: number;
  method?: string;
  headers?: Record<string, string>;
  requests?: {
    method?: string;
    setupRequest?: (req: Req, context: Context) => Req;
    onResponse?: (status: number, body: string, context: Context, headers: Headers) => void;
  }[];
};
type Histogram = { p50: number; p99: number; max: number; average: number; total: number };
type Result = {
  requests: Histogram & { sent: number };
  latency: Histogram;
  throughput: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
};
type Instance = Promise<Result> & {
  on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
};
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: AutocannonOptions) => Instance;

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function header(headers: Headers, name: string): string {
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) {
      if (headers[i]!.toLowerCase() === name) return headers[i + 1]!;
    }
    return "";
  }
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const v = key === undefined ? undefined : headers[key];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

async function steady(s: SteadyScenario): Promise<SteadyResult> {
  const base = { url: s.url, connections: s.connections, headers: s.headers, timeout: 30 };
  if (s.warmupSeconds > 0) await autocannon({ ...base, duration: s.warmupSeconds });
  const r = await autocannon({ ...base, duration: s.durationSeconds });
  const total = Object.values(r.statusCodeStats).reduce((n, x) => n + x.count, 0);
  const expected = r.statusCodeStats[String(s.expectStatus)]?.count ?? 0;
  return {
    kind: "steady",
    name: s.name,
    connections: s.connections,
    durationSeconds: round(r.duration, 2),
    requests: r.requests.total,
    rps: round(r.requests.total / r.duration),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    kibPerResponse: round(r.throughput.total / Math.max(1, r.requests.total) / 1024),
    unexpectedStatus: total - expected,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

async function burst(s: BurstScenario): Promise<BurstResult> {
  const latencies: number[] = [];
  const failures: BurstResult["failures"] = [];
  let ok = 0;
  let errors = 0;
  let timeouts = 0;
  let next = 0;
  const waveSize = Math.ceil(s.requests.length / s.waves);
  const started = performance.now();
  let lastDone = started;

  async function wave(count: number): Promise<void> {
    const instance = autocannon({
      url: s.origin,
      connections: count,
      amount: count,
      timeout: 60,
      requests: [
        {
          method: "POST",
          // One request per connection; the connection's context remembers its student,
          // so a second call for the same connection cannot skip one.
          setupRequest(req, context) {
            if (context.index === undefined) context.index = next++;
            const r = s.requests[context.index as number]!;
            return { ...req, method: "POST", path: r.path, headers: r.headers, body: r.body };
          },
          onResponse(status, _body, context, headers) {
            const r = s.requests[context.index as number]!;
            const location = header(headers, "location");
            if (location.includes(r.expect)) ok++;
            else failures.push({ path: r.path, status, location });
          },
        },
      ],
    });
    instance.on("response", (_client, _status, _bytes, ms) => {
      latencies.push(ms);
      lastDone = performance.now();
    });
    const r = await instance;
    errors += r.errors;
    timeouts += r.timeouts;
  }

  const waves: Promise<void>[] = [];
  for (let w = 0, sent = 0; sent < s.requests.length; w++) {
    const count = Math.min(waveSize, s.requests.length - sent);
    sent += count;
    const at = s.waves > 1 ? (w * s.spreadMs) / (s.waves - 1) : 0;
    waves.push(new Promise((resolve) => setTimeout(resolve, at)).then(() => wave(count)));
  }
  await Promise.all(waves);
  const sorted = [...latencies].sort((a, b) => a - b);
  const wallSeconds = (lastDone - started) / 1000;
  return {
    kind: "burst",
    name: s.name,
    sent: s.requests.length,
    ok,
    failures: failures.slice(0, 20),
    errors,
    timeouts,
    wallSeconds: round(wallSeconds, 2),
    rps: round(latencies.length / wallSeconds),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? 0),
    spreadMs: s.spreadMs,
    waves: s.waves,
  };
}

async function main() {
  const [planFile, outFile] = process.argv.slice(2);
  if (!planFile || !outFile) throw new Error("usage: tsx bench/server-load.ts <plan.json> <out.json>");
  const plan = JSON.parse(fs.readFileSync(planFile, "utf8")) as LoadPlan;
  const results: LoadResult[] = [];
  for (const scenario of plan.scenarios) {
    process.stdout.write(`  ${scenario.name} ...`);
    const result = scenario.kind === "steady" ? await steady(scenario) : await burst(scenario);
    process.stdout.write(` ${result.rps} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms\n`);
    results.push(result);
  }
  fs.writeFileSync(outFile, JSON.stringify(results, null, 2));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
