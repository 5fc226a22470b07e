import type { Span } from "@/lib/quiz/types";

type Segment = { text: string; highlighted: boolean; first: boolean };
export type ParagraphWithMarks = { key: number; segments: Segment[] };

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

/**
 * Splits a body into paragraphs (blank-line separated) with the highlighted
 * spans cut out as their own segments, keeping offsets into the whole body —
 * the same offsets the quiz generator gives as evidence.
 */
export function paragraphsWithHighlights(body: string, spans: Span[]): ParagraphWithMarks[] {
  const out: ParagraphWithMarks[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  let firstUsed = false;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const pStart = m.index;
    const pEnd = pStart + m[0].length;
    if (!m[0].trim()) continue;
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
    out.push({ key: pStart, segments });
  }
  return out;
}
