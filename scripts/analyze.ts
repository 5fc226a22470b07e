import { readFileSync } from "node:fs";
import { analyzeArticle } from "@/lib/quiz";

const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
if (!file) {
  process.stderr.write("usage: npm run --silent analyze -- <file.txt|file.html>\n");
  process.exit(2);
}
let input: string;
try {
  input = readFileSync(file, "utf8");
} catch (e) {
  process.stderr.write(`analyze: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? "error"}\n`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(analyzeArticle(input), null, 1) + "\n");
