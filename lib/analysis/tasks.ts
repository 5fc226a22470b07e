import crypto from "node:crypto";
import { analyzeArticle, generateQuiz, GENERATOR_VERSION, prepareArticle, questionBank } from "@/lib/quiz";
import type { Analysis, Question } from "@/lib/quiz";
import { countWords } from "@/lib/articles/reading";
import { checkMarkup, type MarkupVerdict } from "./markup";

/**
 * The CPU-heavy work on articles, as plain functions of their input: reading
 * an upload (HTML extraction), analysing a body, its question bank and its
 * quizzes. They run in the analysis worker threads (lib/analysis/worker.ts),
 * so a slow input never holds up the server's request thread, or in-process
 * where no worker is wanted (ANALYSIS_WORKERS=0: scripts and most tests).
 * lib/quiz is called only through its public functions.
 */

/** The default quiz a review starts from: the same one a student gets on a first take. */
const DEFAULT_QUIZ = { seed: 1, count: 10 } as const;

export type BankSummary = {
  /** Every question the article supports, in the generator's bank order. */
  bank: Question[];
  /** The generator's default quiz (seed 1): what an untouched review assigns. */
  defaultQuiz: Question[];
  stats: { speakers: number; quotes: number; systems: number; defects: number };
};

export type PreparedUpload = {
  text: string;
  title: string | null;
  date: string | null;
  format: "text" | "html";
  words: number;
};

/** Bodies are cached by this key: the generator's version is part of it, so a new generator never reads an old bank. */
export function bodyKey(body: string): string {
  return `${GENERATOR_VERSION}:${crypto.createHash("sha256").update(body).digest("base64url")}`;
}

function summarize(analysis: Analysis): BankSummary {
  return {
    bank: questionBank(analysis),
    defaultQuiz: generateQuiz(analysis, DEFAULT_QUIZ).questions,
    stats: {
      speakers: analysis.speakers.length,
      quotes: analysis.quotes.length,
      systems: analysis.systems.length,
      defects: analysis.defects.length,
    },
  };
}

/** A few analyses kept per thread, so quizzes and banks of one article do not re-analyse it. */
const analyses = new Map<string, Analysis>();
const KEPT_ANALYSES = 8;

function analysisOf(body: string): Analysis {
  const key = bodyKey(body);
  const kept = analyses.get(key);
  if (kept) {
    analyses.delete(key);
    analyses.set(key, kept);
    return kept;
  }
  const analysis = analyzeArticle(body);
  analyses.set(key, analysis);
  while (analyses.size > KEPT_ANALYSES) analyses.delete(analyses.keys().next().value!);
  return analysis;
}

/** An upload refused before any DOM was built (markup.ts). */
export type MarkupRefusal = { verdict: Extract<MarkupVerdict, { ok: false }> };

export type Task =
  | { kind: "prepare-upload"; input: string }
  | { kind: "bank"; body: string }
  | { kind: "quiz"; body: string; seed: number; count: number };

export type TaskResult<T extends Task> = T extends { kind: "prepare-upload" }
  ? PreparedUpload | MarkupRefusal
  : T extends { kind: "bank" }
    ? BankSummary
    : Question[];

export function runTask(task: Task): PreparedUpload | MarkupRefusal | BankSummary | Question[] {
  switch (task.kind) {
    case "prepare-upload": {
      const verdict = checkMarkup(task.input);
      if (!verdict.ok) return { verdict };
      const prepared = prepareArticle(task.input);
      return {
        text: prepared.text,
        title: prepared.title,
        date: prepared.date,
        format: prepared.format,
        words: countWords(prepared.text),
      };
    }
    case "bank":
      return summarize(analysisOf(task.body));
    case "quiz":
      return generateQuiz(analysisOf(task.body), { seed: task.seed, count: task.count }).questions;
  }
}
