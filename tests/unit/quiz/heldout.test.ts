import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeArticle, generateQuiz } from "@/lib/quiz";

/**
 * The held-out fixtures (tests/fixtures/README.md): invented articles with hand-made gold,
 * written blind to the analyser. Scored the way ../shared/eval/score.py scores the dev set (a
 * prediction matches a gold quote when it contains the gold start's first six words; the speaker
 * matches by name or alias), as a guard against regressions in generalisation. Thresholds sit a
 * little below today's figures; see lib/quiz/README.md for the measured ones.
 */

type GoldQuote = {
  start: string;
  speaker: string;
  kind: string;
  optional?: boolean;
  minor?: boolean;
  alt_speakers?: string[];
};
type Gold = {
  source: string;
  speakers: { name: string; aliases?: string[] }[];
  quotes: GoldQuote[];
  systems: { name: string; aliases?: string[]; status: string; other_status?: string; doubtful?: boolean }[];
};

const tokens = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .match(/[a-z0-9']+/g) ?? [];
const contains = (hay: string[], needle: string[]) => {
  if (!needle.length) return false;
  for (let i = 0; i + needle.length <= hay.length; i++)
    if (needle.every((w, k) => hay[i + k] === w)) return true;
  return false;
};
const quoteMatch = (pred: string, gold: string) => {
  const p = tokens(pred);
  const g = tokens(gold);
  if (!p.length || !g.length) return false;
  if (contains(p, g.slice(0, Math.min(6, g.length)))) return true;
  const k = Math.min(5, p.length);
  return k >= 3 && contains(g, p.slice(0, k));
};
const speakerOk = (pred: string, gq: GoldQuote, gold: Gold) => {
  const names = new Set<string>();
  for (const who of [gq.speaker, ...(gq.alt_speakers ?? [])]) {
    names.add(who);
    for (const s of gold.speakers) if (s.name === who) (s.aliases ?? []).forEach((a) => names.add(a));
  }
  const pn = tokens(pred).filter((t) => !/^(?:the|a|an)$/.test(t));
  return [...names].some((c) => {
    const cn = tokens(c).filter((t) => !/^(?:the|a|an)$/.test(t));
    if (!cn.length) return false;
    if (pn.join(" ") === cn.join(" ")) return true;
    return (
      (contains(cn, pn) || contains(pn, cn)) && (pn.length > 1 || pn[pn.length - 1] === cn[cn.length - 1])
    );
  });
};

const dir = "tests/fixtures";
const heldout = readdirSync(`${dir}/gold`)
  .map((f) => ({
    id: f.replace(/\.json$/, ""),
    gold: JSON.parse(readFileSync(`${dir}/gold/${f}`, "utf8")) as Gold,
  }))
  .filter((x) => x.gold.source === "invented for tests");

describe("held-out fixture articles", () => {
  const totals = { direct: [0, 0], indirect: [0, 0], predicted: 0, spurious: 0, systems: [0, 0, 0] };
  for (const { id, gold } of heldout) {
    const a = analyzeArticle(readFileSync(`${dir}/articles/${id}.txt`, "utf8"));
    const used = new Set<number>();
    const order = [...gold.quotes].sort(
      (x, y) =>
        Number(!!(x.optional || x.minor)) - Number(!!(y.optional || y.minor)) ||
        tokens(y.start).length - tokens(x.start).length,
    );
    for (const g of order) {
      const hit = a.quotes.findIndex((q, i) => !used.has(i) && quoteMatch(q.text, g.start));
      if (hit >= 0) used.add(hit);
      if (g.optional || g.minor) continue;
      const row = g.kind === "indirect" ? totals.indirect : totals.direct;
      row[0]!++;
      if (hit >= 0 && speakerOk(a.quotes[hit]!.speaker, g, gold)) row[1]!++;
    }
    totals.predicted += a.quotes.length;
    totals.spurious += a.quotes.length - used.size;
    for (const s of gold.systems.filter((x) => !x.doubtful)) {
      totals.systems[0]!++;
      const forms = [s.name, ...(s.aliases ?? [])].map(tokens);
      const hit = a.systems.find((p) =>
        forms.some((f) => contains(tokens(p.name), f) || contains(f, tokens(p.name))),
      );
      if (hit) totals.systems[1]!++;
      if (hit && (hit.status === s.status || hit.status === s.other_status)) totals.systems[2]!++;
    }
  }
  const pct = (a: number, b: number) => (b ? (100 * a) / b : 100);

  it("finds the direct quotes with the right speaker", () => {
    expect(pct(totals.direct[1]!, totals.direct[0]!)).toBeGreaterThanOrEqual(93);
  });
  it("finds the reported statements with the right speaker", () => {
    expect(pct(totals.indirect[1]!, totals.indirect[0]!)).toBeGreaterThanOrEqual(75);
  });
  it("predicts few statements that are not in the gold", () => {
    expect(pct(totals.predicted - totals.spurious, totals.predicted)).toBeGreaterThanOrEqual(97);
  });
  it("writes a quiz for every held-out article with attribution questions in it", () => {
    for (const { id } of heldout) {
      const a = analyzeArticle(readFileSync(`${dir}/articles/${id}.txt`, "utf8"));
      const quiz = generateQuiz(a, { seed: 1, count: 10 });
      expect(quiz.questions.length, id).toBe(10);
      expect(
        quiz.questions.some((q) => q.skill === "attribution"),
        id,
      ).toBe(true);
    }
  });
});
