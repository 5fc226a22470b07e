import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const SECRET = "e2e-only-secret-that-is-long-enough-0123456789";

/** A production server of our own (same build), for its logs or to run two at once. */
export async function startServer(port: number, name: string, extraEnv: Record<string, string>) {
  const dir = path.join("test-results", "security");
  fs.mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, `${name}.log`);
  const log = fs.openSync(logFile, "w");
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXTAUTH_URL: `http://localhost:${port}`,
        NEXTAUTH_SECRET: SECRET,
        SEED_DEMO: "1",
        DATABASE_URL: "",
        POSTGRES_URL: "",
        ...extraEnv,
      },
      stdio: ["ignore", log, log],
      detached: true,
    },
  );
  const baseURL = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`server on ${port} did not start:\n${fs.readFileSync(logFile, "utf8")}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseURL,
    log: () => fs.readFileSync(logFile, "utf8"),
    async stop() {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
      fs.closeSync(log);
    },
  };
}

/** Starts a production server expected to refuse to start: resolves with its exit code and output. */
export async function serverThatExits(port: number, name: string, extraEnv: Record<string, string>) {
  const dir = path.join("test-results", "security");
  fs.mkdirSync(dir, { recursive: true });
  const child = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXTAUTH_URL: `http://localhost:${port}`,
        NEXTAUTH_SECRET: SECRET,
        DATABASE_URL: "",
        POSTGRES_URL: "",
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const healthAnswered = (async () => {
    for (;;) {
      if (child.exitCode !== null) return false;
      try {
        const r = await fetch(`http://localhost:${port}/api/health`);
        if (r.status) return true;
      } catch {
        // not listening
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      resolve(null);
    }, 60_000);
    child.on("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  fs.writeFileSync(path.join(dir, `${name}.log`), output);
  return { code, output, answeredHealth: await healthAnswered };
}
