/**
 * `npm run dev`: checks that no other process holds the embedded database,
 * then starts `next dev`. The server itself migrates, loads the articles and
 * prints the demo accounts when it starts.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { lockFileFor } from "@/db/pglite-lock";
import { databaseTarget } from "@/lib/env";

const target = databaseTarget();
if (target.driver === "pglite" && fs.existsSync(lockFileFor(target.dir))) {
  try {
    const holder = JSON.parse(fs.readFileSync(lockFileFor(target.dir), "utf8")) as {
      pid: number;
      command: string;
    };
    process.kill(holder.pid, 0);
    console.error(
      `The embedded database at ${target.dir} is in use by another process (pid ${holder.pid}: ${holder.command}).\n` +
        `Is \`npm run dev\` already running? Stop it first, or set PGLITE_DIR to use another directory.`,
    );
    process.exit(1);
  } catch {
    // stale lock: the server will recover it
  }
}

const child = spawn("next", ["dev", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  shell: process.platform === "win32",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
