import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

/** Cheap sniff: does the input look like markup rather than prose? */
export function looksLikeHtml(input: string): boolean {
  return /<\s*(!doctype|html|head|body|article|main|p|div|section|span|br|h[1-6]|ul|li|blockquote|script|style)\b[^>]*>/i.test(
    input,
  );
}

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre";

/**
 * Main text of an HTML page as paragraphs, via Readability on a linkedom DOM.
 * Script, style and other non-content elements are removed before anything reads text,
 * so their content can never reach the article body.
 */
export function extractHtml(input: string): { paragraphs: string[]; title: string | null } {
  const wrapped = /<html[\s>]/i.test(input)
    ? input
    : `<!doctype html><html><head></head><body>${input}</body></html>`;
  let title: string | null = null;
  let paragraphs: string[] = [];
  try {
    const { document } = parseHTML(wrapped);
    for (const el of Array.from(document.querySelectorAll("script, style, noscript, template, iframe, svg")))
      el.remove();
    const t = document.querySelector("title")?.textContent?.trim();
    title = t ? t : null;
    let root: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } | null = null;
    try {
      // Readability mutates the document it is given: hand it a fresh parse of the cleaned markup.
      const clone = parseHTML(document.toString()).document;
      const article = new Readability(clone as unknown as Document, { charThreshold: 100 }).parse();
      if (article?.content) {
        root = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document;
        if (article.title) title = article.title.trim() || title;
      }
    } catch {
      root = null;
    }
    const pick = (r: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }) =>
      Array.from(r.querySelectorAll(BLOCKS))
        .map((el) => el.textContent ?? "")
        .filter((s) => s.trim().length > 0);
    paragraphs = root ? pick(root) : [];
    if (paragraphs.length === 0) paragraphs = pick(document);
    if (paragraphs.length === 0) {
      const body = document.body?.textContent ?? document.documentElement?.textContent ?? "";
      paragraphs = body.split(/\n\s*\n/);
    }
  } catch {
    paragraphs = [input.replace(/<[^>]*>/g, " ")];
  }
  return { paragraphs, title };
}
