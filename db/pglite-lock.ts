import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite has no lock of its own: two processes on one data directory silently
 * lose each other's writes. We keep a lock file beside the directory holding the
 * owner's pid, host and command line. A lock whose process is gone (a crash, a
 * kill -9) is stale and taken over; a live one is refused with a sentence that
 * says who holds it.
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
    const info = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<LockInfo>;
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

export function acquireDataDirLock(dir: string): DataDirLock {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const file = lockFileFor(dir);
  const me: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    command: process.argv.slice(1).join(" ").slice(0, 200) || "node",
    since: new Date().toISOString(),
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // "wx" fails if the file exists: creating it is the atomic test-and-set.
      fs.writeFileSync(file, JSON.stringify(me), { flag: "wx" });
      return { file, release: () => releaseIfOurs(file) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = readLock(file);
    if (holder && holder.pid === process.pid && holder.host === me.host) {
      // Already ours (a module reloaded in the same process).
      return { file, release: () => releaseIfOurs(file) };
    }
    const sameHost = holder?.host === me.host;
    if (holder && (!sameHost || isAlive(holder.pid))) throw new DataDirLockedError(dir, holder);
    // Stale or unreadable (a crash mid-write): remove it and try again. If two
    // processes race here, only one wins the "wx" create above.
    try {
      fs.unlinkSync(file);
    } catch {
      // someone else removed it first
    }
  }
  const holder = readLock(file);
  throw holder ? new DataDirLockedError(dir, holder) : new Error(`Could not lock ${dir}`);
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
