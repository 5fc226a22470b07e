import { readFileSync } from "node:fs";
import { analyzeArticle, explainBank, generateQuiz } from "@/lib/quiz";

function flag(name: string): number | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  const v = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.split("=")[1];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) {
    process.stderr.write(`quiz: ${name} needs a number\n`);
    process.exit(2);
  }
  return n;
}

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith("--") && !/^--(seed|count)$/.test(args[i - 1] ?? ""));
if (!file) {
  process.stderr.write("usage: npm run --silent quiz -- <file> [--seed N] [--count N] [--explain]\n");
  process.exit(2);
}
let input: string;
try {
  input = readFileSync(file, "utf8");
} catch (e) {
  process.stderr.write(`quiz: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? "error"}\n`);
  process.exit(2);
}
const analysis = analyzeArticle(input);
if (args.includes("--explain")) {
  // The bank and every candidate the gates dropped, with the reasons, for a person to read.
  const { kept, dropped } = explainBank(analysis);
  const lines = [`${kept.length} questions kept, ${dropped.length} candidates dropped`, ""];
  for (const d of dropped) lines.push(`DROPPED ${d.kind} [${d.reasons.join(", ")}]: ${d.prompt}`);
  process.stdout.write(lines.join("\n") + "\n");
} else {
  const quiz = generateQuiz(analysis, { seed: flag("--seed") ?? 1, count: flag("--count") ?? 10 });
  process.stdout.write(JSON.stringify(quiz, null, 1) + "\n");
}
