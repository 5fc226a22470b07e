const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text PostgreSQL can take. Its text and jsonb cannot hold U+0000, and a lone
 * UTF-16 surrogate is not UTF-8 at all (PGlite sends broken bytes for it): a
 * forged post with either failed its query, a 500. No keyboard types them, so
 * where form input is read NUL is dropped and a lone surrogate becomes U+FFFD.
 * Browser-safe: the quiz form reads answers with it too.
 */
export const storableText = (s: string) => s.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD");
