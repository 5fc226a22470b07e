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
  /** False inside captions, credits, bylines, notes and headings: nothing there is speech. */
  prose: boolean;
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

// Speech verbs that make a single-quoted stretch a quotation ("'We will win,' she said").
const SINGLE_CUE =
  /^(said|says|say|told|tells|added|adds|insisted|insists|explained|explains|argued|argues|warned|warns|admitted|admits|declared|declares|stressed|stresses|noted|notes|claimed|claims|replied|replies|joked|jokes|recalled|recalls|conceded|concedes|asked|asks|continued|continues|wrote|writes)$/;

/**
 * Quotations in single marks ("'We will win,' she said." / "She said: 'We will win.'"). An
 * opening mark follows a space or the paragraph start and precedes a letter (so "'90s" is not
 * one); the closing mark follows , . ? or ! and precedes a space, punctuation or the paragraph
 * end (so "don't", "Russia's" and "players' union" are apostrophes). The pair only counts with a
 * speech verb adjacent: within four words after the closing mark, or right before the opening one.
 */
function singleQuoteSpeech(text: string, p: Span & { index: number }): QuoteMark[] {
  const out: QuoteMark[] = [];
  for (let i = text.indexOf("'", p.start); i >= 0 && i < p.end; i = text.indexOf("'", i + 1)) {
    const before = i > p.start ? text[i - 1]! : "";
    if (!(before === "" || /[\s(\u2014]/.test(before)) || !/\p{L}/u.test(text[i + 1] ?? "")) continue;
    let close = -1;
    for (let c = text.indexOf("'", i + 1); c >= 0 && c < p.end && c - i < 800; c = text.indexOf("'", c + 1)) {
      if (/[,.?!]/.test(text[c - 1]!) && (c + 1 === p.end || /[\s)\u2014;:]/.test(text[c + 1]!))) {
        close = c;
        break;
      }
    }
    if (close < 0 || text.slice(i, close).includes('"')) continue;
    const after = text.slice(close + 1, Math.min(p.end, close + 60)).split(/[.;:!?]/)[0]!;
    const cueAfter = after
      .trim()
      .split(/\s+/)
      .slice(0, 4)
      .some((w) => SINGLE_CUE.test(w));
    const lead = text.slice(Math.max(p.start, i - 40), i);
    const cueBefore = /\b(said|says|told \w+|added|insisted|explained|warned|declared|wrote)[,:]?\s*$/.test(
      lead,
    );
    // A second quotation of the same paragraph continues the cued one ("'...,' Lane said. '...'").
    const continues =
      out.length > 0 && /^[^'"]{0,80}[.!?]\s+$/.test(text.slice(out[out.length - 1]!.close + 1, i));
    if (!cueAfter && !cueBefore && !continues) continue;
    out.push({ open: i, close, inner: { start: i + 1, end: close }, paragraph: p.index, openEnded: false });
    i = close;
  }
  return out;
}

/**
 * Pairs straight double quotes within each paragraph. The direction of a mark is read from its
 * neighbours (space before: opening; space or punctuation after: closing); when a paragraph
 * ends with a quote still open, the quote is marked open-ended (news style for a quotation
 * that continues in the next paragraph, which then opens with a new mark and no closing one).
 */
export function findQuoteMarks(text: string, paragraphs: (Span & { index: number })[]): QuoteMark[] {
  const out: QuoteMark[] = [];
  for (const p of paragraphs) {
    const first = out.length;
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
    // British-style speech in single marks, only when clearly speech; never inside a double quote.
    const doubles = out.slice(first);
    for (const m of singleQuoteSpeech(text, p)) {
      if (doubles.some((d) => m.open < d.close && d.open < m.close)) continue;
      out.push(m);
    }
    if (out.length - first > doubles.length) {
      const mine = out.splice(first).sort((a, b) => a.open - b.open);
      out.push(...mine);
    }
  }
  return out;
}

export function buildContext(
  text: string,
  sentences: (Span & { index: number; paragraph: number; defective: boolean; prose?: boolean })[],
  marks: QuoteMark[],
  tokens: Token[] = tokenize(text),
): Context {
  const infos: SentenceInfo[] = [];
  let t = 0;
  for (const s of sentences) {
    while (t < tokens.length && tokens[t]!.start < s.start) t++;
    let t0 = t;
    while (t < tokens.length && tokens[t]!.start < s.end) t++;
    // A dateline ("LONDON —", "NEW YORK (AP) —") is not part of the sentence's grammar.
    const dash = datelineEnd(tokens, t0, t);
    if (dash > t0) t0 = dash;
    infos.push({ ...s, prose: s.prose ?? true, text: text.slice(s.start, s.end), t0, t1: t });
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

/** The token after a dateline that opens a sentence ("LONDON —", "NEW YORK (AP) —"), or -1. */
function datelineEnd(tokens: Token[], t0: number, t1: number): number {
  let k = t0;
  let caps = 0;
  while (k < t1 && k < t0 + 6 && tokens[k]!.word && /^\p{Lu}[\p{Lu}.'-]+$/u.test(tokens[k]!.text)) {
    k++;
    caps++;
  }
  if (!caps) return -1;
  if (tokens[k]?.text === "," && k + 1 < t1 && tokens[k + 1]!.word && /^\p{Lu}/u.test(tokens[k + 1]!.text)) {
    // "KYIV, Ukraine —"
    k += 2;
    while (k < t1 && tokens[k]!.word && /^\p{Lu}/u.test(tokens[k]!.text) && k < t0 + 9) k++;
  }
  if (tokens[k]?.text === "(") {
    while (k < t1 && tokens[k]!.text !== ")" && k < t0 + 12) k++;
    k++;
  }
  return k < t1 && /^(?:\u2014|-|\u2013)$/.test(tokens[k]!.text) && k + 1 < t1 ? k + 1 : -1;
}
