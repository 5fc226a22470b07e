import { extractHtml, looksLikeHtml } from "./html";
import type { PreparedArticle } from "./types";

/**
 * Typography decision: the body is normalised to straight ASCII quotes (" and ') so that
 * text pasted by teachers, HTML entities and curly typography all compare equal; the direction
 * of a double quote is recovered from its context (see quotes.ts). Dashes used as punctuation
 * ("--", " – ", "—") become an em dash; an en dash between digits becomes a hyphen.
 */
function normalizeInline(s: string): string {
  return s
    .normalize("NFC")
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, " ")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/\u2026/g, "...")
    .replace(/(\d)\s*[\u2013\u2012]\s*(\d)/g, "$1-$2")
    .replace(/\s*-{2,3}\s*|\s+[\u2013\u2012\u2014\u2015]\s+|[\u2014\u2015]/g, (m) =>
      /^\s/.test(m) || /\s$/.test(m) ? " \u2014 " : "\u2014",
    )
    .replace(/[\u2010\u2011\u2012\u2013]/g, "-")
    .replace(/ {2,}/g, " ")
    .trim();
}

const DATE_HEADER = /^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b\s*/i;

/** Split plain text into paragraphs: blank lines separate them; without any blank line, each line is one. */
function textParagraphs(raw: string): string[] {
  const s = raw.replace(/\r\n?/g, "\n");
  if (/\n[ \t\u00A0]*\n/.test(s)) {
    return s.split(/\n[ \t\u00A0]*(?:\n[ \t\u00A0]*)+/).map((block) => block.replace(/\n/g, " "));
  }
  return s.split("\n");
}

/** The normalised article body the app stores and every evidence offset indexes into. */
export function prepareArticle(input: string): PreparedArticle {
  const raw = typeof input === "string" ? input : "";
  const format = looksLikeHtml(raw) ? "html" : "text";
  let title: string | null = null;
  let blocks: string[];
  if (format === "html") {
    const x = extractHtml(raw);
    title = x.title ? normalizeInline(x.title) || null : null;
    blocks = x.paragraphs;
  } else {
    blocks = textParagraphs(raw);
  }
  let paragraphs = blocks.map(normalizeInline).filter((p) => p.length > 0);
  let date: string | null = null;
  const first = paragraphs[0];
  if (first !== undefined) {
    const m = DATE_HEADER.exec(first);
    if (m) {
      date = m[1] ?? null;
      const rest = first.slice(m[0].length).trim();
      paragraphs = rest ? [rest, ...paragraphs.slice(1)] : paragraphs.slice(1);
    }
  }
  // An HTML page often repeats its <title> as the first heading: keep it out of the body.
  if (title && paragraphs[0] && paragraphs[0] === title) paragraphs = paragraphs.slice(1);
  return { text: paragraphs.join("\n\n"), date, title, format };
}
