import { MONTH_ABBREVIATIONS, NON_NAME_CAPITALS, TITLE_ABBREVIATIONS } from "./lexicon";
import type { Paragraph, Span } from "./types";

/**
 * Sentence splitting uses Intl.Segmenter (built into Node, no model to ship, handles quotes
 * and "?!" correctly) and then repairs the splits it makes after abbreviations, which it
 * cannot know: titles ("Dr. Smith"), months before a day ("Sept. 30"), initials ("J. Smith")
 * and dotted acronyms before a capitalised word that is not a sentence opener ("U.S. Army").
 */
const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

function shouldJoin(prev: string, next: string): boolean {
  const m = /([\p{L}.]+)\.["')\]]?\s*$/u.exec(prev);
  if (!m) return false;
  const last = (m[1] ?? "").split(/\s+/).pop() ?? "";
  const nextWord = /^["'(\[]?([\p{L}\p{N}][\p{L}\p{N}'-]*)/u.exec(next)?.[1] ?? "";
  if (!nextWord) return false;
  if (TITLE_ABBREVIATIONS.has(last)) return true;
  if (MONTH_ABBREVIATIONS.has(last) && /^\d/.test(nextWord)) return true;
  if (/^\p{Lu}$/u.test(last) && /^\p{Lu}/u.test(nextWord)) return true; // "J. R. Smith"
  if (/^(\p{L}\.)+\p{L}$/u.test(last) || /^(?:Corp|Inc|Co|Ltd|No)$/.test(last)) {
    if (/^\p{Ll}/u.test(nextWord) || /^\d/.test(nextWord)) return true;
    if (/^\p{Lu}/u.test(nextWord) && !NON_NAME_CAPITALS.has(nextWord)) return /^(\p{L}\.)+\p{L}$/u.test(last);
  }
  return false;
}

/** Sentences of each paragraph as spans into `text`, trimmed of surrounding whitespace. */
export function splitSentences(text: string, paragraphs: Paragraph[]): (Span & { paragraph: number })[] {
  const out: (Span & { paragraph: number })[] = [];
  for (const p of paragraphs) {
    const body = text.slice(p.start, p.end);
    const pieces: Span[] = [];
    for (const seg of segmenter.segment(body)) {
      const start = p.start + seg.index;
      const end = start + seg.segment.length;
      const prev = pieces[pieces.length - 1];
      if (prev && shouldJoin(text.slice(prev.start, prev.end), seg.segment)) prev.end = end;
      else pieces.push({ start, end });
    }
    for (const s of pieces) {
      let { start, end } = s;
      while (start < end && /\s/.test(text[start] ?? "")) start++;
      while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
      if (end > start) out.push({ start, end, paragraph: p.index });
    }
  }
  return out;
}

export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length && text.length > 0) {
    const at = text.indexOf("\n\n", start);
    const end = at === -1 ? text.length : at;
    if (end > start) out.push({ start, end, index: index++, kind: "prose" });
    if (at === -1) break;
    start = at + 2;
  }
  return out;
}
