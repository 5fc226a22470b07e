import { COMPANY_ABBREVIATIONS, MONTH_ABBREVIATIONS, TITLE_ABBREVIATIONS } from "./lexicon";

export type Token = { text: string; start: number; end: number; word: boolean };

// A word: letters/digits joined by internal apostrophes, hyphens, periods or ampersands
// ("U.S", "G-7", "that's", "AT&T"). Everything else that is not space is one punctuation token.
const TOKEN =
  /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\p{L}\p{N}])|[\p{L}\p{N}\u00AD]+(?:['\-&.\/][\p{L}\p{N}\u00AD]+)*(?:(?<=s)'(?![\p{L}\p{N}]))?|[^\s]/gu;

/** True for words whose final period belongs to the word: "Corp.", "Sept.", "U.S.", "J.". */
function isAbbreviation(word: string): boolean {
  const bare = word.replace(/\.$/, "");
  return (
    TITLE_ABBREVIATIONS.has(bare) ||
    MONTH_ABBREVIATIONS.has(bare) ||
    COMPANY_ABBREVIATIONS.has(bare) ||
    /^\p{Lu}$/u.test(bare) ||
    /^(\p{L}\.)+\p{L}$/u.test(bare)
  );
}

/** Tokenise `text`, offsets relative to `base`. Linear in the length of the text. */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) {
    let t = m[0];
    // The token regex only starts a multi-character token on a letter or digit; a one-character
    // token is a word when it is one (ASCII checked by code, the rest by the Unicode class).
    const c = t.charCodeAt(0);
    const word =
      c < 128
        ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
        : /^\u00AD*[\p{L}\p{N}]/u.test(t);
    if (word && text[m.index + t.length] === "." && isAbbreviation(t.replace(/\u00AD/g, "") + ".")) {
      t += ".";
      TOKEN.lastIndex++;
    }
    // A soft hyphen (U+00AD) is kept in the text, as the article has it, but not in the word.
    out.push({ text: t.replace(/\u00AD/g, ""), start: base + m.index, end: base + m.index + t.length, word });
  }
  return out;
}

/** Starts with an upper-case letter (ASCII by char code, fast; anything else by the Unicode class). */
export const isCapitalised = (w: string) => {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(w);
};
