import { tokenize, type Token } from "./tokens";
import type { Span } from "./types";

/** A double-quoted stretch of one paragraph. */
export type QuoteMark = {
  /** Offsets of the opening mark and of the closing mark (or of the paragraph end when open-ended). */
  open: number;
  close: number;
  inner: Span;
  paragraph: number;
  /** No closing mark before the paragraph ended: by convention the quote goes on in the next paragraph. */
  openEnded: boolean;
};

export type SentenceInfo = Span & {
  index: number;
  paragraph: number;
  text: string;
  t0: number;
  t1: number;
  defective: boolean;
};

/** Shared, precomputed view of the article used by every analysis step. */
export type Context = {
  text: string;
  tokens: Token[];
  sentences: SentenceInfo[];
  marks: QuoteMark[];
  /** For each token: index into `marks` when the token lies inside a quote, else -1. */
  quoteOf: Int32Array;
};

const OPEN_BEFORE = /[\s([{\u2014\-\/]|^$/;

/**
 * Pairs straight double quotes within each paragraph. The direction of a mark is read from its
 * neighbours (space before: opening; space or punctuation after: closing); when a paragraph
 * ends with a quote still open, the quote is marked open-ended (news style for a quotation
 * that continues in the next paragraph, which then opens with a new mark and no closing one).
 */
export function findQuoteMarks(text: string, paragraphs: (Span & { index: number })[]): QuoteMark[] {
  const out: QuoteMark[] = [];
  for (const p of paragraphs) {
    let open = -1;
    for (let i = p.start; i < p.end; i++) {
      if (text[i] !== '"') continue;
      if (open < 0) {
        const before = i > p.start ? text[i - 1]! : "";
        const after = text[i + 1] ?? "";
        // A lone mark glued to a word on the left and followed by space closes a quote that
        // never opened here: ignore it rather than invert every later pair.
        if (!OPEN_BEFORE.test(before) && (/\s/.test(after) || i + 1 === p.end)) continue;
        open = i;
      } else {
        out.push({
          open,
          close: i,
          inner: { start: open + 1, end: i },
          paragraph: p.index,
          openEnded: false,
        });
        open = -1;
      }
    }
    if (open >= 0)
      out.push({
        open,
        close: p.end,
        inner: { start: open + 1, end: p.end },
        paragraph: p.index,
        openEnded: true,
      });
  }
  return out;
}

export function buildContext(
  text: string,
  sentences: (Span & { index: number; paragraph: number; defective: boolean })[],
  marks: QuoteMark[],
): Context {
  const tokens = tokenize(text);
  const infos: SentenceInfo[] = [];
  let t = 0;
  for (const s of sentences) {
    while (t < tokens.length && tokens[t]!.start < s.start) t++;
    const t0 = t;
    while (t < tokens.length && tokens[t]!.start < s.end) t++;
    infos.push({ ...s, text: text.slice(s.start, s.end), t0, t1: t });
  }
  const quoteOf = new Int32Array(tokens.length).fill(-1);
  let k = 0;
  for (let m = 0; m < marks.length; m++) {
    const mk = marks[m]!;
    while (k < tokens.length && tokens[k]!.start < mk.inner.start) k++;
    let j = k;
    while (j < tokens.length && tokens[j]!.start < mk.inner.end) quoteOf[j++] = m;
  }
  return { text, tokens, sentences: infos, marks, quoteOf };
}

/** Index of the sentence containing offset `pos` (binary search). */
export function sentenceAt(ctx: Context, pos: number): number {
  let lo = 0;
  let hi = ctx.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.sentences[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the first token starting at or after `pos`. */
export function tokenAt(ctx: Context, pos: number): number {
  let lo = 0;
  let hi = ctx.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.tokens[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
