import { ARTICLES, BARE_VERBS, CONJUNCTIONS, MODALS, PREPOSITIONS } from "./lexicon";
import { tokenize, type Token } from "./tokens";
import type { DefectReason, Span } from "./types";

/**
 * Detects sentences where words were lost upstream (a name stripped out, leaving "in on
 * Wednesday", "Officials from say", "Russia and ."). The signals are grammatical, not lexical:
 * two prepositions in a row, a preposition before a finite verb, a function word right before
 * punctuation, a space before punctuation, a sentence that starts in lower case or with a modal.
 */

// Particle verbs that legitimately put "in" before another preposition ("weigh in on").
const PARTICLE_VERBS =
  /^(weigh|weighs|weighed|weighing|close|closes|closed|closing|zero|zeroes|zeroed|zeroing|cash|cashed|cashing|chime|chimed|chiming|let|lets|letting|sit|sits|sat|sitting|home|homed|homing|move|moves|moved|moving|check|checked|checking|fill|filled|filling|listen|listened|listening|turn|turned|turning|get|got|getting|come|came|coming|go|went|going|log|logged|logging|buy|bought|buying|build|built)$/i;
// Preposition pairs that are ordinary English.
const OK_PAIRS = new Set([
  "in to",
  "on to",
  "from under",
  "from behind",
  "from within",
  "from among",
  "from between",
  "from over",
  "of about",
  "for about",
  "in about",
  "at about",
  "by about",
  "to about",
  "from about",
  "with about",
  "up to",
  "over to",
  "in between",
  "for over",
  "of over",
  "by over",
  "to over",
  "with over",
  "from over",
  "of under",
  "for under",
  "in under",
  "by under",
  "at under",
  "of between",
  "for between",
  "from after",
  "until after",
  "since before",
  "from before",
  "in after",
]);
const LOST_BEFORE_PUNCT = new Set([
  ...CONJUNCTIONS,
  ...ARTICLES,
  "from",
  "of",
  "with",
  "at",
  "into",
  "between",
  "among",
]);

export type SentenceDefect = { reason: DefectReason; at: Span };

/** `tokens`, when given, must be exactly tokenize(sentence, base) (the analysis passes a slice of the text's tokens). */
export function findDefects(sentence: string, base: number, tokens?: Token[]): SentenceDefect[] {
  const out: SentenceDefect[] = [];
  const toks = tokens ?? tokenize(sentence, base);
  const firstWord = toks.find((t) => t.word);
  const firstTok = toks[0];
  if (firstWord && firstTok) {
    const leadsWithQuote = !firstTok.word;
    if (/^\p{Ll}/u.test(firstWord.text) && !/^\p{Ll}+\p{Lu}/u.test(firstWord.text) && !leadsWithQuote) {
      out.push({ reason: "starts-lowercase", at: { start: firstWord.start, end: firstWord.end } });
    } else if (
      firstTok === firstWord &&
      MODALS.has(firstWord.text.toLowerCase()) &&
      !/\?["')]?$/.test(sentence.trim())
    ) {
      out.push({ reason: "starts-with-modal", at: { start: firstWord.start, end: firstWord.end } });
    }
  }
  for (let i = 0; i + 1 < toks.length; i++) {
    const a = toks[i]!;
    const b = toks[i + 1]!;
    const al = a.text.toLowerCase();
    const bl = b.text.toLowerCase();
    if (!a.word) continue;
    if (b.word && PREPOSITIONS.has(al) && PREPOSITIONS.has(bl) && a.text === al) {
      const prev = toks[i - 1];
      if (!OK_PAIRS.has(`${al} ${bl}`) && !(prev && PARTICLE_VERBS.test(prev.text))) {
        out.push({ reason: "preposition-before-preposition", at: { start: a.start, end: b.end } });
      }
    } else if (b.word && PREPOSITIONS.has(al) && BARE_VERBS.has(bl) && b.text === bl) {
      out.push({ reason: "preposition-before-verb", at: { start: a.start, end: b.end } });
    } else if (!b.word && /^[.,;:!?]$/.test(b.text) && LOST_BEFORE_PUNCT.has(al) && a.text === al) {
      out.push({ reason: "function-word-before-punctuation", at: { start: a.start, end: b.end } });
    } else if (
      !b.word &&
      /^[,;:]$|^\.$/.test(b.text) &&
      b.start > a.end &&
      sentence[b.start - base + 1] !== "."
    ) {
      out.push({ reason: "space-before-punctuation", at: { start: a.start, end: b.end } });
    }
  }
  return out;
}
