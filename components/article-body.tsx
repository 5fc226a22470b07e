import type { ParagraphWithMarks } from "@/lib/articles/highlight";

/** Below the article's own title (h1): "#" and "##" are sections, "###" their parts. */
function headingTag(level: number | null): "h2" | "h3" | "h4" {
  if (level === null || level <= 2) return "h2";
  return level === 3 ? "h3" : "h4";
}

const HEADING_CLASS = {
  h2: "pt-2 font-sans text-xl font-semibold leading-snug text-stone-900",
  h3: "pt-1 font-sans text-lg font-semibold leading-snug text-stone-900",
  h4: "font-sans text-base font-semibold leading-snug text-stone-900",
} as const;

/**
 * The article's paragraphs, as the analyser reads them: headings as headings
 * (a pasted "### Who are they?" without its hashes), captions, credits,
 * bylines and notes in small print, prose as prose. Highlighted evidence is a
 * <mark>, the first one the scroll target.
 */
export function ArticleBody({
  paragraphs,
  compact = false,
}: {
  paragraphs: ParagraphWithMarks[];
  compact?: boolean;
}) {
  return (
    <div
      className={
        compact
          ? "space-y-3 font-serif text-base leading-relaxed"
          : "space-y-5 font-serif text-lg leading-relaxed text-stone-900"
      }
    >
      {paragraphs.map((p) => {
        const text = p.segments.map((s, i) =>
          s.highlighted ? (
            <mark
              key={i}
              id={s.first ? "evidence" : undefined}
              className="scroll-mt-24 rounded bg-yellow-200 px-0.5 text-stone-950 underline decoration-yellow-600 decoration-2"
            >
              {s.text}
            </mark>
          ) : (
            s.text
          ),
        );
        if (p.kind === "heading") {
          const Tag = headingTag(p.level);
          return (
            <Tag key={p.key} className={compact ? "font-sans font-semibold" : HEADING_CLASS[Tag]}>
              {text}
            </Tag>
          );
        }
        if (p.kind !== "prose") {
          return (
            <p key={p.key} className="font-sans text-sm leading-normal text-stone-600" data-kind={p.kind}>
              {text}
            </p>
          );
        }
        return <p key={p.key}>{text}</p>;
      })}
    </div>
  );
}
