import { VERB_BASE, VERB_PAST, VERB_PRESENT } from "./lexicon-data";

/**
 * Verbs: the speech verbs that attribute a statement, in every form, and a test for a finite
 * verb (which tells a clause from a noun phrase: "said the bridge would reopen" is a clause,
 * "confirmed the deal" is not). Closed lists and regular English inflection; no tagger.
 */

const split = (s: string) => s.split(/\s+/).filter(Boolean);
const PAST = new Set(split(VERB_PAST));
const PRESENT = new Set(split(VERB_PRESENT));
const BASE = new Set(split(VERB_BASE));

const IRREGULAR: Record<string, string[]> = {
  say: ["said"],
  tell: ["told"],
  write: ["wrote", "written"],
  think: ["thought"],
  speak: ["spoke", "spoken"],
  forecast: ["forecast"],
  feel: ["felt"],
  swear: ["swore", "sworn"],
  hold: ["held"],
  teach: ["taught"],
  foresee: ["foresaw", "foreseen"],
  read: ["read"],
  put: ["put"],
};

/** base, third person, past, past participle, gerund: "warn warns warned warning". */
export function inflect(base: string): string[] {
  const out = new Set([base]);
  const ies = /[^aeiou]y$/.test(base);
  out.add(ies ? `${base.slice(0, -1)}ies` : /(?:s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : `${base}s`);
  const irregular = IRREGULAR[base];
  if (irregular) irregular.forEach((f) => out.add(f));
  else if (base.endsWith("e")) out.add(`${base}d`);
  else if (ies) out.add(`${base.slice(0, -1)}ied`);
  else if (/^(?:admit|commit|regret|submit|omit|permit|refer|prefer|confer|concur|infer|deter)$/.test(base))
    out.add(`${base}${base.slice(-1)}ed`);
  else out.add(`${base}ed`);
  if (base.endsWith("ie")) out.add(`${base.slice(0, -2)}ying`);
  else if (base.endsWith("e") && !base.endsWith("ee")) out.add(`${base.slice(0, -1)}ing`);
  else if (/^(?:admit|commit|regret|submit|omit|permit|refer|prefer|confer|concur|infer|deter)$/.test(base))
    out.add(`${base}${base.slice(-1)}ing`);
  else out.add(`${base}ing`);
  if (base === "signal") ["signalled", "signalling"].forEach((f) => out.add(f));
  return [...out];
}

const forms = (bases: string) => new Set(split(bases).flatMap(inflect));

/**
 * Verbs of saying that attribute a statement (direct or reported) to their subject. Belief and
 * prediction verbs are here too; the quote they introduce is then marked less certain.
 */
export const SPEECH = forms(`
say tell add argue assert claim contend declare explain insist maintain note observe remark reply respond
state stress warn write tweet post announce acknowledge admit concede confirm deny emphasize emphasise
predict promise pledge vow suggest recall caution complain report estimate agree ask joke quip boast
counter reiterate testify reveal disclose divulge allege recount conclude comment mention proclaim
threaten underline highlight repeat dispute inform assure remind brief indicate hint imply charge
instruct advise urge plead appeal demand wonder question speculate project propose recommend shout yell
whisper exclaim lament concur muse reflect retort rejoin counsel concede grumble complain acknowledge
believe think expect forecast insist allege signal describe continue
`);

/**
 * Verbs that attribute a quotation but not a reported clause: "condemned the "deliberate ...
 * steps"", "called it "a disgrace"", "praised the "courage" of ...".
 */
export const QUOTE_CUES = forms(`
condemn denounce hail praise criticize criticise slam blast dismiss reject welcome label brand term
decry lambast mock ridicule thank applaud salute call describe characterize characterise
`);

/** Speech verbs that can be followed by a "that"-clause or a bare clause ("X said the bridge ..."). */
export const REPORTING = forms(`
say tell add argue assert claim contend declare explain insist maintain note observe remark reply respond
state stress warn write tweet post announce acknowledge admit concede confirm deny emphasize emphasise
predict promise pledge vow suggest recall caution complain report estimate agree reiterate testify reveal
disclose divulge allege recount conclude comment mention proclaim threaten underline highlight repeat
dispute inform assure remind indicate hint imply charge signal believe think expect forecast
boast joke quip concede counter retort lament concur
`);

/** Reporting verbs whose object is a hearer before the clause: "told reporters that ...". */
export const TELL = forms("tell inform assure remind brief warn advise notify");

/** Verbs that say less than an assertion: the statement is the speaker's belief or forecast. */
export const BELIEF = forms(
  "believe think expect forecast fear hope worry estimate predict speculate wonder",
);

/** Verbs that introduce speech only with an explicit quotation (never a bare clause). */
const QUOTE_ONLY = forms(
  "ask shout yell whisper exclaim question describe continue urge plead appeal demand",
);
export const isQuoteOnly = (w: string) => QUOTE_ONLY.has(w) && !REPORTING.has(w);

/** Multi-word cues, matched on lower-case tokens: "made clear (that)", "pointed out (that)". */
export const PHRASE_CUES: string[][] = [
  ["made", "clear"],
  ["make", "clear"],
  ["makes", "clear"],
  ["made", "it", "clear"],
  ["pointed", "out"],
  ["points", "out"],
  ["point", "out"],
  ["went", "on", "to", "say"],
  ["goes", "on", "to", "say"],
  ["went", "on"],
  ["weighed", "in"],
  ["spelled", "out"],
  ["laid", "out"],
];

const AUXILIARY = new Set(
  "is are was were be been being am has have had do does did will would shall should can could may might must 's 're 've 'd 'll".split(
    " ",
  ),
);
const MODAL = new Set("will would shall should can could may might must".split(" "));

/**
 * A word that is a finite verb in most uses: an auxiliary or modal, or a past or third-person form
 * the lexicon knows ("reopened", "expects"). Lower-case words only; capitalised words are names.
 */
export function isFiniteVerb(w: string): boolean {
  if (!w || w !== w.toLowerCase()) return false;
  if (AUXILIARY.has(w) || MODAL.has(w)) return true;
  if (/n't$/.test(w)) return true;
  if (PAST.has(w) || PRESENT.has(w)) return true;
  if (w.endsWith("ed") && (BASE.has(w.slice(0, -2)) || BASE.has(w.slice(0, -1)))) return true;
  if (w.endsWith("s") && BASE.has(w.slice(0, -1))) return true;
  return false;
}

/**
 * A base form after a plural subject is a present-tense verb: "the tests remain", "officials
 * expect", "they want". `before` is the word before it; `nounPhrase` says the words before that
 * make it a noun ("the", "its", a number), since "tests" and "prices" are verbs too.
 */
export function isPluralPresent(before: string, w: string, nounPhrase: boolean): boolean {
  if (!BASE.has(w) || MODAL.has(w)) return false;
  if (/^(?:they|we|i|you)$/.test(before)) return true;
  return /[^s']s$/.test(before) && before === before.toLowerCase() && (nounPhrase || !isFiniteVerb(before));
}
