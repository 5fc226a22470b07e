/**
 * One contender for the PGlite lock, driven over stdin by
 * tests/integration/pglite-lock.test.ts: "go <epoch ms>" spins until that
 * instant (so two contenders start within microseconds of each other) and
 * tries the lock; "release" lets it go. Each answer is one line on stdout.
 */
import readline from "node:readline";
import { acquireDataDirLock, type DataDirLock } from "@/db/pglite-lock";

const dir = process.argv[2]!;
let held: DataDirLock | undefined;

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const [command, at] = line.split(" ");
  if (command === "go") {
    const start = Number(at);
    while (performance.timeOrigin + performance.now() < start) {
      // spin: a timer is too coarse to line two processes up
    }
    try {
      held = acquireDataDirLock(dir);
      process.stdout.write("got\n");
    } catch (e) {
      process.stdout.write(`refused ${(e as Error).name}\n`);
    }
  } else if (command === "release") {
    held?.release();
    held = undefined;
    process.stdout.write("released\n");
  } else if (command === "exit") {
    process.exit(0);
  }
});
process.stdout.write("ready\n");
