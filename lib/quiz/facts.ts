import { tokenAt, type Context } from "./context";
import { MONTHS, PLACES, WEEKDAYS } from "./lexicon";
import type { Fact } from "./types";

/**
 * Facts worth asking about, each tied to its sentence: numbers (with the noun they count),
 * dates, places and who-did-what (a named actor as the subject of a sentence). Defective
 * sentences yield no facts, so no question can rest on them.
 */

const NUMBER_WORD =
  "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens)";
const NUMBER_RE = new RegExp(
  `(?<![\\w$])(?:\\$\\s?)?(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s?(?:%|percent|per cent|million|billion|trillion))?|${NUMBER_WORD}(?:[- ]${NUMBER_WORD})*)(?![\\w])`,
  "g",
);
const MONTH_ALT = [...MONTHS].map((m) => m.replace(".", "\\.")).join("|");
const DATE_RE = new RegExp(
  `\\b(?:(?:${MONTH_ALT})(?:\\s+\\d{1,2}(?:,\\s+\\d{4})?|\\s+\\d{4})|(?:last|next|this)\\s+(?:week|month|year|${[...WEEKDAYS].join("|")})|(?:${[...WEEKDAYS].join("|")})|(?:in|since|by)\\s+(?:19|20)\\d{2})(?![\\w])`,
  "g",
);
const STOP_NOUNS = /^(of|the|a|an|and|or|to|in|on|at|for|with|by|from|that|who|which|is|are|was|were)$/i;

export function findFacts(
  ctx: Context,
  actors: { name: string; sentence: number; start: number; end: number }[],
): Fact[] {
  const out: Fact[] = [];
  for (const s of ctx.sentences) {
    // Captions, credits, bylines and headings are not the article's facts.
    if (s.defective || !s.prose) continue;
    const ev = { start: s.start, end: s.end };
    // Numbers inside direct quotes are the speaker's words, not the article's facts.
    const inQuoteMark = (pos: number) => (ctx.quoteOf[tokenAt(ctx, pos)] ?? -1) >= 0;
    for (const m of s.text.matchAll(NUMBER_RE)) {
      let v = m[0];
      const parts = v.split(/\s+/);
      const lastWord = parts[parts.length - 1] ?? "";
      if (parts.length > 1 && STOP_NOUNS.test(lastWord)) v = parts.slice(0, -1).join(" ");
      if (/^(one)$/i.test(v)) continue;
      // A bare year is a date, not a count; "G-7" and model numbers are names.
      if (
        /(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s*$/.test(
          s.text.slice(0, m.index!),
        )
      )
        continue;
      if (/^(19|20)\d{2}$/.test(v) || (/[-\w]$/.test(s.text.slice(0, m.index!)) && /^\d/.test(v))) continue;
      // Parts of times and dates ("9:30", "14 November") are not counts.
      const after = s.text.slice(m.index! + m[0].length, m.index! + m[0].length + 12);
      if (/^[:.]\d|^\s*(?:a\.m\.|p\.m\.|am\b|pm\b)/i.test(after) || /[:.]$/.test(s.text.slice(0, m.index!)))
        continue;
      if (
        /^\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)/.test(
          after,
        )
      )
        continue;
      const start = s.start + m.index!;
      if (inQuoteMark(start)) continue;
      out.push({
        kind: "number",
        value: v,
        span: { start, end: start + v.length },
        sentence: s.index,
        evidence: ev,
      });
    }
    for (const m of s.text.matchAll(DATE_RE)) {
      const start = s.start + m.index!;
      out.push({
        kind: "date",
        value: m[0],
        span: { start, end: start + m[0].length },
        sentence: s.index,
        evidence: ev,
      });
    }
    for (const m of s.text.matchAll(/\b\p{Lu}[\p{L}-]+\b/gu)) {
      if (!PLACES.has(m[0])) continue;
      if (/'s$/.test(s.text.slice(m.index!, m.index! + m[0].length + 2))) continue;
      const start = s.start + m.index!;
      out.push({
        kind: "place",
        value: m[0],
        span: { start, end: start + m[0].length },
        sentence: s.index,
        evidence: ev,
      });
    }
  }
  for (const a of actors) {
    const s = ctx.sentences[a.sentence];
    if (!s || s.defective || !s.prose) continue;
    out.push({
      kind: "who-did-what",
      value: a.name,
      actor: a.name,
      span: { start: a.start, end: a.end },
      sentence: a.sentence,
      evidence: { start: s.start, end: s.end },
    });
  }
  return out;
}
