import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "@/lib/quiz";

const ARTICLE = "content/articles/us-allies-weapons-ukraine-2022-10-12.txt";
const GOLD = "tests/fixtures/gold/us-allies-weapons-ukraine-2022-10-12.json";

type GoldQuote = { kind: "direct" | "indirect"; speaker: string; text: string };
type GoldSpeaker = { name: string; aliases: string[]; role: string | null };
type GoldSystem = { name: string; aliases: string[]; status: string; category: string };
const gold = JSON.parse(readFileSync(GOLD, "utf8")) as {
  quotes: GoldQuote[];
  speakers: GoldSpeaker[];
  systems: GoldSystem[];
};
const analysis = analyzeArticle(readFileSync(ARTICLE, "utf8"));

// Same matching idea as the official scorer: first tokens of the gold quote inside the prediction.
const toks = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .match(/[a-z0-9']+/g) ?? [];
const contains = (hay: string[], needle: string[]) =>
  needle.length > 0 && hay.some((_, i) => needle.every((w, k) => hay[i + k] === w));
const quoteMatch = (pred: string, g: string) => contains(toks(pred), toks(g).slice(0, 6));
const names = (canonical: string) => {
  const s = gold.speakers.find((x) => x.name === canonical);
  return [canonical, ...(s?.aliases ?? [])].map((n) =>
    toks(n).filter((t) => !["the", "a", "an"].includes(t)),
  );
};
const speakerOk = (pred: string, canonical: string) => {
  const p = toks(pred).filter((t) => !["the", "a", "an"].includes(t));
  return names(canonical).some(
    (c) =>
      c.join(" ") === p.join(" ") ||
      (p.length > 1 && (contains(c, p) || contains(p, c))) ||
      (p.length === 1 && p[0] === c[c.length - 1]),
  );
};

function prf(kind: "direct" | "indirect") {
  const g = gold.quotes.filter((q) => q.kind === kind);
  const p = analysis.quotes.filter((q) => q.kind === kind);
  const used = new Set<number>();
  let right = 0;
  for (const q of g) {
    const i = p.findIndex((x, n) => !used.has(n) && quoteMatch(x.text, q.text));
    if (i >= 0) {
      used.add(i);
      if (speakerOk(p[i]!.speaker, q.speaker)) right++;
    }
  }
  return {
    kind,
    gold: g.length,
    predicted: p.length,
    correct: right,
    precision: p.length ? right / p.length : 1,
    recall: right / g.length,
  };
}

describe("shipped article against its gold annotation", () => {
  it("finds every direct and indirect quote with its speaker (precision and recall)", () => {
    const rows = [prf("direct"), prf("indirect")];
    console.table(
      rows.map((r) => ({ ...r, precision: r.precision.toFixed(2), recall: r.recall.toFixed(2) })),
    );
    for (const r of rows) {
      expect(r.recall).toBeGreaterThanOrEqual(0.95);
      expect(r.precision).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("finds every system with the status the article gives it", () => {
    let found = 0;
    let status = 0;
    for (const g of gold.systems) {
      const forms = [g.name, ...g.aliases].map(toks);
      const hit = analysis.systems.find((s) =>
        forms.some((f) => contains(toks(s.name), f) || contains(f, toks(s.name))),
      );
      if (hit) {
        found++;
        if (hit.status === g.status) status++;
      }
    }
    console.table([
      { systems: gold.systems.length, found, status, recall: (found / gold.systems.length).toFixed(2) },
    ]);
    expect(found).toBe(gold.systems.length);
    expect(status).toBe(gold.systems.length);
  });

  it("gives the categories of the named systems", () => {
    const cat = (n: string) => analysis.systems.find((s) => s.name === n)?.category ?? "";
    expect(cat("Javelin")).toMatch(/anti-tank/);
    expect(cat("Stinger")).toMatch(/anti-aircraft|air defense/);
    expect(cat("HIMARS")).toMatch(/rocket|artillery/);
    expect(cat("NASAMS")).toMatch(/air defense/);
    expect(cat("Abrams")).toMatch(/tank/);
    expect(cat("Leopard")).toMatch(/tank/);
  });

  it("gives the roles of the six named people", () => {
    const role = (n: string) => analysis.speakers.find((s) => s.name === n)?.role ?? "";
    expect(role("Volodymyr Zelenskiy")).toMatch(/President/);
    expect(role("Joe Biden")).toMatch(/President/);
    expect(role("Vladimir Putin")).toMatch(/Russia/);
    expect(role("Samuel Charap")).toBe("senior political scientist at the RAND Corp.");
    expect(role("Jake Sullivan")).toMatch(/National Security Adviser/);
    expect(role("Jens Stoltenberg")).toMatch(/NATO Secretary General/);
  });

  it("flags the sentences that lost words upstream", () => {
    const bad = analysis.sentences.filter((s) => s.defective).map((s) => s.text);
    for (const frag of [
      "will push for",
      "The meetings in come",
      "Russia and .",
      "everything in get",
      "Officials from say",
    ]) {
      expect(bad.some((t) => t.includes(frag))).toBe(true);
    }
    expect(bad.length).toBeLessThanOrEqual(6);
  });

  it("treats the leading date line as metadata and keeps offsets on the normalised text", () => {
    expect(analysis.date).toBe("2022-10-12");
    expect(analysis.text.startsWith("Before Russia's February invasion")).toBe(true);
    for (const q of analysis.quotes)
      expect(analysis.text.slice(q.span.start, q.span.end)).toContain(q.text.slice(0, 10));
  });
});
