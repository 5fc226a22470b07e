import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { analyzeArticle, generateQuiz } from "@/lib/quiz";

// Median wall time to analyse the seed article and generate a quiz, and how it grows with a
// 10x and 100x longer text (the article repeated), to check the pipeline stays linear.
const base = readFileSync("content/articles/us-allies-weapons-ukraine-2022-10-12.txt", "utf8");
const body = base.replace(/^\s*date \S+\s*/, "");

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function run(input: string, reps: number) {
  for (let i = 0; i < Math.min(5, reps); i++) generateQuiz(analyzeArticle(input), { seed: i });
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    generateQuiz(analyzeArticle(input), { seed: i });
    times.push(performance.now() - t);
  }
  return median(times);
}

const rows = [1, 10, 100].map((x) => {
  const input = x === 1 ? base : `${base}\n\n${Array.from({ length: x - 1 }, () => body).join("\n\n")}`;
  const ms = run(input, x === 100 ? 7 : x === 10 ? 25 : 101);
  return { size: `${x}x`, chars: input.length, medianMs: Number(ms.toFixed(2)) };
});
// The development set, when its texts are on this machine (QUIZ_DEVSET, default /tmp/devset;
// ../shared/devset/README.md says how to make them): each article's median, then the median and
// the worst across articles, per 1,000 words.
const devDir = process.env.QUIZ_DEVSET ?? "/tmp/devset";
let devset: {
  articles: number;
  medianMs: number;
  worst: { id: string; ms: number; words: number };
  msPer1000Words: number;
} | null = null;
if (existsSync(devDir)) {
  const per = readdirSync(devDir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => {
      const text = readFileSync(path.join(devDir, f), "utf8");
      return { id: f.replace(/\.txt$/, ""), ms: run(text, 21), words: text.split(/\s+/).length };
    });
  if (per.length) {
    const worst = per.reduce((a, b) => (b.ms > a.ms ? b : a));
    devset = {
      articles: per.length,
      medianMs: Number(median(per.map((p) => p.ms)).toFixed(2)),
      worst: { ...worst, ms: Number(worst.ms.toFixed(2)) },
      msPer1000Words: Number(median(per.map((p) => (1000 * p.ms) / p.words)).toFixed(2)),
    };
    console.log(
      `development set (${per.length} articles): median ${devset.medianMs} ms, ${devset.msPer1000Words} ms per 1,000 words; worst ${worst.id} ${devset.worst.ms} ms (${worst.words} words)`,
    );
  }
}
const ratio10 = rows[1]!.medianMs / rows[0]!.medianMs;
const ratio100 = rows[2]!.medianMs / rows[0]!.medianMs;
console.table(rows);
console.log(`growth: 10x text -> ${ratio10.toFixed(1)}x time, 100x text -> ${ratio100.toFixed(1)}x time`);
mkdirSync("bench/results", { recursive: true });
writeFileSync(
  "bench/results/quiz.json",
  JSON.stringify(
    {
      node: process.version,
      rows,
      growth: { x10: Number(ratio10.toFixed(2)), x100: Number(ratio100.toFixed(2)) },
      devset,
      goalWarmMs: 10,
    },
    null,
    2,
  ) + "\n",
);
