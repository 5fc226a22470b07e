/**
 * How much work an HTML upload would make, measured before any DOM is built.
 * linkedom and Readability cost grows with the square of the nesting (10,000
 * unclosed <div>s, 55 KB, took 9 s; 58,000 took ten minutes), so markup past
 * these limits is refused with a sentence instead of parsed. The third limit
 * is the one the cost follows: Readability reads each element's text, so the
 * work grows with the sum of every element's depth ("element levels"; 127
 * open <div>s around 19,800 <span>s, within the other two limits, took 11 s).
 * Real pages, even heavy ones, stay far below: a long news page has a few
 * thousand elements, nested 15 to 40 deep. What passes is still read within
 * a time budget (lib/analysis/index.ts).
 */
export const MARKUP_LIMITS = { maxElements: 20_000, maxDepth: 128, maxElementLevels: 400_000 } as const;

/** Elements that never have children. */
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
  "keygen",
]);

/** Elements the parser closes by itself when a sibling starts: they never nest without limit. */
const SELF_CLOSING_SIBLINGS = new Set([
  "p",
  "li",
  "dt",
  "dd",
  "option",
  "optgroup",
  "tr",
  "td",
  "th",
  "thead",
  "tbody",
  "tfoot",
  "rt",
  "rp",
  "colgroup",
  "caption",
  "html",
  "head",
  "body",
]);

export type MarkupSize = { elements: number; maxDepth: number; elementLevels: number };

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameChar = (c: number) => isLetter(c) || (c >= 48 && c <= 57) || c === 45 || c === 58;

/**
 * Counts start tags and the deepest nesting a parser could build from them,
 * in one linear pass (every search moves forward, none rescans: a regex
 * here backtracks to the end of the text for each unclosed "<"). It errs on
 * the side of counting more (tags inside scripts count too), never less.
 */
export function measureMarkup(input: string): MarkupSize {
  const n = input.length;
  let elements = 0;
  let depth = 0;
  let maxDepth = 0;
  let elementLevels = 0;
  let nextGt = -1;
  let i = 0;
  while (i < n) {
    const lt = input.indexOf("<", i);
    if (lt < 0) break;
    if (input.startsWith("<!--", lt)) {
      const end = input.indexOf("-->", lt + 4);
      if (end < 0) break; // the rest is one comment
      i = end + 3;
      continue;
    }
    let j = lt + 1;
    const closing = input.charCodeAt(j) === 47; // "/"
    if (closing) j++;
    if (!isLetter(input.charCodeAt(j))) {
      i = lt + 1;
      continue;
    }
    let k = j + 1;
    while (k < n && isNameChar(input.charCodeAt(k))) k++;
    if (nextGt < k) nextGt = input.indexOf(">", k);
    if (nextGt < 0) break; // no tag can be complete from here on
    const name = input.slice(j, k).toLowerCase();
    const selfClosed = input.charCodeAt(nextGt - 1) === 47;
    i = nextGt + 1;
    if (VOID.has(name) || SELF_CLOSING_SIBLINGS.has(name)) {
      if (!closing) {
        elements++;
        elementLevels += depth + 1;
      }
      continue;
    }
    if (closing) {
      if (depth > 0) depth--;
      continue;
    }
    elements++;
    elementLevels += depth + 1;
    if (selfClosed) continue;
    depth++;
    if (depth > maxDepth) maxDepth = depth;
  }
  return { elements, maxDepth, elementLevels };
}

export type MarkupVerdict =
  { ok: true } | { ok: false; reason: "too-many-elements" | "too-deep" | "too-complex"; size: MarkupSize };

export function checkMarkup(input: string): MarkupVerdict {
  const size = measureMarkup(input);
  if (size.maxDepth > MARKUP_LIMITS.maxDepth) return { ok: false, reason: "too-deep", size };
  if (size.elements > MARKUP_LIMITS.maxElements) return { ok: false, reason: "too-many-elements", size };
  if (size.elementLevels > MARKUP_LIMITS.maxElementLevels) return { ok: false, reason: "too-complex", size };
  return { ok: true };
}
