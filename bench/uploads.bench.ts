/**
 * `npm run bench:uploads`: what hostile article uploads cost the server (issue
 * #14, finding 1). Starts `next start` on a fresh PGlite (after `next build`
 * unless BENCH_SKIP_BUILD=1), signs in the demo teacher, and for each input
 * posts BENCH_UPLOADS (5) uploads at once, as a browser without JavaScript
 * posts the form, while a probe asks GET /api/health every 20 ms. It reports
 * how long each upload took and what it was answered, and the health
 * latency (p50, p99, max) while they ran.
 *
 * The goals: no input under the size limit takes more than 2 s, and health
 * answers within 100 ms during any upload. Bench-only knobs, not lib/env.ts.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const root = process.cwd();
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 5);
const shipped = fs
  .readFileSync(path.join(root, "content/articles/us-allies-weapons-ukraine-2022-10-12.txt"), "utf8")
  .replace(/^date .*\n/, "");

const INPUTS: { name: string; file: string; body: string }[] = [
  { name: "58,000 unclosed <div>s (290 KB)", file: "bomb.html", body: "<div>".repeat(58_000) },
  {
    name: "127 open <div>s around 19,800 <span>s (within depth and element limits)",
    file: "deep.html",
    body: "<div>".repeat(127) + "<span>a</span>".repeat(19_800),
  },
  {
    name: "19 open <div>s around 19,900 <span>s (within every markup limit)",
    file: "wide.html",
    body: "<div>".repeat(19) + "<span>a</span>".repeat(19_900),
  },
  {
    name: "a 299,000-character article as text",
    file: "long.txt",
    body: Array.from({ length: 60 }, () => shipped)
      .join("\n\n")
      .slice(0, 299_000),
  },
];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&amp;/g, "&");

class Session {
  cookies = new Map<string, string>();
  constructor(readonly base: string) {}
  private header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  async fetch(url: string, init: RequestInit = {}) {
    const response = await fetch(`${this.base}${url}`, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: this.header() },
    });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair!.split("=");
      this.cookies.set(k!, v.join("="));
    }
    return response;
  }
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) {
    const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      stdio: "inherit",
    });
    if (r.status !== 0) throw new Error("build failed");
  }
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const dir = path.join(root, ".data", "bench", `uploads-${process.pid}`);
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXTAUTH_URL: base,
        NEXTAUTH_SECRET: "bench-uploads-secret-that-is-long-enough-0123",
        PGLITE_DIR: dir,
        SEED_DEMO: "1",
        DATABASE_URL: "",
        POSTGRES_URL: "",
      },
      stdio: "ignore",
    },
  );
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        // not yet
      }
      if (i > 300) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 200));
    }
    const teacher = new Session(base);
    const { csrfToken } = (await (await teacher.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await teacher.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        csrfToken,
        email: "teacher@example.com",
        password: "teach-demo-2022",
        json: "true",
      }),
    });
    const html = await (await teacher.fetch("/teacher/articles/new")).text();
    const form = /<form\b[\s\S]*?<\/form>/.exec(html.slice(html.indexOf('name="text"') - 4000))?.[0] ?? html;
    const hidden = [...form.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?/g)].map(
      (m) => [decode(m[1]!), decode(m[2] ?? "")] as const,
    );

    const lines: string[] = [];
    // The floor: health latency with nothing else to do, on this machine as loaded as it is now.
    {
      const health: number[] = [];
      const until = performance.now() + 3000;
      while (performance.now() < until) {
        const t = performance.now();
        await fetch(`${base}/api/health`);
        health.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
      lines.push(
        `| (no upload: the floor) | — | — | ${Math.round(percentile(health, 50))} / ${Math.round(percentile(health, 99))} / ${Math.round(Math.max(...health))} |`,
      );
    }
    for (const input of INPUTS) {
      const health: number[] = [];
      let running = true;
      const probe = (async () => {
        while (running) {
          const t = performance.now();
          await fetch(`${base}/api/health`);
          health.push(performance.now() - t);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const uploads = await Promise.all(
        Array.from({ length: UPLOADS }, async (_, i) => {
          const body = new FormData();
          for (const [k, v] of hidden) body.append(k, v);
          body.set("title", `Bench ${i}`);
          body.set("source", "");
          body.set("publishedOn", "");
          body.set("text", "");
          body.set("file", new File([input.body], input.file, { type: "text/plain" }));
          const t = performance.now();
          const response = await teacher.fetch("/teacher/articles/new", {
            method: "POST",
            headers: { origin: base },
            body,
          });
          const text = await response.text();
          const ms = performance.now() - t;
          const answer =
            response.status === 303
              ? "added"
              : /being read right now/.test(text)
                ? "busy"
                : /levels deep|HTML elements|too complex/.test(text)
                  ? "refused (markup)"
                  : /took too long/.test(text)
                    ? "refused (time budget)"
                    : /We found only/.test(text)
                      ? "read (too few words)"
                      : `http ${response.status}`;
          return { ms, answer };
        }),
      );
      running = false;
      await probe;
      const answers = Object.entries(
        uploads.reduce<Record<string, number>>((n, u) => ({ ...n, [u.answer]: (n[u.answer] ?? 0) + 1 }), {}),
      )
        .map(([k, v]) => `${v}× ${k}`)
        .join(", ");
      lines.push(
        `| ${input.name} | ${Math.round(Math.max(...uploads.map((u) => u.ms)))} | ${answers} | ` +
          `${Math.round(percentile(health, 50))} / ${Math.round(percentile(health, 99))} / ${Math.round(Math.max(...health))} |`,
      );
    }
    const table = [
      `| input (${UPLOADS} uploads at once) | slowest upload ms | answers | health p50 / p99 / max ms |`,
      "| --- | ---: | --- | ---: |",
      ...lines,
    ].join("\n");
    console.log(table);
    fs.mkdirSync(path.join(root, "bench", "results"), { recursive: true });
    fs.writeFileSync(path.join(root, "bench", "results", "uploads.md"), `${table}\n`);
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
