import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite has no lock of its own: two processes on one data directory silently
 * lose each other's writes. We keep a lock file beside the directory holding the
 * owner's pid, host and command line. A lock whose process is gone (a crash, a
 * kill -9) is stale and taken over, by one process only; a live one is refused
 * with a sentence that says who holds it.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database at ${dir} is in use by another process ` +
        `(pid ${holder.pid}${holder.host !== os.hostname() ? ` on ${holder.host}` : ""}: ${holder.command}, since ${holder.since}). ` +
        `Stop that process first, or point this one at another directory with PGLITE_DIR, ` +
        `or use a PostgreSQL server with DATABASE_URL.`,
    );
    this.name = "DataDirLockedError";
  }
}

export type LockInfo = { pid: number; host: string; command: string; since: string };

export type DataDirLock = { file: string; release(): void };

export function lockFileFor(dir: string): string {
  return path.join(path.dirname(dir), `${path.basename(dir)}.lock`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return parseLock(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function parseLock(text: string): LockInfo | null {
  try {
    const info = JSON.parse(text) as Partial<LockInfo>;
    if (typeof info.pid !== "number") return null;
    return {
      pid: info.pid,
      host: String(info.host ?? "unknown host"),
      command: String(info.command ?? "unknown command"),
      since: String(info.since ?? "unknown time"),
    };
  } catch {
    return null;
  }
}

/** How long a recovery may hold the takeover guard before another process may assume it crashed there. */
const TAKEOVER_STALE_MS = 10_000;

/**
 * Takes the lock, or throws DataDirLockedError naming the live holder.
 *
 * Creating the lock file with "wx" is the atomic test-and-set. A stale lock
 * (its process is gone) is taken over only by whoever holds the takeover
 * guard, another file created with "wx": inside it the lock is read again,
 * and replaced only if it is still the same stale one, by an atomic rename
 * of our own file over it. Two processes starting together after a crash
 * therefore never both remove a lock and both create one (unlinking and
 * recreating without the guard let the slower one delete the faster one's
 * fresh lock: both held it).
 */
export function acquireDataDirLock(dir: string): DataDirLock {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const file = lockFileFor(dir);
  const me: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    command: process.argv.slice(1).join(" ").slice(0, 200) || "node",
    since: new Date().toISOString(),
  };
  const held = { file, release: () => releaseIfOurs(file) };

  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: "wx" });
      return held;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    let seen: string;
    try {
      seen = fs.readFileSync(file, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") continue; // released meanwhile
      throw e;
    }
    const holder = parseLock(seen);
    if (holder && holder.pid === process.pid && holder.host === me.host) return held; // a module reloaded in this process
    if (holder && (holder.host !== me.host || isAlive(holder.pid))) throw new DataDirLockedError(dir, holder);
    if (holder === null && seen.length === 0 && attempt < 5) {
      // Created a moment ago and not yet written: give its owner a moment.
      pause(10);
      continue;
    }
    if (takeOver(file, seen, me)) return held;
    pause(5 + Math.floor(Math.random() * 20));
  }
  const holder = readLock(file);
  throw holder ? new DataDirLockedError(dir, holder) : new Error(`Could not lock ${dir}`);
}

/** Replaces the lock file with ours if it still holds exactly `stale`; false when someone else is recovering it. */
function takeOver(file: string, stale: string, me: LockInfo): boolean {
  const guard = `${file}.takeover`;
  try {
    fs.writeFileSync(guard, JSON.stringify({ pid: me.pid, host: me.host, at: Date.now() }), { flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    clearAbandonedGuard(guard);
    return false;
  }
  try {
    let current: string;
    try {
      current = fs.readFileSync(file, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return false; // released meanwhile: create it normally
      throw e;
    }
    if (current !== stale) return false; // someone took it over (or released and retook it) first
    const mine = `${file}.${me.pid}.${crypto.randomBytes(4).toString("hex")}`;
    fs.writeFileSync(mine, JSON.stringify(me), { flag: "wx" });
    fs.renameSync(mine, file);
    return true;
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

/**
 * A guard left by a process that died in the middle of a takeover (it holds
 * the guard for well under a millisecond) would block recovery for good:
 * once its owner is gone and it is old, it is removed.
 */
function clearAbandonedGuard(guard: string): void {
  try {
    const info = JSON.parse(fs.readFileSync(guard, "utf8")) as { pid?: number; host?: string; at?: number };
    const old = typeof info.at === "number" && Date.now() - info.at > TAKEOVER_STALE_MS;
    const gone = typeof info.pid === "number" && info.host === os.hostname() && !isAlive(info.pid);
    if (old && gone) fs.rmSync(guard, { force: true });
  } catch {
    // gone already, or being written this instant
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function releaseIfOurs(file: string): void {
  const holder = readLock(file);
  if (holder && holder.pid === process.pid) {
    try {
      fs.unlinkSync(file);
    } catch {
      // already gone
    }
  }
}
