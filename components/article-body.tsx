import type { ParagraphWithMarks } from "@/lib/articles/highlight";

/** The article's paragraphs; highlighted evidence is a <mark>, the first one the scroll target. */
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
      {paragraphs.map((p) => (
        <p key={p.key}>
          {p.segments.map((s, i) =>
            s.highlighted ? (
              <mark
                key={i}
                id={s.first ? "evidence" : undefined}
                className="rounded bg-yellow-200 px-0.5 text-stone-950 underline decoration-yellow-600 decoration-2"
              >
                {s.text}
              </mark>
            ) : (
              s.text
            ),
          )}
        </p>
      ))}
    </div>
  );
}
