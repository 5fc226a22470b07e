import { classifyBlocks } from "@/lib/quiz/blocks";
import { splitParagraphs } from "@/lib/quiz/sentences";
import type { BlockKind, Span } from "@/lib/quiz/types";

type Segment = { text: string; highlighted: boolean; first: boolean };
export type ParagraphWithMarks = {
  key: number;
  /** What the analyser read the paragraph as: only prose is the article speaking. */
  kind: BlockKind;
  /** A Markdown heading's level ("###" is 3); null for anything else. */
  level: number | null;
  segments: Segment[];
};

/** Reads `?highlight=120-180,300-340` into spans, ignoring anything malformed. */
export function parseHighlight(value: unknown, textLength: number): Span[] {
  if (typeof value !== "string" || value.length > 200) return [];
  return value
    .split(",")
    .slice(0, 5)
    .map((part) => part.split("-").map(Number))
    .filter((p): p is [number, number] => p.length === 2 && p.every(Number.isInteger))
    .map(([start, end]) => ({ start: Math.max(0, start), end: Math.min(textLength, end) }))
    .filter((s) => s.end > s.start);
}

/** "### Who are they?": the hashes are Markdown, not words (the analyser reads the line as a heading too). */
const MARKDOWN_HEADING = /^(#{1,6})[ \t]+/;

/**
 * Splits a body into its paragraphs, as the analyser does (lib/quiz: blank
 * lines, then each paragraph's kind: prose, heading, caption, credit, byline
 * or note), with the highlighted spans cut out as their own segments, keeping
 * offsets into the whole body: the same offsets the quiz generator gives as
 * evidence. A Markdown heading's hashes are left out of its text and give its
 * level (1 for "#").
 */
export function paragraphsWithHighlights(body: string, spans: Span[]): ParagraphWithMarks[] {
  const out: ParagraphWithMarks[] = [];
  const paragraphs = splitParagraphs(body);
  classifyBlocks(body, paragraphs);
  let firstUsed = false;
  for (const p of paragraphs) {
    let pStart = p.start;
    let pEnd = p.end;
    while (pStart < pEnd && /\s/.test(body[pStart]!)) pStart++;
    while (pEnd > pStart && /\s/.test(body[pEnd - 1]!)) pEnd--;
    if (pEnd <= pStart) continue;
    const key = pStart;
    const marker = p.kind === "heading" ? MARKDOWN_HEADING.exec(body.slice(pStart, pEnd)) : null;
    if (marker) pStart += marker[0].length;
    const cuts = spans
      .filter((s) => s.start < pEnd && s.end > pStart)
      .map((s) => ({ start: Math.max(s.start, pStart), end: Math.min(s.end, pEnd) }))
      .sort((a, b) => a.start - b.start);
    const segments: Segment[] = [];
    let at = pStart;
    for (const c of cuts) {
      if (c.start < at) continue;
      if (c.start > at) segments.push({ text: body.slice(at, c.start), highlighted: false, first: false });
      segments.push({ text: body.slice(c.start, c.end), highlighted: true, first: !firstUsed });
      firstUsed = true;
      at = c.end;
    }
    if (at < pEnd) segments.push({ text: body.slice(at, pEnd), highlighted: false, first: false });
    out.push({ key, kind: p.kind, level: marker ? marker[1]!.length : null, segments });
  }
  return out;
}
