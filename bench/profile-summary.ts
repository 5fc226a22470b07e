/**
 * `tsx bench/profile-summary.ts <file.cpuprofile> [top]`: where a V8 CPU
 * profile (from `BENCH_PROFILE=1 npm run bench`) spent its time, by package
 * (or app file) and by function, self time only. Further arguments are
 * function names whose inclusive time (with everything they call) is printed.
 */
import fs from "node:fs";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, topArg, ...inclusive] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]");
const top = Number(topArg ?? 25);
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function area(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)?.at(-1);
  if (pkg) return pkg.replace("node_modules/", "");
  if (url.includes("/.next/server/chunks/")) return "app bundle (.next/server/chunks)";
  if (url.startsWith("node:")) return "node internals";
  return url.replace(/^file:\/\/.*?\/wt-[^/]+\//, "");
}

const byArea = new Map<string, number>();
const byFn = new Map<string, number>();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const a = area(url, functionName);
  byArea.set(a, (byArea.get(a) ?? 0) + us);
  const key = `${functionName || "(anonymous)"} ${a}${url ? `:${lineNumber + 1}` : ""}`;
  byFn.set(key, (byFn.get(key) ?? 0) + us);
}
const show = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([k, us]) =>
      console.log(
        `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`,
      ),
    );
console.log(`total sampled ${(total / 1000).toFixed(0)} ms\n\nby area:`);
show(byArea);
console.log("\nby function:");
show(byFn);

if (inclusive.length > 0) {
  // Inclusive time of a function: its subtrees, not counted twice when it calls itself.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totalOf = new Map<number, number>();
  const visit = (id: number): number => {
    const n = byId.get(id)!;
    const t = (self.get(id) ?? 0) + (n.children ?? []).reduce((sum, c) => sum + visit(c), 0);
    totalOf.set(id, t);
    return t;
  };
  visit(profile.nodes[0]!.id);
  console.log("\ninclusive:");
  for (const name of inclusive) {
    let us = 0;
    for (const n of profile.nodes) {
      if (n.callFrame.functionName !== name) continue;
      let p = parent.get(n.id);
      let nested = false;
      while (p !== undefined && !nested) {
        nested = byId.get(p)!.callFrame.functionName === name;
        p = parent.get(p);
      }
      if (!nested) us += totalOf.get(n.id) ?? 0;
    }
    console.log(
      `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`,
    );
  }
}
