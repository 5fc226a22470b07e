import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openPglite } from "@/db/client";
import { acquireDataDirLock, DataDirLockedError, lockFileFor } from "@/db/pglite-lock";

const run = promisify(execFile);

/** A child process contending for the lock (tests/support/lock-racer.ts), answering one line per command. */
function racer(dir: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/lock-racer.ts", dir], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffer = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    buffer += chunk;
    for (let i = buffer.indexOf("\n"); i >= 0; i = buffer.indexOf("\n")) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      const next = waiting.shift();
      if (next) next(line);
      else lines.push(line);
    }
  });
  return {
    send: (command: string) => child.stdin.write(`${command}\n`),
    next: () =>
      new Promise<string>((resolve) => {
        const line = lines.shift();
        if (line !== undefined) resolve(line);
        else waiting.push(resolve);
      }),
  };
}
let tmp: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "newsquiz-lock-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("PGlite data directory lock", () => {
  it("refuses a second opener, naming the directory and the process that holds it", async () => {
    const dir = path.join(tmp, "db");
    const sleeper = spawn("sleep", ["30"]);
    try {
      fs.writeFileSync(
        lockFileFor(dir),
        JSON.stringify({
          pid: sleeper.pid,
          host: os.hostname(),
          command: "next dev",
          since: "2026-01-01T00:00:00Z",
        }),
      );
      let error: unknown;
      try {
        acquireDataDirLock(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect((error as Error).message).toContain(dir);
      expect((error as Error).message).toContain(`pid ${sleeper.pid}`);
      expect((error as Error).message).toContain("next dev");
    } finally {
      sleeper.kill();
    }
  });

  it("recovers a stale lock left by a process that died", async () => {
    const dir = path.join(tmp, "db");
    const dead = spawn("true");
    await new Promise((resolve) => dead.on("exit", resolve));
    fs.writeFileSync(
      lockFileFor(dir),
      JSON.stringify({ pid: dead.pid, host: os.hostname(), command: "crashed" }),
    );
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.file, "utf8")).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
  });

  it("lets exactly one of two processes starting together take over a stale lock, 25 times in a row", async () => {
    const dir = path.join(tmp, "db");
    const racers = [racer(dir), racer(dir)];
    try {
      await Promise.all(racers.map((r) => r.next()));
      const dead = spawn("true");
      await new Promise((resolve) => dead.on("exit", resolve));
      const winners: number[] = [];
      for (let round = 0; round < 25; round++) {
        fs.writeFileSync(
          lockFileFor(dir),
          JSON.stringify({ pid: dead.pid, host: os.hostname(), command: "crashed", since: `round ${round}` }),
        );
        const at = Date.now() + 30;
        for (const r of racers) r.send(`go ${at}`);
        const answers = await Promise.all(racers.map((r) => r.next()));
        winners.push(answers.filter((a) => a === "got").length);
        expect(answers.filter((a) => a !== "got").every((a) => a === "refused DataDirLockedError")).toBe(
          true,
        );
        for (const r of racers) r.send("release");
        await Promise.all(racers.map((r) => r.next()));
      }
      expect(winners).toEqual(Array(25).fill(1));
    } finally {
      for (const r of racers) r.send("exit");
    }
  }, 60_000);

  it("keeps a second process (a seed script beside the server) off the data, and loses nothing", async () => {
    const dir = path.join(tmp, "db");
    const database = await openPglite({ dir });
    await database.db.execute("create table notes (body text)");
    await database.db.execute("insert into notes values ('kept')");
    try {
      const result = await run("npx", ["tsx", "scripts/seed.ts"], {
        env: { ...process.env, PGLITE_DIR: dir, NODE_ENV: "development" },
        cwd: process.cwd(),
      }).then(
        () => ({ code: 0, stderr: "" }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `The embedded database at ${dir} is in use by another process (pid ${process.pid}`,
      );
      const rows = await database.db.execute("select body from notes");
      expect((rows as unknown as { rows: unknown[] }).rows).toEqual([{ body: "kept" }]);
    } finally {
      await database.close();
    }
    expect(fs.existsSync(lockFileFor(dir))).toBe(false);
  }, 60_000);
});
