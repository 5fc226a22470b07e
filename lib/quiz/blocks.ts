import type { BlockKind, Paragraph } from "./types";

/**
 * What each paragraph is. A pasted page keeps its captions, photo credits, bylines, author notes,
 * promotional lines and sub-headings among the paragraphs; none of them is the article speaking,
 * so none may yield a quote, a speaker or a question. The signals are typographic and formulaic
 * (credit patterns, "By ...", "contributed to this report", a line without closing punctuation),
 * never the names of any outlet's people.
 */

const MEDIA_MARKER =
  /^(?:image|images|photo|photos|photograph|picture|video|videos|illustration|graphic|gallery|advertisement|ad|audio|listen|watch|play video|close|expand|enlarge this image|hide caption|toggle caption|view gallery)\b[\s:.)\]-]*(?:\d+\s*(?:of\s*\d+)?)?$/i;

// "Photo: Jane Roe/AP", "Credit: ...", "Image source, Getty Images", "Photograph: ... for The Guardian".
const CREDIT_LEAD =
  /^(?:(?:photo|image|picture|video|photograph|illustration|graphic|cover|header|lead|top|main)s?(?:\s+(?:credit|source|by|courtesy))?|credits?|courtesy(?:\s+of)?|source|(?:photo|image)\s+illustration)\s*(?:[:|,\u2014-]|\bby\b)/i;
const CREDIT_WORDS =
  /\b(?:getty images|ap photo|afp(?: via getty)?|reuters|associated press|shutterstock|bloomberg(?: via getty)?|epa(?:-efe)?|anadolu|pool photo|file photo|courtesy of|for the [A-Z][\w ]+)\b/i;
// A credit in parentheses closing a caption: "(Jane Roe/AFP/Getty Images)", "(Reuters)", "(AP Photo)".
const TRAILING_CREDIT =
  /\((?:[^()]{0,80}\/[^()]{1,80}|reuters|ap|afp|getty images|ap photo|file|file photo|pool|handout|courtesy[^()]{0,60}|[^()]{0,60}(?:photo|images?|via getty)[^()]{0,40})\)\s*$/i;
// "A shopper walks past ... in Chicago. Photograph: Jamie Keller/Getty Images": a credit closing a caption.
const CLOSING_CREDIT =
  /[.!?)]\s+(?:photograph|photo|image|picture|credit|illustration|video)s?\s*(?::|by)\s+[^.]{2,90}$/i;
// NYT-style run-on credit: "...underground.CreditCreditChang W. Lee/The New York Times".
const GLUED_CREDIT = /[a-z.!?)]Credit(?:Credit)?\p{Lu}/u;

const BYLINE =
  /^(?:by|written by|words by|story by|reporting by)\s+\p{Lu}[\p{L}.'\u2019-]*(?:\s+(?:\p{Lu}[\p{L}.'\u2019-]*|and|&|de|van|von|al|bin|la|le|di|da|,))*(?:\s*[,|\u2014-]\s*[\p{L}. ]{2,40})?$/iu;
const STAFF_LINE =
  /^\p{Lu}[\p{L}.'\u2019-]+(?:\s+\p{Lu}[\p{L}.'\u2019-]+){1,3}\s*(?:[|,\u2014-]\s*)(?:staff writer|staff reporter|correspondent|senior (?:writer|reporter|editor|correspondent)|reporter|contributor|editor|(?:the )?associated press|reuters|afp|bloomberg|cnn|bbc news)\s*$/iu;

const NOTE_PATTERNS: RegExp[] = [
  /\bcontributed(?: reporting| to this)?(?: to)? (?:this|the) (?:report|story|article)\b/i,
  /^(?:additional )?(?:reporting|writing|editing|research|translation) by\b/i,
  /\b(?:reported|reporting) from\s+\p{Lu}[\p{L} .,'-]{1,60}\.?$/u,
  /^(?:this (?:story|article|report) (?:has been|was|is being) (?:updated|corrected|amended))/i,
  /^(?:correction|clarification|editor'?s note|update|updated)\s*[:\u2014-]/i,
  /^(?:related|read more|read also|also read|see also|more on this|recommended|sign up|subscribe|follow (?:us|\p{Lu}[\p{L}]+ on)|watch|listen|click here|share this|most read|trending)\b[^.]{0,120}$/iu,
  /^\[[^\]]{0,200}\]$/,
  /^a version of this (?:article|story) appears in print\b/i,
  /(?:^|\s)(?:©|\(c\)|copyright)\s*\d{4}|\ball rights reserved\b/i,
  /\b(?:order reprints|today's paper|newsletter sign-?up)\b/i,
];

// "Jane Roe is a health reporter at the Daily Mail." Only near the end of the article.
const BIO =
  /^\p{Lu}[\p{L}.'\u2019-]+(?:\s+\p{Lu}[\p{L}.'\u2019-]+){1,3}\s+(?:is|was|has been|covers|writes|reports|joined|is based)\b[^.]{0,160}\b(?:reporter|correspondent|editor|writer|columnist|journalist|contributor|covers?|covering|bureau|producer|intern|freelance|staff|newsroom|podcast|author of|anchor|host)\b/iu;

// "Jane Roe covers the White House." / "John Poe writes about energy for the paper."
const BIO_SHORT =
  /^\p{Lu}[\p{L}.'\u2019-]+(?:\s+\p{Lu}[\p{L}.'\u2019-]+){1,3}\s+(?:covers|writes about|reports on|is the author of|can be reached)\b/u;

// Dates and times standing alone: "Feb. 21, 2019", "Updated 10:32 AM EST, Tue July 23, 2024".
const DATE_LINE =
  /^(?:(?:published|updated|posted|last updated)\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?:\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}{3,9}\.?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:[,\s]+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\.?$/iu;

const TERMINAL = /[.!?:;"'\u201D\u2019)\]\u2026]$/;
const wordCount = (s: string) => (s.match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*/gu) ?? []).length;

/** A Markdown heading ("### Who are they?"): the hashes are markup, the line a heading. */
const MARKDOWN_HEADING = /^#{1,6}\s+/;

function kindOf(s: string, index: number, count: number): BlockKind | null {
  if (MARKDOWN_HEADING.test(s)) return "heading";
  // Long paragraphs are prose: every pattern below is for short lines (a caption at most 80 words).
  if (s.length > 700) return null;
  const words = wordCount(s);
  if (MARKDOWN_HEADING.test(s)) return "heading";
  if (words <= 4 && MEDIA_MARKER.test(s)) return "credit";
  if (CREDIT_LEAD.test(s) && words <= 30) return "credit";
  if (/^credits?\s+\p{Lu}/iu.test(s) && words <= 20 && (s.includes("/") || CREDIT_WORDS.test(s)))
    return "credit";
  if (GLUED_CREDIT.test(s)) return "caption";
  if ((TRAILING_CREDIT.test(s) || CLOSING_CREDIT.test(s)) && words <= 80) return "caption";
  if (words <= 16 && (BYLINE.test(s) || STAFF_LINE.test(s))) return "byline";
  if (words <= 14 && CREDIT_WORDS.test(s) && !TERMINAL.test(s.replace(/\)$/, ""))) return "credit";
  if (words <= 40 && NOTE_PATTERNS.some((re) => re.test(s))) return "note";
  if (index >= count - 3 && words <= 80 && (BIO.test(s) || BIO_SHORT.test(s))) return "note";
  if (words <= 12 && DATE_LINE.test(s)) return "note";
  return null;
}

/**
 * Classifies every paragraph in place. Besides the patterns of one line, two neighbourhood rules:
 * a paragraph between a media marker ("Image", "Photo") and a credit, or directly before a credit
 * line, is that picture's caption; and a short line with no closing punctuation and no quotation
 * mark is a heading (a sub-heading, a kicker, a section title).
 */
export function classifyBlocks(text: string, paragraphs: Paragraph[]): void {
  const bodies = paragraphs.map((p) => text.slice(p.start, p.end).trim());
  const n = paragraphs.length;
  const kinds: (BlockKind | null)[] = bodies.map((s, i) => kindOf(s, i, n));
  const isMarker = (i: number) => {
    const s = bodies[i];
    return s !== undefined && wordCount(s) <= 4 && MEDIA_MARKER.test(s);
  };
  for (let i = 0; i < n; i++) {
    if (kinds[i]) continue;
    const s = bodies[i]!;
    const nextIsCredit = kinds[i + 1] === "credit" && !isMarker(i + 1);
    if ((i > 0 && isMarker(i - 1)) || nextIsCredit) {
      if (wordCount(s) <= 80) {
        kinds[i] = "caption";
        continue;
      }
    }
    if (wordCount(s) <= 12 && !TERMINAL.test(s) && !/["\u201C\u201D]/.test(s)) kinds[i] = "heading";
  }
  paragraphs.forEach((p, i) => {
    p.kind = kinds[i] ?? "prose";
  });
}
