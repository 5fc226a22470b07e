import { sentenceAt, tokenAt, type Context, type QuoteMark, type SentenceInfo } from "./context";
import { DOC_NOUNS, MONTHS, PRONOUNS, STATEMENT_NOUNS, TITLE_WORDS, WEEKDAYS } from "./lexicon";
import {
  clean,
  isAcronym,
  isAdjective,
  isCommonWord,
  isDemonym,
  isGroupNoun,
  isHonorific,
  looksFinite,
  isOrgNoun,
  isOrgWord,
  isPlaceName,
  isPossessive,
  isRoleNoun,
  isTitleWord,
  parseNameRun,
  stripPossessive,
  type ParsedName,
} from "./names";
import { Registry, type Entity } from "./speakers";
import { NAMED_SYSTEMS } from "./systems-gazetteer";
import { isCapitalised, type Token } from "./tokens";
import type { Quote, Span } from "./types";
import {
  BELIEF,
  inflect,
  isFiniteVerb,
  isPluralPresent,
  isQuoteOnly,
  PHRASE_CUES,
  QUOTE_CUES,
  REPORTING,
  SPEECH,
  TELL,
} from "./verbs";

/**
 * Attribution: who said what. Each sentence of the article's prose is read once, front to back.
 * A speech cue (a speech verb, "according to", a statement noun with "that") has a speaker
 * phrase (the noun phrase before the verb, or after it when inverted: `," said X`) and content: a
 * quotation next to it, or a reported clause after it ("said (that) ...") or before it
 * ("..., X said"). Direct quotations without a cue of their own continue the speaker of their
 * paragraph, or of the quotation they carry on from. Speaker phrases resolve to entities by name,
 * by title or role ("the spokesman"), by pronoun (the most salient compatible person), or become
 * groups ("Con Edison officials") and unnamed individuals ("a US defense official").
 */

export type Resolution = { entity: Entity; via: Span; sure: boolean; reason: string };

type DirectItem = { mark: QuoteMark; r: Resolution | null; cue: string; how: string; s: SentenceInfo };

type Cue = { v: number; len: number; kind: "verb" | "according" | "noun" | "participle"; word: string };

export type FoundQuote = Omit<Quote, "confidence" | "reasons" | "attribution"> & {
  via: Span;
  speakerId: number;
  sure: boolean;
  reasons: string[];
};

const SYSTEM_NAME = new RegExp(`^(?:${NAMED_SYSTEMS.map((x) => x.pattern).join("|")})$`);

const NUMBER_WORD =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|million|billion|first|second|third|half|none|each|every)$/i;
const possessiveOf = (name: string) => (/s$/.test(name) ? `${name}'` : `${name}'s`);

/** A crude stem for matching a description to what the text called something: "banking" ~ "bank". */
const stem = (w: string) => w.toLowerCase().replace(/(?:ing|ers|er|s)$/, "");
const low = (t: Token | undefined) => (t ? t.text.toLowerCase() : "");
const isWord = (t: Token | undefined): t is Token => !!t && t.word;

const SUBJECT_PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you"]);
// Words between a subject and its verb: "has also said", "later told", "previously argued".
const ADVERBS = new Set(
  "has have had also later then previously repeatedly again once already would will did does do recently separately further earlier often publicly privately just been reportedly subsequently initially originally first last still even now since always never not n't quickly flatly bluntly".split(
    " ",
  ),
);
const CLAUSE_OPENERS = new Set(
  "in after before on when while as since despite under during following speaking at with for by from asked if although though because once until amid".split(
    " ",
  ),
);
const NP_PREPOSITIONS = new Set(["of", "for", "at", "from", "with", "in", "on", "by"]);
const ADJUNCT_PREPOSITIONS = new Set(
  "in on at to during after before with via from through over for by aboard outside inside amid alongside near following".split(
    " ",
  ),
);
const TIME_WORDS = new Set(
  "today yesterday tonight last this next week month year weekend morning afternoon evening night earlier later recently also again separately previously repeatedly publicly privately once then now already ago late early soon afterwards afterward subsequently immediately openly bluntly flatly firmly candidly".split(
    " ",
  ),
);
const STOP_WORDS = new Set(
  "and or but nor that which who whom whose when where while as because although though if since after before until so than then there here what how why".split(
    " ",
  ),
);
/** Reporting verbs that seldom take a plain noun object: after them a noun phrase starts a clause. */
const CLAUSE_ONLY = new Set(
  [
    "say",
    "tell",
    "argue",
    "insist",
    "claim",
    "contend",
    "assert",
    "believe",
    "think",
    "expect",
    "estimate",
    "predict",
    "suggest",
    "warn",
    "fear",
    "hope",
    "worry",
    "maintain",
    "stress",
    "explain",
    "agree",
    "reckon",
    "write",
    "testify",
    "caution",
    "concede",
  ].flatMap(inflect),
);
/** Speech words that are also nouns ("a question", "the report"); "said" and the like never are. */
const NOUNABLE =
  /^(?:questions?|reports?|claims?|notes?|comments?|estimates?|promises?|pledges?|vows?|calls?|posts?|tweets?|signals?|charges?|demands?|appeals?|reply|replies|responds?|counters?|answers?|remarks?|requests?|concerns?|states?|statements?|warnings?|complaints?|writes?|texts?|forecasts?|projects?|hints?|briefs?|muses?|reflects?|jokes?|boasts?|thinks?|hopes?|fears?|admits?|confirms?|suggests?|proposals?|proposes?|agrees?|advises?|urges?|pleads?|cautions?|threatens?|insists?|maintains?|denies?|alleges?|reveals?|discloses?|recalls?|reminds?|records?)$/;
const NEEDS_THAT = new Set(
  [
    "maintain",
    "hold",
    "signal",
    "indicate",
    "charge",
    "project",
    "counter",
    "post",
    "record",
    "state",
    "post",
    "reflect",
    "describe",
    "repeat",
  ].flatMap(inflect),
);

/** Organisation nouns that also name a person's job in the lexicon: read as the organisation. */
const ORG_FIRST = new Set([
  "regulator",
  "watchdog",
  "operator",
  "developer",
  "insurer",
  "lender",
  "maker",
  "publisher",
  "broadcaster",
]);
const NOUN_BEFORE = new Set(
  "a an the this that these those his her its their our my your whose no any each every another such".split(
    " ",
  ),
);
const DETERMINERS = new Set([
  "the",
  "a",
  "an",
  "another",
  "one",
  "two",
  "three",
  "several",
  "some",
  "many",
  "both",
  "other",
]);

/** Words inside a quotation's marks. */
function wordsIn(text: string, mark: QuoteMark): number {
  return text
    .slice(mark.inner.start, mark.inner.end)
    .split(/\s+/)
    .filter((w) => /\p{L}|\p{N}/u.test(w)).length;
}

/** Maximal runs of capitalised words (with name particles and "of" inside) in a token range. */
function capitalisedRuns(toks: Token[], from: number, to: number): { i: number; j: number }[] {
  const runs: { i: number; j: number }[] = [];
  const cap = (t: Token | undefined) =>
    !!t && t.word && (isCapitalised(t.text) || /^(?:al|el)-\p{Lu}/u.test(t.text));
  let i = from;
  while (i < to) {
    if (cap(toks[i])) {
      let j = i + 1;
      // Inside an organisation's complement ("Center for Strategic and International Studies"),
      // where "and" joins the complement's words.
      let complement = false;
      while (j < to) {
        const u = toks[j]!;
        if (u.start > toks[j - 1]!.end + 1) break;
        if (cap(u)) j++;
        // "Kiel Institute for the World Economy", "Institute for the Study of War", "Ministry of
        // the Interior": an organisation word, "for/of the", a capitalised complement.
        else if (
          u.word &&
          /^(?:of|for)$/.test(u.text) &&
          toks[j + 1]?.text === "the" &&
          cap(toks[j + 2]) &&
          toks[j + 1]!.start === u.end + 1 &&
          toks[j + 2]!.start === toks[j + 1]!.end + 1 &&
          j + 2 < to &&
          isOrgWord(toks[j - 1]!.text)
        ) {
          j += 3;
          complement = true;
        } else if (
          u.word &&
          /^(?:of|de|van|von|der|den|bin|al|da|del|la|le|di|du|ibn|for|and)$/.test(u.text) &&
          cap(toks[j + 1]) &&
          toks[j + 1]!.start === u.end + 1 &&
          // "and" joins organisation names only: "Customs and Border Protection".
          (u.text !== "and" || complement || isOrgWord(toks[j + 1]!.text) || isOrgWord(toks[j - 1]!.text)) &&
          // "for" joins "Center for ...", "Secretary for ...", "Doctors for Camp Closure".
          (u.text !== "for" ||
            isOrgWord(toks[j - 1]!.text) ||
            isTitleWord(toks[j - 1]!.text) ||
            (j - 1 === i && /[^s]s$/.test(toks[j - 1]!.text)))
        ) {
          if (/^(?:of|for)$/.test(u.text) && isOrgWord(toks[j - 1]!.text)) complement = true;
          j += 2;
        }
        // "the Navy's 3rd Fleet", "Carrier Strike Group 2", "Number 10": a number inside an
        // organisation's name.
        else if (
          u.word &&
          /^\d{1,3}(?:st|nd|rd|th)?$/.test(u.text) &&
          (cap(toks[j + 1]) && toks[j + 1]!.start === u.end + 1
            ? true
            : isOrgWord(toks[j - 1]!.text) || /^(?:Number|No\.?)$/.test(toks[j - 1]!.text))
        )
          j++;
        else break;
      }
      // A possessive ends the run: "Russia's Defense Ministry" keeps going, "Stein's note" stops.
      runs.push({ i, j });
      i = j;
    } else i++;
  }
  return runs;
}

export class Attributor {
  readonly reg = new Registry();
  /** Who wrote each kind of document named so far ("letter" -> the Conservatives). */
  private documents = new Map<string, number>();

  /** The speakers of the latest statements, most recent first (distinct). */
  private speakers: { id: number; paragraph: number }[] = [];

  private set lastSpeaker(v: { id: number; paragraph: number } | null) {
    if (!v) return;
    this.speakers = [v, ...this.speakers.filter((x) => x.id !== v.id)].slice(0, 3);
  }

  private get lastSpeaker(): { id: number; paragraph: number } | null {
    return this.speakers[0] ?? null;
  }

  constructor(private ctx: Context) {}

  private sentenceOf(tokenIndex: number): SentenceInfo {
    return this.ctx.sentences[sentenceAt(this.ctx, this.ctx.tokens[tokenIndex]!.start)]!;
  }

  private inQuote(k: number): boolean {
    return (this.ctx.quoteOf[k] ?? -1) >= 0;
  }

  // ---- mention pass -------------------------------------------------------------------

  /** Registers the named people, organisations and groups of the prose, with their roles. */
  collectMentions() {
    const { tokens, sentences } = this.ctx;
    const lone = new Map<string, { i: number; j: number; s: SentenceInfo }[]>();
    for (const s of sentences) {
      if (!s.prose) continue;
      const described = this.describedOrgs(s.t0, s.t1);
      let dn = 0;
      const flushDescribed = (before: number) => {
        for (; dn < described.length && described[dn]!.i < before; dn++) {
          const d = described[dn]!;
          const span = { start: tokens[d.i]!.start, end: tokens[d.j - 1]!.end };
          const name = clean(
            tokens
              .slice(d.i, d.j)
              .map((t) => (isCapitalised(t.text) && d.keepCase ? t.text : t.text.toLowerCase()))
              .join(" "),
          );
          const e = this.reg.collective(name, "organisation", span, true);
          if (!e) continue;
          if (low(tokens[d.i - 1]) === "the") e.aliases.add(`the ${name}`);
          this.mentionAt(e, d.i, d.j, s);
        }
      };
      const datelineEnd = this.pastDateline(s.t0, s.t1);
      for (const run of capitalisedRuns(tokens, s.t0, s.t1)) {
        flushDescribed(run.i);
        // The dateline and its agency credit ("CHICAGO, Oct 23 (Reuters) —") name no one in the story.
        if (this.isDateline(run, s) || (run.i < datelineEnd && run.i >= s.t0)) continue;
        const words = tokens.slice(run.i, run.j).map((t) => t.text);
        const next = tokens[run.j];
        const initial = run.i === s.t0 || (run.i === s.t0 + 1 && !tokens[s.t0]!.word);
        // "Con Edison officials", "Russian officials", "Israeli settlers": a group named by its modifiers.
        if (isWord(next) && isGroupNoun(next.text) && next.text === next.text.toLowerCase()) {
          const mods = words.filter(
            (w, i) => !(i === 0 && /^(?:The|Those|These|Some|Many|Other|Both|All|Several)$/.test(w)),
          );
          if (
            mods.length &&
            !(mods.length === 1 && initial && isCommonWord(mods[0]!) && !isDemonym(mods[0]!))
          ) {
            const name = clean(`${mods.join(" ")} ${next.text}`);
            const e = this.reg.collective(name, "group", this.span(run.i, run.j + 1), true);
            if (e) this.mentionAt(e, run.i, run.j + 1, s);
            continue;
          }
        }
        const parsed = parseNameRun(words, initial);
        if (!parsed) continue;
        // "its annual Camp Strava event", "a Spring Fling fair": an unsure two-word "name" between a
        // determiner and a common noun modifies the noun; it is no one.
        const before = tokens[run.i - 1];
        if (
          parsed.type === "person" &&
          !parsed.sure &&
          !parsed.title &&
          isWord(before) &&
          /^(?:its|their|our|the|a|an|this|that|annual|first|new|latest|yearly)$/.test(before.text) &&
          isWord(next) &&
          next.text === next.text.toLowerCase() &&
          isCommonWord(next.text) &&
          !isFiniteVerb(next.text) &&
          !SPEECH.has(next.text)
        )
          continue;
        // "data on the Strava Community Hub": "the" before an unsure name makes it a thing's name.
        if (
          parsed.type === "person" &&
          !parsed.sure &&
          !parsed.title &&
          isWord(before) &&
          before.text === "the"
        )
          continue;
        const e = this.entityForName(parsed, run.i, run.j, false);
        if (!e) {
          // A lone name with nothing to show what it is ("Strava"): remembered, decided below.
          if (parsed.type === "person" && parsed.nameTokens.length === 1 && !parsed.title)
            (lone.get(parsed.name) ?? lone.set(parsed.name, []).get(parsed.name)!).push({
              i: run.i,
              j: run.j,
              s,
            });
          continue;
        }
        this.mentionAt(e, run.i, run.j, s);
        if (e.type === "organisation") this.describe(e, run.i, run.j, s);
        if (e.type === "person") {
          this.roleBefore(e, run.i, run.j, s.t0);
          this.appositive(e, run.j, s.t1);
        }
      }
      flushDescribed(s.t1);
    }
    // A lone capitalised name used at least twice and never given as a person's full name is an
    // organisation or a product the story is about ("Strava ... Strava's app"): "the company" and
    // "it" may refer to it. A person is introduced with a first name or a title first.
    for (const [name, at] of lone) {
      const person = this.reg.findPerson([name]);
      if (
        at.length < 2 ||
        (person && person.nameSure) ||
        this.reg.findByName(name) ||
        isCommonWord(name) ||
        NUMBER_WORD.test(name)
      )
        continue;
      const first = at[0]!;
      const e = this.reg.collective(name, "organisation", this.span(first.i, first.j), true);
      if (!e) continue;
      for (const x of at) this.mentionAt(e, x.i, x.j, x.s);
    }
  }

  private span(i: number, j: number): Span {
    return { start: this.ctx.tokens[i]!.start, end: this.ctx.tokens[j - 1]!.end };
  }

  private mentionAt(e: Entity, i: number, j: number, s: SentenceInfo, speaks = false) {
    const { tokens } = this.ctx;
    let k = s.t0;
    while (k < i && (!tokens[k]!.word || /^(?:the|a|an)$/i.test(tokens[k]!.text))) k++;
    const opens = k === i || (CLAUSE_OPENERS.has(low(tokens[s.t0])) && low(tokens[i - 1]) === ",");
    this.reg.mention(e, {
      start: tokens[i]!.start,
      end: tokens[j - 1]!.end,
      sentence: s.index,
      paragraph: s.paragraph,
      subject: opens && !this.inQuote(i),
      speaks,
    });
    const m = this.reg.mentionAt(tokens[i]!.start);
    if (m && this.inQuote(i)) (m as { quoted?: boolean }).quoted = true;
    // After a speech verb in its sentence, a name is part of what is said ("he said ... that
    // Zuma must go to jail"), not the one the narrative follows.
    if (m && !m.subject) {
      for (let t = s.t0; t < i; t++) {
        const w = tokens[t]!.text;
        // Not the inverted speaker right after the verb: `," said Martin Indyk`.
        if (w === w.toLowerCase() && SPEECH.has(w) && !this.inQuote(t) && t < i - 2) {
          (m as { reported?: boolean }).reported = true;
          break;
        }
      }
    }
  }

  /**
   * What the text calls an organisation: the lower-case words right before its name ("US
   * investment banking giant Goldman Sachs", "the oil company Aramco") or in an appositive after
   * it ("Aramco, the state-owned oil company,"). Lets "the bank" or "the company" find it.
   */
  private describe(e: Entity, i: number, j: number, s: SentenceInfo) {
    const { tokens } = this.ctx;
    const add = (w: string) => e.descriptors.add(stem(w));
    for (let k = i - 1; k >= s.t0 && k >= i - 4; k--) {
      const t = tokens[k]!;
      if (
        !t.word ||
        t.text !== t.text.toLowerCase() ||
        DETERMINERS.has(t.text) ||
        STOP_WORDS.has(t.text) ||
        NP_PREPOSITIONS.has(t.text)
      )
        break;
      add(t.text);
    }
    if (low(tokens[j]) === "," && /^(?:a|an|the)$/.test(low(tokens[j + 1]))) {
      for (let k = j + 2; k < s.t1 && k < j + 8; k++) {
        const t = tokens[k]!;
        if (!t.word || NP_PREPOSITIONS.has(low(t)) || STOP_WORDS.has(low(t))) break;
        if (t.text === t.text.toLowerCase()) add(t.text);
      }
    }
  }

  /** The first token after a dateline that opens the clause at `i` ("CHICAGO, Oct 23 (Reuters) —"). */
  private pastDateline(i: number, limit: number): number {
    const { tokens } = this.ctx;
    const run = capitalisedRuns(tokens, i, limit)[0];
    if (!run || run.i !== i) return i;
    const s = this.sentenceOf(i);
    if (!this.isDateline(run, s)) return i;
    for (let k = run.j; k < limit && k < run.j + 12; k++)
      if (tokens[k]!.text === "\u2014" || tokens[k]!.text === "-") return k + 1;
    return i;
  }

  private describedAsOrg(i: number): boolean {
    const { tokens } = this.ctx;
    for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
      const t = tokens[k]!;
      if (!t.word || t.text !== t.text.toLowerCase()) break;
      if (
        isOrgNoun(t.text) ||
        /^(?:giant|firm|maker|chain|group|startup|lender|insurer|retailer|brand|bank|banking)$/.test(t.text)
      )
        return true;
      if (/^(?:at|from|with)$/.test(t.text)) {
        const h = tokens[k - 1];
        return isWord(h) && (isGroupNoun(h.text) || isRoleNoun(h.text));
      }
    }
    return false;
  }

  /** "LOS ANGELES (AP) —", "LONDON —": a dateline, not a speaker. */
  private isDateline(run: { i: number; j: number }, s: SentenceInfo): boolean {
    const { tokens, text } = this.ctx;
    if (run.i !== s.t0) return false;
    const words = tokens.slice(run.i, run.j).map((t) => t.text);
    if (!words.every((w) => w === w.toUpperCase())) return false;
    const after = text.slice(tokens[run.j - 1]!.end, tokens[run.j - 1]!.end + 40);
    return /^\s*(?:,\s*[\p{L}\p{N} .]+)?(?:\s*\([\p{L} .]+\))?\s*[\u2014-]/u.test(after);
  }

  /** The entity a parsed name stands for; registers people with a full name or a title. */
  private entityForName(parsed: ParsedName, i: number, j: number, speaking: boolean): Entity | undefined {
    const span = this.span(i, j);
    const { tokens } = this.ctx;
    if (parsed.type === "person") {
      // A name already known as an organisation stays one ("Goldman Sachs estimates ...").
      const org = this.reg.findByName(parsed.name);
      if (org && org.type !== "person") return org;
      const known = this.reg.findPerson(parsed.nameTokens);
      const single = parsed.nameTokens.length === 1 && !parsed.title;
      if (single && !known) {
        // A lone capitalised word is a person only when it speaks; otherwise an organisation
        // already named ("Northwind" for "Northwind Motors") or nothing.
        const org = this.reg.orgByPrefix(parsed.name) ?? this.reg.findByName(parsed.name);
        if (org) return org;
        if (!speaking) return undefined;
        // "Redmarsh said" after "Redmarsh United": the one organisation whose name starts so.
        const short = this.reg.orgByPrefix(parsed.name, true);
        if (short) return short;
        if (low(tokens[i - 1]) === "the") return this.reg.collective(parsed.name, "organisation", span, true);
      }
      // "US investment banking giant Goldman Sachs", "analysts at Goldman Sachs": a name the
      // text describes as a company, or places people at, is an organisation.
      if (!parsed.sure && !parsed.title && this.describedAsOrg(i)) {
        if (known && known.type === "person" && !known.nameSure) {
          // Read as a person at first sight ("Goldman Sachs estimates ..."), described as a company now.
          known.type = "organisation";
          known.gender = null;
          return known;
        }
        if (!known) {
          const e = this.reg.collective(parsed.name, "organisation", span, true);
          if (e) return e;
        }
      }
      return this.reg.person(parsed, span, true);
    }
    if (parsed.type === "organisation") {
      // "NASAMS", "HIMARS": a weapon system, not an organisation that could speak.
      if (SYSTEM_NAME.test(parsed.name)) return undefined;
      const e = this.reg.collective(parsed.name, "organisation", span, true);
      if (e && (low(tokens[i - 1]) === "the" || /^The$/.test(tokens[i]!.text)))
        e.aliases.add(`the ${parsed.name}`);
      return e;
    }
    if (parsed.type === "group") return this.reg.collective(parsed.name, "group", span, true);
    if (parsed.type === "place") {
      const known = this.reg.findByName(parsed.name);
      if (known || speaking) {
        const e = known ?? this.reg.collective(parsed.name, "organisation", span, true);
        if (e) e.place = true;
        return e;
      }
    }
    return undefined;
  }

  /**
   * Lower-case noun phrases that introduce an organisation: "the local taxpayers group", "the
   * French foreign ministry", "the Israeli military". A capitalised owner (a nationality, a place,
   * an organisation) or two or more modifiers before an organisation noun; "the company" alone is
   * an anaphor, not a new organisation.
   */
  private describedOrgs(t0: number, t1: number): { i: number; j: number; keepCase: boolean }[] {
    const { tokens } = this.ctx;
    const out: { i: number; j: number; keepCase: boolean }[] = [];
    for (let h = t0 + 1; h < t1; h++) {
      const head = tokens[h]!;
      if (!head.word || head.text !== head.text.toLowerCase() || !isOrgNoun(head.text)) continue;
      if (this.inQuote(h)) continue;
      let i = h;
      let caps = 0;
      while (i - 1 >= t0 && i > h - 5) {
        const t = tokens[i - 1]!;
        if (!t.word || /^(?:a|an|the)$/i.test(t.text)) break;
        if (isCapitalised(t.text)) {
          if (!(
            isDemonym(t.text) ||
            isPlaceName([stripPossessive(t.text)]) ||
            isAcronym(stripPossessive(t.text))
          ))
            break;
          caps++;
          i--;
          continue;
        }
        if (caps) break;
        if (
          /'s?$|\u2019s?$/.test(t.text) ||
          PRONOUNS.has(t.text) ||
          ADVERBS.has(t.text) ||
          SPEECH.has(t.text)
        )
          break;
        if (
          !/^[a-z][a-z-]+$/.test(t.text) ||
          STOP_WORDS.has(t.text) ||
          NP_PREPOSITIONS.has(t.text) ||
          // "The company runs office parks": another organisation noun is the phrase's own head.
          isOrgNoun(t.text) ||
          // "the UN human rights office", "the arms control agency": a plural noun in a compound
          // may look like a verb ("rights", "arms").
          (isFiniteVerb(t.text) && !(/[^s]s$/.test(t.text) && isCommonWord(t.text.slice(0, -1))))
        )
          break;
        if (/^(?:to|same|whole|entire|former|latter|its|his|her|their|this|new|own)$/.test(t.text)) break;
        i--;
      }
      if (i === h) continue;
      const det = low(tokens[i - 1]);
      if (!/^(?:a|an|the)$/.test(det) && !caps) continue;
      // "Aramco, the state-owned oil company," / "the oil company Aramco": a description of a named one.
      if (tokens[i - 2]?.text === "," || (tokens[h + 1]?.word && isCapitalised(tokens[h + 1]!.text)))
        continue;
      const mods = tokens.slice(i, h).map((t) => t.text);
      const pluralNoun = mods.some((w) => /[^s]s$/.test(w) && !isCapitalised(w) && isCommonWord(w));
      if (!caps && mods.length < 2 && !pluralNoun) continue;
      out.push({ i, j: h + 1, keepCase: caps > 0 });
    }
    return out;
  }

  /**
   * A role given before the name, between commas: "NASA's chief scientist, Kate Morrow, said",
   * "According to the city's finance director, Maria Chen, ...". Only when the phrase opens the
   * sentence or follows "according to", its head is a person noun or title, and the name is
   * closed by a comma or a speech verb.
   */
  private roleBefore(e: Entity, i: number, j: number, t0: number) {
    const { tokens, text } = this.ctx;
    if (e.role && !isHonorific(e.role)) return;
    if (low(tokens[i - 1]) !== "," || i - 2 < t0) return;
    const after = tokens[j];
    if (!after || !(after.text === "," || SPEECH.has(after.text))) return;
    const head = tokens[i - 2]!;
    const hl = head.text.toLowerCase();
    if (!head.word || (/s$/.test(hl) && !isRoleNoun(hl))) return;
    if (!(
      isRoleNoun(hl) ||
      isTitleWord(hl.charAt(0).toUpperCase() + hl.slice(1)) ||
      (head.text === hl && /(?:ist|ian)$/.test(hl))
    ))
      return;
    let k = i - 2;
    while (k - 1 >= t0 && i - 2 - k < 6) {
      const t = tokens[k - 1]!;
      if (!t.word) break;
      const l = t.text.toLowerCase();
      if (/^(?:a|an|the|according|to)$/.test(l) || PRONOUNS.has(l)) break;
      if (/^(?:in|on|at|for|with|by|from|of|after|before|and|or|but|said|says|told)$/.test(l)) break;
      k--;
    }
    let start = k;
    if (low(tokens[k - 1]) === "the" && /'s?$|\u2019s?$/.test(tokens[k]!.text)) start = k - 1;
    const opener = start - (/^(?:a|an|the)$/.test(low(tokens[start - 1])) && start === k ? 1 : 0);
    const atStart = opener === t0;
    const afterAccording = low(tokens[opener - 1]) === "to" && low(tokens[opener - 2]) === "according";
    if (!atStart && !afterAccording) return;
    const role = text.slice(tokens[start]!.start, head.end);
    this.reg.setRole(e, tokens[start]!.text === "The" ? `the${role.slice(3)}` : role, {
      start: tokens[start]!.start,
      end: head.end,
    });
  }

  /** "Samuel Charap, a senior political scientist at the RAND Corp., who ..." -> role; "Murray, 36," -> age. */
  private appositive(e: Entity, j: number, t1: number) {
    const { tokens } = this.ctx;
    if (low(tokens[j]) !== ",") return;
    const first = tokens[j + 1];
    if (!first) return;
    if (/^\d{1,2}$/.test(first.text) && /^[,)]$/.test(low(tokens[j + 2]))) {
      e.age = Number(first.text);
      return;
    }
    if (e.role && !isHonorific(e.role)) return;
    if (!first.word) return;
    const startsRole =
      /^(?:a|an|the)$/.test(low(first)) ||
      (isCapitalised(first.text) && isTitleWord(first.text)) ||
      (isPossessive(first.text) && isCapitalised(first.text)) ||
      (!isCapitalised(first.text) && isRoleNoun(first.text));
    if (!startsRole) return;
    const start = j + 1;
    let k = start;
    while (k < t1 && k - start < 18) {
      const t = tokens[k]!;
      if (!t.word && !/^['\u2019&-]$/.test(t.text)) break;
      if (/^(?:who|which|that)$/.test(low(t))) break;
      if (SPEECH.has(low(t)) && !isCapitalised(t.text)) return;
      k++;
    }
    if (k === start + 1 && !isRoleNoun(first.text)) return;
    const term = tokens[k];
    if (term && !/^(?:,|\.|who|which|that|;|\)|\u2014)$/.test(low(term)) && k < t1) return;
    const words = tokens.slice(start, k).map((t) => t.text);
    if (!words.some((w) => isRoleNoun(w) || isTitleWord(w) || /(?:ist|er|or|ian|ant|ent)s?$/.test(w))) return;
    const role = this.ctx.text
      .slice(tokens[start]!.start, tokens[k - 1]!.end)
      .replace(/^(?:a|an|the)\s+/i, "");
    this.reg.setRole(e, role, { start: tokens[start]!.start, end: tokens[k - 1]!.end });
  }

  // ---- resolution -------------------------------------------------------------------

  /**
   * Salience of the people (or organisations, or groups) before `pos`: mentioned in this
   * paragraph or the two before it, outside quotation marks. Subjects and speakers weigh more,
   * recent mentions more than old ones, and the speaker of the latest quotation most of all.
   */
  private salient(pos: number, ok: (e: Entity) => boolean): { entity: Entity; score: number }[] {
    const here = sentenceAt(this.ctx, pos);
    const s = this.ctx.sentences[here]!;
    const scores = new Map<number, number>();
    const best = new Map<number, number>();
    const seen = new Map<number, number>();
    for (const m of this.reg.before(pos, 300)) {
      if (m.paragraph < s.paragraph - 5) break;
      if ((m as { quoted?: boolean }).quoted) continue;
      const reported = (m as { reported?: boolean }).reported === true;
      const e = this.reg.get(m.entity);
      if (!ok(e)) continue;
      const distance = here - m.sentence;
      const back = s.paragraph - m.paragraph;
      let w =
        distance === 0
          ? 3
          : distance === 1
            ? 2.5
            : back === 0
              ? 1.5
              : back === 1
                ? 1
                : back === 2
                  ? 0.6
                  : 0.25;
      // The subject of the same sentence binds a later pronoun ("Putin ... with his suggestion"),
      // and the subject of the sentence before is the preferred antecedent of the next one.
      if (m.subject && !reported) w += distance === 0 ? 4 : distance === 1 ? 3 : 1.5;
      if (reported) w -= 1.5;
      if (m.speaks) w += 1.5;
      // Object of a preposition ("a victory over X", "met with X"): less likely the topic.
      const before = this.ctx.tokens[tokenAt(this.ctx, m.start) - 1];
      if (
        isWord(before) &&
        /^(?:over|against|with|to|for|by|from|of|than|beat|beating|defeated)$/.test(low(before))
      )
        w -= 1;
      // The best mention counts, and each further one a little (at most 1): recency beats mere
      // repetition.
      best.set(e.id, Math.max(best.get(e.id) ?? -Infinity, w));
      seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
    }
    for (const [id, w] of best) scores.set(id, w + Math.min(1, 0.2 * ((seen.get(id) ?? 1) - 1)));
    // Who has been speaking: the latest speakers, the most recent most (a compatible earlier
    // speaker still counts when the latest cannot be meant, e.g. by gender).
    let rank = 0;
    for (const sp of this.speakers) {
      if (sp.paragraph < s.paragraph - 1) continue;
      const e = this.reg.get(sp.id);
      if (!ok(e)) continue;
      const bonus = (sp.paragraph === s.paragraph ? 2 : 1) - rank * 0.5;
      if (bonus > 0) scores.set(e.id, (scores.get(e.id) ?? 0) + bonus);
      rank++;
    }
    return [...scores.entries()]
      .map(([id, score]) => ({ entity: this.reg.get(id), score }))
      .sort((a, b) => b.score - a.score);
  }

  private pick(pos: number, cands: { entity: Entity; score: number }[], what: string): Resolution | null {
    if (process.env.QUIZ_DEBUG)
      console.error(
        `[resolve ${what} @${pos}] ${cands
          .slice(0, 4)
          .map((c) => `${c.entity.name}=${c.score.toFixed(1)}`)
          .join(" ")}`,
      );
    const best = cands[0];
    if (!best) return null;
    const second = cands[1];
    const m = this.reg.latestMention(pos, best.entity.id);
    // Sure only with a clear margin and an antecedent close by: named in this or the previous
    // sentence, or the last to speak in this paragraph.
    const here = sentenceAt(this.ctx, pos);
    const near =
      (!!m && m.sentence >= here - 1) ||
      (this.lastSpeaker?.id === best.entity.id &&
        this.lastSpeaker.paragraph === this.ctx.sentences[here]!.paragraph);
    const sure = (!second || best.score - second.score >= 3) && near;
    return {
      entity: best.entity,
      via: m ? { start: m.start, end: m.end } : { start: pos, end: pos },
      sure,
      reason: sure
        ? `${what} refers to ${best.entity.name}, who the passage is about`
        : second
          ? `${what} could refer to ${best.entity.name} or ${second.entity.name}`
          : `${what} most likely refers to ${best.entity.name}, named some sentences before`,
    };
  }

  private pronoun(p: string, pos: number): Resolution | null {
    if (/^(?:he|him|his|she|her|hers)$/.test(p)) {
      const want = /^(?:she|her|hers)$/.test(p) ? "f" : "m";
      const cands = this.salient(pos, (e) => e.type === "person" && (e.gender === null || e.gender === want))
        .map((c) => ({
          entity: c.entity,
          // A name that shows the pronoun's gender, or at least that it is a person's, weighs more.
          score:
            c.score + (c.entity.genderSure && c.entity.gender === want ? 2 : 0) - (c.entity.nameSure ? 0 : 1),
        }))
        .sort((a, b) => b.score - a.score);
      const r = this.pick(pos, cands, `"${p}"`);
      // One capitalised word of unknown gender ("Aramco") may be a company: no sure antecedent.
      if (r && !r.entity.nameSure && !r.entity.genderSure && !r.entity.name.includes(" ")) {
        r.sure = false;
        r.reason = `"${p}" may refer to ${r.entity.name}, named by one word only`;
      }
      if (r && !r.entity.gender) r.entity.gender = want;
      return r;
    }
    if (/^(?:it|its)$/.test(p)) {
      // "it": the organisation the passage is about; the one the story names most, if close.
      const counts = new Map<number, number>();
      for (const m of this.reg.before(pos, 400)) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
      const cands = this.salient(pos, (e) => e.type === "organisation")
        .map((c) => ({ entity: c.entity, score: c.score + 0.7 * Math.log1p(counts.get(c.entity.id) ?? 0) }))
        .sort((a, b) => b.score - a.score);
      return this.pick(pos, cands, `"${p}"`);
    }
    if (/^(?:they|them|their)$/.test(p)) {
      // A region or a city is not "they"; a government's people are named as a group.
      const cands = this.salient(pos, (e) => e.type === "group" || (e.type === "organisation" && !e.place));
      return this.pick(pos, cands, `"${p}"`);
    }
    return null;
  }

  /** "the official", "the spokesman", "the company", "the 36-year-old", "the Prime Minister". */
  private description(words: string[], pos: number): Resolution | null {
    const head = words[words.length - 1]!.toLowerCase();
    const phrase = words.join(" ").toLowerCase();
    const age = /^(\d{1,3})-year-old$/.exec(head)?.[1];
    if (age) {
      const cands = this.salient(pos, (e) => e.type === "person");
      const aged = cands.filter((c) => c.entity.age === Number(age));
      const r = this.pick(pos, aged.length ? aged : cands, `"the ${head}"`);
      if (r && !aged.length) r.sure = false;
      return r;
    }
    if (isOrgNoun(head) && (!isRoleNoun(head) || ORG_FIRST.has(head))) {
      // "the company" is not a country; "the government" may be one.
      const governs = /^(?:government|administration|state|country|nation|regime|cabinet)$/.test(head);
      const cands = this.salient(
        pos,
        (e) =>
          (e.type === "organisation" && (governs || !e.place)) || (head === "group" && e.type === "group"),
      );
      const h = stem(head);
      // "the safety regulator" ~ "National Highway Traffic Safety Administration".
      const mods = words
        .slice(0, -1)
        .map((w) => stem(w))
        .filter((w) => w.length > 3);
      const named = cands.filter(
        (c) =>
          c.entity.descriptors.has(h) ||
          mods.some((m) => c.entity.name.toLowerCase().split(/\s+/).map(stem).includes(m)) ||
          c.entity.name.toLowerCase().split(/\s+/).map(stem).includes(h) ||
          [...c.entity.aliases].some((a) => stem(a.toLowerCase().split(/\s+/).pop() ?? "") === h),
      );
      // Without a matching description, the organisation the story is about: the one named most.
      const counts = new Map<number, number>();
      for (const m of this.reg.before(pos, 400)) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
      const ranked = (named.length ? named : cands)
        .map((c) => ({ entity: c.entity, score: c.score + Math.log1p(counts.get(c.entity.id) ?? 0) }))
        .sort((x, y) => y.score - x.score);
      const r = this.pick(pos, ranked, `"the ${head}"`);
      if (r && !named.length) r.sure = r.sure && cands.length === 1;
      return r;
    }
    // A person by role: "the Prime Minister", "the district attorney", "the official".
    // The description's role words in the role ("the French minister" ~ "French Environment
    // Minister"); a nationality in the description need not be in the role.
    const want = words.filter((w) => !isDemonym(w)).map((w) => stem(w.toLowerCase()));
    const byRole = this.salient(pos, (e) => {
      if (!(e.type === "person" || e.type === "anonymous") || !e.role) return false;
      const have = new Set(
        e.role
          .toLowerCase()
          .split(/[\s,'-]+/)
          .map(stem),
      );
      return want.every((w) => have.has(w));
    });
    if (byRole.length) return this.pick(pos, byRole, `"the ${phrase}"`);
    const anon = this.salient(pos, (e) => e.type === "anonymous" && e.key === head);
    if (anon.length) return this.pick(pos, anon, `"the ${phrase}"`);
    if (isRoleNoun(head) || isTitleWord(words[words.length - 1]!)) {
      const cands = this.salient(pos, (e) => e.type === "person");
      const r = this.pick(pos, cands, `"the ${phrase}"`);
      if (r) r.sure = false;
      return r;
    }
    return null;
  }

  /**
   * The entity a speaker phrase tokens[i..j) names. The phrase has been bounded by the caller
   * (between a closing quote and the verb, or the subject before the verb).
   */
  interpret(i: number, j: number): Resolution | null {
    const { tokens } = this.ctx;
    while (i < j && !tokens[i]!.word) i++;
    while (j > i && !tokens[j - 1]!.word) j--;
    if (i >= j) return null;
    const first = low(tokens[i]);
    const pos = tokens[i]!.start;
    const span = this.span(i, j);
    const s = this.sentenceOf(i);
    if (j - i === 1 && SUBJECT_PRONOUNS.has(first)) return this.pronoun(first, pos);
    // "X, the ROLE," inside the phrase: the appositive is the role.
    const comma = tokens.slice(i, j).findIndex((t) => t.text === "," || t.text === "\u2014");
    if (comma > 0) {
      const r = this.interpret(i, i + comma);
      if (r && r.entity.type === "person" && !r.entity.role) {
        const role = this.ctx.text
          .slice(tokens[i + comma + 1]!.start, tokens[j - 1]!.end)
          .replace(/^(?:a|an|the)\s+/i, "")
          .replace(/,$/, "");
        if (role && !/^(?:who|which)\b/.test(role))
          this.reg.setRole(r.entity, role, this.span(i + comma + 1, j));
      }
      if (r) return r;
    }
    // A sentence's first word is capitalised whatever it is: "Analysts say", "Officials said".
    const opensSentence = i === s.t0 || (i === s.t0 + 1 && !tokens[s.t0]!.word);
    const words = tokens.slice(i, j).map((t, n) => {
      const w = clean(t.text);
      const firstRun = capitalisedRuns(tokens, i, j)[0];
      // "Residents of Nyalenda": a run that is no name starts with an ordinary word.
      const nextCap =
        !!firstRun &&
        firstRun.i === i &&
        firstRun.j > i + 1 &&
        parseNameRun(tokens.slice(firstRun.i, firstRun.j).map((t) => t.text)) !== null;
      if (n === 0 && opensSentence && !nextCap && isCapitalised(w)) {
        const l = w.toLowerCase();
        const known = this.reg.findPerson([w]) ?? this.reg.findByName(w);
        if (
          !known &&
          (isGroupNoun(l) || isRoleNoun(l) || isOrgNoun(l) || DOC_NOUNS.has(l) || /^(?:the|a|an)$/.test(l))
        )
          return l;
      }
      return w;
    });
    const determiner = /^(?:the|a|an)$/i.test(words[0]!) ? words[0]!.toLowerCase() : null;
    const body = determiner ? words.slice(1) : words;
    const b0 = determiner ? i + 1 : i;
    if (!body.length) return null;
    // "many in Gaza", "some of the residents": a quantity of people is no one speaker.
    if (
      /^(?:many|some|others|most|few|all|several|both|none|each|everyone|anyone|nobody|somebody)$/i.test(
        body[0]!,
      )
    )
      return null;
    // Documents speak for their authors: "a release from Carrier Strike Group 2", "Stein's note",
    // "the Navy's 3rd Fleet press release", "an Air Force statement".
    // A capitalised "Study" is a name's word ("the Institute for the Study of War"), not a document.
    const docAt = body.findIndex((w, k) => DOC_NOUNS.has(w.toLowerCase()) && (k === 0 || !isCapitalised(w)));
    if (docAt >= 0) {
      const doc = body[docAt]!.toLowerCase();
      const remember = (r: Resolution) => {
        this.documents.set(doc, r.entity.id);
        return r;
      };
      const after = body.slice(docAt + 1);
      // "a release from Carrier Strike Group 2", "a commentary in the Global Times".
      if (after.length >= 1 && /^(?:from|by|of|in)$/.test(after[0]!)) {
        const r = this.interpret(b0 + docAt + 2, j);
        if (r) return remember({ ...r, reason: `the ${doc} is from ${r.entity.name}` });
      }
      // "Stein's note", "the company's own earnings statement", "an Air Force statement".
      const poss = body.slice(0, docAt).findIndex((w) => isPossessive(w));
      // "the Navy's 3rd Fleet press release": the unit named after the possessive wrote it.
      if (poss >= 0) {
        let k1 = docAt;
        while (k1 > poss + 1 && /^(?:press|news|new|latest|joint|written|official|own)$/i.test(body[k1 - 1]!))
          k1--;
        if (k1 > poss + 1 && /^(?:\p{Lu}|\d)/u.test(body[poss + 1]!)) {
          const r = this.interpret(b0 + poss, b0 + k1);
          if (r && r.entity.type === "organisation")
            return remember({ ...r, reason: `the ${doc} is from ${r.entity.name}` });
        }
      }
      const owner =
        poss >= 0
          ? body.slice(0, poss + 1)
          : body
              .slice(0, docAt)
              .filter(
                (w) => !/^(?:press|news|new|latest|joint|written|official|separate|draft|own)$/i.test(w),
              );
      if (owner.length) {
        const r = this.interpret(b0, b0 + owner.length);
        if (r && r.entity.type !== "anonymous")
          return remember({ ...r, reason: `the ${doc} is ${possessiveOf(r.entity.name)}` });
      }
      if (determiner === "the" || determiner === null) {
        // "the release said", "the letter also said": the author of the last such document named.
        const known = this.documents.get(doc);
        if (known !== undefined) {
          const e = this.reg.get(known);
          const m = this.reg.latestMention(pos, e.id);
          return {
            entity: e,
            via: m ? { start: m.start, end: m.end } : span,
            sure: true,
            reason: `the ${doc} is ${e.name}'s`,
          };
        }
        const cands = this.salient(pos, (e) => e.type === "organisation" || e.type === "group");
        const r = this.pick(pos, cands, `"the ${doc}"`);
        if (r) return { ...r, sure: false };
      }
      return null;
    }
    // A name inside the phrase: the last person-shaped run wins ("White House press secretary Josh Earnest").
    const runs = capitalisedRuns(tokens, b0, j);
    let personRun: { i: number; j: number; parsed: ParsedName } | null = null;
    let otherRun: { i: number; j: number; parsed: ParsedName } | null = null;
    for (const run of runs) {
      const initial = run.i === s.t0 || run.i === b0;
      const runWords = tokens.slice(run.i, run.j).map((t) => t.text);
      let parsed = parseNameRun(runWords, initial && run.i === s.t0);
      // "Cook said ...": a sentence-initial surname the article has already given in full.
      if (!parsed && runWords.length === 1 && this.reg.findPerson(runWords))
        parsed = parseNameRun(runWords, false);
      if (!parsed) continue;
      if (run.i === i && words[0] !== clean(tokens[i]!.text)) continue;
      if (parsed.type === "person") personRun = { ...run, parsed };
      // "The Ministry of Defence in London": the place where an organisation sits is not it.
      else if (!(
        otherRun?.parsed.type === "organisation" &&
        parsed.type === "place" &&
        /^(?:in|at|from|near|based)$/.test(low(tokens[run.i - 1]))
      ))
        otherRun = { ...run, parsed };
    }
    const last = body[body.length - 1]!;
    const lastLow = last.toLowerCase();
    const headIsLower = last === lastLow;
    // "A Tory source", "a Pentagon spokesman": a lower-case person noun after the name makes the
    // name a modifier of an unnamed individual, unless the name is a full personal name.
    const modifierOnly =
      !!personRun &&
      headIsLower &&
      personRun.j < j &&
      (isGroupNoun(lastLow) ||
        isOrgNoun(lastLow) ||
        (isRoleNoun(lastLow) && (personRun.parsed.nameTokens.length === 1 || personRun.parsed.possessive)));
    // "Lawyers for Mercer", "a spokeswoman for Ana Ruiz": a person after the head's preposition
    // is not the speaker.
    // (or a participle: "Astronomers using the James Webb Space Telescope")
    const firstPrep = body.findIndex(
      (w, k) =>
        k > 0 &&
        (NP_PREPOSITIONS.has(w) ||
          (/^[a-z]+(?:ing|ed)$/.test(w) && (isGroupNoun(body[k - 1]!) || isRoleNoun(body[k - 1]!)))),
    );
    const headBeforePrep = firstPrep > 0 ? body[firstPrep - 1]!.toLowerCase() : "";
    const personInPP =
      !!personRun &&
      firstPrep > 0 &&
      personRun.i > b0 + firstPrep &&
      (isGroupNoun(headBeforePrep) || isRoleNoun(headBeforePrep));
    if (personRun && !modifierOnly && !personInPP) {
      const e = this.entityForName(personRun.parsed, personRun.i, personRun.j, true);
      if (e) {
        if (e.type === "person") {
          const before = this.ctx.text
            .slice(tokens[b0]!.start, tokens[personRun.i]!.start)
            .trim()
            .replace(/[,']$/, "");
          const titled = personRun.parsed.title;
          if (before && !e.role) this.reg.setRole(e, titled ? `${before} ${titled}` : before, span);
          else if (titled && !e.role && !isHonorific(titled)) this.reg.setRole(e, titled, span);
        }
        const singleUnknown =
          personRun.parsed.nameTokens.length === 1 && !personRun.parsed.title && !e.name.includes(" ");
        return {
          entity: e,
          via: this.span(personRun.i, personRun.j),
          sure: !singleUnknown || e.type !== "person",
          reason: singleUnknown ? `${e.name} is named only by one word` : `the speaker is named: ${e.name}`,
        };
      }
    }
    // A plural head: a group ("Con Edison officials", "analysts", "people familiar with the matter").
    // The head ends before a preposition or a participle: "A man interviewed at the scene",
    // "people familiar with the matter", "a spokesperson for the ministry".
    const headAt = body.findIndex(
      (w, k) =>
        k > 0 &&
        k < body.length - 1 &&
        (NP_PREPOSITIONS.has(w) ||
          (/^(?:[a-z]+ed|[a-z]+ing|familiar|close|based)$/.test(w) &&
            (isRoleNoun(body[k - 1]!) || isGroupNoun(body[k - 1]!)))),
    );
    const head = headAt > 0 ? body.slice(0, headAt) : body;
    const headWord = head[head.length - 1]!;
    const hl = headWord.toLowerCase();
    if (headWord === hl && isGroupNoun(hl)) {
      const mods = head.slice(0, -1).filter((w) => !DETERMINERS.has(w.toLowerCase()));
      const name = clean([...mods, ...body.slice(head.length)].length ? body.join(" ") : hl).replace(
        /^(?:the|a|an)\s+/i,
        "",
      );
      if (!mods.length && headAt < 0) {
        // "the officials said", "analysts say": the group named with that head before, else a new group.
        const prior = this.salient(pos, (e) => e.type === "group" && e.key === hl && e.name.includes(" "));
        if (prior.length && determiner === "the")
          return { ...this.pick(pos, prior, `"the ${hl}"`)!, sure: true };
      }
      const e = this.reg.collective(name, "group", span, true);
      return e ? { entity: e, via: span, sure: true, reason: `the speakers are ${name}` } : null;
    }
    // A singular person noun: an unnamed individual ("a US defense official", "A spokesperson for
    // the British Foreign Office") or, with "the", a description of someone already named.
    if (
      headWord === hl &&
      (isRoleNoun(hl) ||
        isTitleWord(headWord.charAt(0).toUpperCase() + headWord.slice(1)) ||
        /^\d{1,3}-year-old$/.test(hl))
    ) {
      // "the French minister": a nationality or place before the role still describes one person.
      const describes = !otherRun || otherRun.parsed.type === "demonym" || otherRun.parsed.type === "place";
      if (determiner === "the" && headAt < 0 && describes) {
        const r = this.description(
          head.filter((w) => !DETERMINERS.has(w.toLowerCase())),
          pos,
        );
        if (r) return r;
      }
      if (determiner === "the" && headAt < 0 && head.length <= 2) return null;
      const name = clean(body.join(" "));
      const e = this.reg.collective(name, "anonymous", span, true, hl);
      if (e && !e.role) this.reg.setRole(e, name, span);
      return e
        ? {
            entity: e,
            via: span,
            sure: true,
            reason: `the speaker is not named: ${determiner && !isPossessive(body[0]!) ? `${determiner} ` : ""}${name}`,
          }
        : null;
    }
    // "the Prime Minister", "the Pentagon": a capitalised title or name after "the".
    if (
      determiner === "the" &&
      !otherRun &&
      body.every((w) => isCapitalised(w)) &&
      body.some((w) => isTitleWord(w))
    ) {
      const r = this.description(body, pos);
      if (r) return r;
    }
    // An organisation noun: "the company", "the Israeli military", "Russia's foreign ministry".
    if (headWord === hl && isOrgNoun(hl)) {
      const mods = head.slice(0, -1);
      const capMods = mods.filter((w) => isCapitalised(w));
      if (!capMods.length && determiner !== "a" && mods.length < 2) {
        const r = this.description(
          head.filter((w) => !DETERMINERS.has(w.toLowerCase())),
          pos,
        );
        if (r) return r;
        return null;
      }
      const name = clean(body.join(" "));
      const e = this.reg.collective(name, "organisation", span, true);
      return e ? { entity: e, via: span, sure: true, reason: `the speaker is named: ${name}` } : null;
    }
    if (otherRun) {
      const { parsed } = otherRun;
      if (parsed.type === "organisation" || parsed.type === "group" || parsed.type === "place") {
        const e = this.entityForName(parsed, otherRun.i, otherRun.j, true);
        if (e)
          return {
            entity: e,
            via: this.span(otherRun.i, otherRun.j),
            sure: true,
            reason: `the speaker is named: ${e.name}`,
          };
      }
    }
    return null;
  }

  // ---- cues -------------------------------------------------------------------------

  private phraseCue(k: number): number {
    const { tokens } = this.ctx;
    for (const ph of PHRASE_CUES) if (ph.every((w, n) => low(tokens[k + n]) === w)) return ph.length;
    return 0;
  }

  /** The speech cues of a sentence, outside quotation marks, in order. */
  private cues(s: SentenceInfo): Cue[] {
    const { tokens } = this.ctx;
    const out: Cue[] = [];
    for (let v = s.t0; v < s.t1; v++) {
      if (this.inQuote(v)) continue;
      const t = tokens[v]!;
      if (!t.word) continue;
      const w = t.text;
      const phrase = this.phraseCue(v);
      if (phrase) {
        out.push({
          v,
          len: phrase,
          kind: "verb",
          word: tokens
            .slice(v, v + phrase)
            .map((x) => x.text)
            .join(" "),
        });
        v += phrase - 1;
        continue;
      }
      if (w.toLowerCase() === "according" && low(tokens[v + 1]) === "to") {
        out.push({ v, len: 2, kind: "according", word: "according to" });
        v++;
        continue;
      }
      if (w !== w.toLowerCase()) continue;
      if (SPEECH.has(w) || QUOTE_CUES.has(w)) {
        const prev = low(tokens[v - 1]);
        const prevTok = tokens[v - 1];
        const lowerPrev = isWord(prevTok) && prevTok.text === prev;
        // "a difficult question", "his statement", "the report": the word is a noun here.
        if (
          NOUNABLE.test(w) &&
          ((lowerPrev && NOUN_BEFORE.has(prev)) ||
            (lowerPrev && isAdjective(prev) && !isFiniteVerb(prev) && !ADVERBS.has(prev)) ||
            (isWord(prevTok) && isPossessive(prevTok.text)))
        )
          continue;
        // "declined to say", "want to add": an infinitive is not a statement.
        if (prev === "to" && !/^(?:went|goes|go)$/.test(low(tokens[v - 2]))) continue;
        if (this.deniedOrAsked(v, s)) continue;
        // "..., saying", "and adding", "with spokesperson Yahya Sare'e saying": a participle cue.
        const afterName = !!prevTok && prevTok.word && isCapitalised(prevTok.text) && !this.inQuote(v - 1);
        if (
          w.endsWith("ing") &&
          !/^(?:,|and|while|in|before|after|but|\u2014)$/.test(prev) &&
          !this.afterStatementNoun(v) &&
          !afterName
        )
          continue;
        out.push({ v, len: 1, kind: w.endsWith("ing") ? "participle" : "verb", word: w });
        continue;
      }
      if (STATEMENT_NOUNS.has(w)) {
        for (let k = v + 1; k < Math.min(s.t1, v + 5); k++) {
          if (low(tokens[k]) === "that") {
            out.push({ v, len: 1, kind: "noun", word: w });
            break;
          }
          if (!tokens[k]!.word) break;
        }
      }
    }
    return out;
  }

  /**
   * A speech verb that states nothing: negated ("has not indicated", "Neither side has said"),
   * passive ("were told that": the subject heard it), or asked about ("whether he thought").
   */
  private deniedOrAsked(v: number, s: SentenceInfo): boolean {
    const { tokens } = this.ctx;
    let k = v - 1;
    let aux = false;
    for (let n = 0; k >= s.t0 && n < 4; k--, n++) {
      const l = low(tokens[k]);
      if (/^(?:not|never|n't)$/.test(l) || /n't$/.test(l)) return true;
      if (/^(?:is|are|was|were|been|being|be|am)$/.test(l)) {
        // "has been said" is passive; "had been saying" is not.
        if (!tokens[v]!.text.endsWith("ing")) return true;
      }
      if (!ADVERBS.has(l) && !/ly$/.test(l)) break;
      aux = true;
    }
    void aux;
    for (let m = v - 1; m >= s.t0 && m >= v - 8; m--) {
      const l = low(tokens[m]);
      // "asked whether he thought", "echoed what many have said": asked about, or a free relative.
      if (/^(?:whether|if|what)$/.test(l)) return true;
      if (/^(?:neither|nor|none|nobody|no)$/.test(l) && m >= v - 3) return true;
      if (!tokens[m]!.word) break;
    }
    return false;
  }

  private afterStatementNoun(v: number): boolean {
    const { tokens } = this.ctx;
    for (let k = v - 1; k >= v - 3 && k >= 0; k--) if (DOC_NOUNS.has(low(tokens[k]))) return true;
    return false;
  }

  /** Skips adverbs and auxiliaries left of `j`: "has also said" -> the subject ends before "has". */
  private skipLeftAdverbs(j: number, floor: number): number {
    const { tokens } = this.ctx;
    while (
      j >= floor &&
      tokens[j]!.word &&
      (ADVERBS.has(low(tokens[j])) ||
        (/ly$/.test(low(tokens[j])) && !isCapitalised(tokens[j]!.text) && low(tokens[j]) !== "only"))
    )
      j--;
    return j;
  }

  /** Is tokens[k] a word that can sit inside a noun phrase (left of the head)? */
  private npWord(k: number): boolean {
    const t = this.ctx.tokens[k];
    if (!isWord(t)) return false;
    const w = t.text;
    if (isCapitalised(w)) {
      // "the Washington Post said": a speech word inside a name ("Post", "Report") is the name's.
      const prev = this.ctx.tokens[k - 1];
      const inName = isWord(prev) && isCapitalised(prev.text) && !this.inQuote(k - 1);
      return !SPEECH.has(w.toLowerCase()) || TITLE_WORDS.has(w) || k === 0 || inName;
    }
    const l = w.toLowerCase();
    if (STOP_WORDS.has(l) || SUBJECT_PRONOUNS.has(l) || /^(?:him|them|us|me|to|not)$/.test(l)) return false;
    if (DETERMINERS.has(l) || /^\d/.test(l)) return true;
    if (isRoleNoun(l) || isGroupNoun(l) || isOrgNoun(l) || DOC_NOUNS.has(l)) return true;
    if (isFiniteVerb(l) || SPEECH.has(l)) return false;
    return !/ly$/.test(l) || isCommonWord(l);
  }

  /**
   * The subject of the verb at `v`: the noun phrase ending right before it (past adverbs),
   * skipping an appositive or relative clause between commas ("Tom Baxter, who ..., said").
   * Returns the token range, or null when the verb has no subject on its left.
   */
  private subjectRange(v: number, floor: number): { i: number; j: number } | null {
    const { tokens } = this.ctx;
    const j = this.skipLeftAdverbs(v - 1, floor);
    if (j < floor) return null;
    const t = tokens[j]!;
    if (t.word && SUBJECT_PRONOUNS.has(low(t))) return { i: j, j: j + 1 };
    if (t.text === "," || t.text === "\u2014") {
      // Walk back over the comma segments between the subject and its verb: appositives
      // ("a 67-year-old retired teacher from Dayton, Ohio,", "who lost $41,000,"), asides
      // ("however"), ages ("39"); a name alone between commas is the subject itself ("The club's
      // head coach, Elena Marsh, said").
      let end = j;
      for (let guard = 0; guard < 5; guard++) {
        let c = end - 1;
        while (
          c > floor &&
          tokens[c]!.text !== "," &&
          tokens[c]!.text !== "\u2014" &&
          end - c < 30 &&
          !this.inQuote(c)
        )
          c--;
        if (c <= floor || (tokens[c]!.text !== "," && tokens[c]!.text !== "\u2014")) {
          // Back at the start of the clause: what lies before the segments is the subject.
          if (guard === 0) return null;
          const r = this.subjectRange(end, floor);
          return r && r.j === end ? r : null;
        }
        const segWords = tokens.slice(c + 1, end).map((x) => x.text);
        const seg = capitalisedRuns(tokens, c + 1, end);
        if (guard === 0 && seg.length === 1 && seg[0]!.i === c + 1 && seg[0]!.j === end) {
          const parsed = parseNameRun(segWords);
          if (parsed?.type === "person") return { i: c + 1, j: end };
        }
        const open = tokens[c + 1];
        const aside =
          end - c - 1 <= 3 &&
          /^(?:however|meanwhile|too|also|though|instead|moreover|for|in|by|at|separately|likewise|similarly|nevertheless|still)$/.test(
            low(open),
          );
        const place = segWords.length <= 3 && isPlaceName(segWords);
        const age = segWords.length === 1 && /^\d{1,3}$/.test(segWords[0]!);
        if (!(aside || place || age || this.opensAppositive(c + 1))) return null;
        // What stands before this segment: the subject, or another segment to walk over.
        if (tokens[c - 1]?.text === "," || tokens[c - 1]?.text === "\u2014") {
          end = c - 1;
          continue;
        }
        const inner = this.subjectRange(c, floor);
        if (!inner || inner.j !== c) return null;
        const before = tokens[inner.i - 1];
        const innerWords = tokens.slice(inner.i, inner.j).map((x) => x.text);
        if (
          before &&
          (before.text === "," || before.text === "\u2014") &&
          innerWords.length <= 3 &&
          (isPlaceName(innerWords) || (innerWords.length === 1 && /^\d{1,3}$/.test(innerWords[0]!)))
        ) {
          end = inner.i - 1;
          continue;
        }
        return inner;
      }
      return null;
    }
    let i = j;
    while (i >= floor && j - i < 14) {
      const k = i;
      const tk = tokens[k]!;
      if (this.inQuote(k)) break;
      if (!tk.word) break;
      const l = low(tk);
      if (NP_PREPOSITIONS.has(l)) {
        // "a spokesperson for the agency", "analysts at Goldman Sachs": inside the phrase only
        // between a noun and another noun phrase.
        const before = tokens[k - 1];
        const beforeOk =
          isWord(before) &&
          (isRoleNoun(before.text) ||
            isGroupNoun(before.text) ||
            isOrgNoun(before.text) ||
            DOC_NOUNS.has(low(before)) ||
            isCapitalised(before.text) ||
            /^(?:familiar|close|interviewed|contacted|reached|quoted|cited|speaking)$/.test(low(before)));
        if (!beforeOk || k === j) break;
        i--;
        continue;
      }
      // "The Conservatives' letter to Daniel Greenberg, ..., said": a document's addressee.
      if (l === "to" && k < j && DOC_NOUNS.has(low(tokens[k - 1]))) {
        i--;
        continue;
      }
      if (/^(?:interviewed|contacted|reached|quoted|cited|familiar|close)$/.test(l) && i < j) {
        i--;
        continue;
      }
      if (!this.npWord(k)) break;
      // "Astronomers using the James Webb Space Telescope": a participle after a group joins it.
      const participle =
        /^[a-z]+(?:ing|ed)$/.test(low(tokens[k - 1])) &&
        isWord(tokens[k - 2]) &&
        (isGroupNoun(tokens[k - 2]!.text) || isRoleNoun(tokens[k - 2]!.text));
      if (DETERMINERS.has(l) && !NP_PREPOSITIONS.has(low(tokens[k - 1])) && !participle) {
        i--;
        break;
      }
      i--;
    }
    const start = i + 1;
    if (start > j) return null;
    return { i: start, j: j + 1 };
  }

  /**
   * Extends a subject leftwards over prepositional phrases ("a man interviewed by a CNN stringer
   * | at the scene"), as far as a person, group or organisation noun that heads it; null if none.
   */
  private wideSubject(i: number, floor: number): number | null {
    const { tokens } = this.ctx;
    let k = i - 1;
    let best: number | null = null;
    for (let n = 0; k >= floor && n < 12; k--, n++) {
      const t = tokens[k]!;
      if (!t.word || this.inQuote(k)) break;
      const l = low(t);
      if (STOP_WORDS.has(l) || SUBJECT_PRONOUNS.has(l) || (isFiniteVerb(l) && !/ed$/.test(l))) break;
      if (DETERMINERS.has(l)) {
        const before = low(tokens[k - 1]);
        if (!NP_PREPOSITIONS.has(before) && before !== "by") {
          if (best !== null) return k;
          break;
        }
        continue;
      }
      if (isRoleNoun(l) || isGroupNoun(l) || isOrgNoun(l)) best = k;
    }
    return best !== null && best < i ? best : null;
  }

  /** The noun phrase after an inverted verb: `," said Martin Indyk, executive vice president of ...`. */
  private objectRange(k: number, limit: number): { i: number; j: number } | null {
    const { tokens } = this.ctx;
    if (k < limit && SUBJECT_PRONOUNS.has(low(tokens[k]))) return { i: k, j: k + 1 };
    let j = k;
    while (j < limit && j - k < 14) {
      const t = tokens[j]!;
      if (!t.word) break;
      const l = low(t);
      if (NP_PREPOSITIONS.has(l)) {
        const before = tokens[j - 1];
        const after = tokens[j + 1];
        const nounBefore =
          isWord(before) &&
          (isRoleNoun(before.text) ||
            isGroupNoun(before.text) ||
            isOrgNoun(before.text) ||
            DOC_NOUNS.has(low(before)) ||
            /^(?:familiar|close)$/.test(low(before)));
        // "Peter McNally of Third Bridge", "Jane Roe at the RAND Corp.": a name's affiliation.
        const nameBefore =
          isWord(before) &&
          isCapitalised(before.text) &&
          // ... or an organisation's complement: "the Centre for Maritime Research".
          (/^(?:of|at|from|with)$/.test(l) || (l === "for" && isOrgWord(before.text))) &&
          isWord(after) &&
          (isCapitalised(after.text) ||
            (low(after) === "the" && isWord(tokens[j + 2]) && isCapitalised(tokens[j + 2]!.text)));
        if (
          (!nounBefore && !nameBefore) ||
          !isWord(after) ||
          (!DETERMINERS.has(low(after)) && !isCapitalised(after.text))
        )
          break;
        j++;
        continue;
      }
      // "the Centre for Maritime and Coastal Research": "and" inside an organisation's complement.
      const inComplement =
        l === "and" &&
        isWord(tokens[j - 1]) &&
        isCapitalised(tokens[j - 1]!.text) &&
        isWord(tokens[j + 1]) &&
        isCapitalised(tokens[j + 1]!.text) &&
        tokens
          .slice(k, j)
          .some((u, n, all) => /^(?:for|of)$/.test(u.text) && n > 0 && isOrgWord(all[n - 1]!.text));
      if (!this.npWord(j) && !(isCapitalised(t.text) && j === k) && !inComplement) break;
      j++;
    }
    if (j === k) return null;
    // ", who ..." / ", a senior fellow at ..." after the name: include the appositive as the role.
    if (low(tokens[j]) === ",") {
      let e = j + 1;
      const open = low(tokens[e]);
      if (
        /^(?:a|an|the)$/.test(open) ||
        isRoleNoun(open) ||
        (isWord(tokens[e]) && isTitleWord(tokens[e]!.text))
      ) {
        let verb = false;
        let role = false;
        while (
          e < limit &&
          tokens[e]!.text !== "," &&
          tokens[e]!.text !== "." &&
          !/^(?:who|which)$/.test(low(tokens[e])) &&
          e - j < 20
        ) {
          const w = tokens[e]!.text;
          if (w === w.toLowerCase() && isFiniteVerb(w)) verb = true;
          if (isRoleNoun(w) || isTitleWord(w) || /(?:ist|er|or|ian)s?$/.test(w)) role = true;
          e++;
        }
        // "According to the mayor, the bridge will reopen": a clause, not an appositive.
        if (!verb && role) return { i: k, j: e };
      }
    }
    return { i: k, j };
  }

  /** The subject of the clause starting at `floor`, past a leading adverbial ("In a statement, ..."). */
  private clauseSubject(floor: number, limit: number): Resolution | null {
    const { tokens } = this.ctx;
    let i = this.pastDateline(floor, limit);
    if (CLAUSE_OPENERS.has(low(tokens[i])) || /^(?:but|and|so|yet)$/.test(low(tokens[i]))) {
      if (/^(?:but|and|so|yet)$/.test(low(tokens[i]))) i++;
      if (CLAUSE_OPENERS.has(low(tokens[i]))) {
        while (i < limit && tokens[i]!.text !== ",") i++;
        i++;
      }
    }
    // "Last week, Biden spoke ...": an opening adverbial without a verb before the first comma.
    if (i === floor) {
      let c = i;
      while (c < limit && c < i + 7 && tokens[c]!.text !== ",") c++;
      if (tokens[c]?.text === "," && c > i) {
        let verb = false;
        for (let m = i; m < c; m++)
          if (isFiniteVerb(low(tokens[m])) && !isCapitalised(tokens[m]!.text)) verb = true;
        const opening =
          tokens.slice(i, c).every((t) => !isCapitalised(t.text) || t === tokens[i]) ||
          TIME_WORDS.has(low(tokens[i]));
        if (!verb && opening && !this.opensAppositive(c + 1)) i = c + 1;
      }
    }
    if (i >= limit) return null;
    if (SUBJECT_PRONOUNS.has(low(tokens[i]))) return this.interpret(i, i + 1);
    let j = i;
    while (j < limit && (this.npWord(j) || (NP_PREPOSITIONS.has(low(tokens[j])) && j > i)) && j - i < 10) j++;
    // "Its president, Gary Lindqvist, called ...": the name between commas after a role is the subject.
    if (tokens[j]?.text === ",") {
      let e = j + 1;
      while (e < limit && tokens[e]!.text !== "," && e - j < 6) e++;
      const seg = tokens.slice(j + 1, e).map((t) => t.text);
      const parsed = tokens[e]?.text === "," && seg.length ? parseNameRun(seg) : null;
      if (parsed?.type === "person") return this.interpret(j + 1, e);
    }
    return j > i ? this.interpret(i, j) : null;
  }

  /** Who says it, for the cue at c (subject before the verb, else after it). */
  private speakerOf(c: Cue, s: SentenceInfo, floor = s.t0): Resolution | null {
    const { tokens } = this.ctx;
    if (c.kind === "according") {
      const range = this.objectRange(c.v + 2, s.t1);
      const r = range ? this.interpret(range.i, range.j) : null;
      // "according to LSEG data", "according to a survey": figures, not a statement.
      const after = tokens[range ? range.j : c.v + 2];
      const head = range ? low(tokens[range.j - 1]) : "";
      if (
        r &&
        (/^(?:data|figures|statistics|estimates|survey|surveys|poll|polls|records|filings|calculations|analysis|tally|count|projections|research)$/.test(
          head,
        ) ||
          /^(?:data|figures)$/.test(low(after)))
      )
        return { ...r, sure: false, reason: `the source is ${r.entity.name}'s figures, not a statement` };
      return r;
    }
    if (c.kind === "noun") {
      for (let k = c.v - 1; k >= s.t0 && k >= c.v - 3; k--) {
        const w = low(tokens[k]);
        if (/^(?:his|her|their|its)$/.test(w)) {
          const p = { his: "he", her: "she", their: "they", its: "it" }[w]!;
          return this.pronoun(p, tokens[k]!.start);
        }
        if (isPossessive(tokens[k]!.text) && isCapitalised(tokens[k]!.text)) {
          let i = k;
          while (i - 1 >= s.t0 && isWord(tokens[i - 1]) && isCapitalised(tokens[i - 1]!.text)) i--;
          return this.interpret(i, k + 1);
        }
      }
      return null;
    }
    if (c.kind === "participle") {
      // "with spokesperson Yahya Sare'e saying ...": the name right before it.
      const before = tokens[c.v - 1];
      if (isWord(before) && isCapitalised(before.text)) {
        const left = this.subjectRange(c.v, floor);
        const r = left ? this.interpret(left.i, left.j) : null;
        if (r) return r;
      }
      // "..., saying that ...": the subject of the main clause.
      return this.clauseSubject(s.t0, c.v);
    }
    const left = this.subjectRange(c.v, floor);
    if (left) {
      const r = this.interpret(left.i, left.j);
      // "The United Nations and European Union stressed": a joint statement has no one speaker.
      const and = tokens[left.i - 1];
      if (
        r &&
        isWord(and) &&
        /^(?:and|&)$/.test(low(and)) &&
        isWord(tokens[left.i - 2]) &&
        isCapitalised(tokens[left.i - 2]!.text)
      )
        return { ...r, sure: false, reason: `${r.entity.name} speaks together with others` };
      if (r) return r;
    }
    // "A man interviewed by a CNN stringer at the scene said": a longer phrase with prepositions.
    if (left) {
      const wide = this.wideSubject(left.i, floor);
      if (wide !== null) {
        const r = this.interpret(wide, left.j);
        if (r) return r;
      }
    }
    // "..., said the officials, who added that ...": "who" speaks for the noun phrase before it.
    const w0 = this.skipLeftAdverbs(c.v - 1, floor);
    if (w0 >= floor && /^(?:who|which)$/.test(low(tokens[w0]))) {
      const at = tokens[w0 - 1]?.text === "," ? w0 - 1 : w0;
      const ante = this.subjectRange(at, floor) ?? this.subjectRange(at, s.t0);
      const r = ante ? this.interpret(ante.i, ante.j) : null;
      if (r) return r;
    }
    // "A spokesperson who did not wish to be named said": the subject before a relative clause.
    for (let k = c.v - 1; k > floor && k > c.v - 24; k--) {
      const t = tokens[k]!;
      if (!t.word || this.inQuote(k)) break;
      if (/^(?:who|which)$/.test(low(t))) {
        const head = tokens[k - 1];
        if (
          !isWord(head) ||
          !(
            isRoleNoun(head.text) ||
            isGroupNoun(head.text) ||
            isOrgNoun(head.text) ||
            DOC_NOUNS.has(low(head)) ||
            isCapitalised(head.text)
          )
        )
          break;
        const inner = this.subjectRange(k, floor);
        const r = inner ? this.interpret(inner.i, inner.j) : null;
        if (r) return r;
        break;
      }
    }
    const prev = low(tokens[this.skipLeftAdverbs(c.v - 1, floor)]);
    if (prev === "and" || prev === "but") {
      // "... picked JD Vance, who opposes aid and warned Europe will ...": the second verb of a
      // relative clause shares its subject, the noun phrase before "who".
      for (let k = c.v - 2; k > floor && k > c.v - 20; k--) {
        const t = tokens[k]!;
        if (this.inQuote(k) || /^(?:,|;|:|\u2014)$/.test(t.text)) break;
        if (low(t) !== "who") continue;
        const at = tokens[k - 1]?.text === "," ? k - 1 : k;
        // The name right before "who" ("... picked Councillor Ada Lund, who ..."), else its phrase.
        const run = capitalisedRuns(tokens, Math.max(floor, at - 6), at).at(-1);
        if (run && run.j === at) {
          const named = this.interpret(run.i, run.j);
          if (named && named.entity.type !== "anonymous") return named;
        }
        const ante = this.subjectRange(at, floor) ?? this.subjectRange(at, s.t0);
        const r = ante ? this.interpret(ante.i, ante.j) : null;
        if (r) return r;
        break;
      }
      return this.clauseSubject(floor, c.v);
    }
    const right = this.objectRange(c.v + c.len, s.t1);
    if (right && (!left || prev === "," || tokens[c.v - 1]?.text === '"' || c.v === floor)) {
      // "said her players had refused": a noun phrase followed by a verb is the reported clause.
      const after = tokens[right.j];
      if (isWord(after) && isFiniteVerb(low(after)) && !SPEECH.has(low(after))) return null;
      return this.interpret(right.i, right.j);
    }
    return null;
  }

  /**
   * Where the reported clause after a cue starts (token index), or -1: after "that", after a
   * hearer ("told reporters (that)"), past adjuncts ("in a statement on Telegram", "on Monday"),
   * or a bare clause (a subject and a finite verb).
   */
  private clauseAfter(c: Cue, s: SentenceInfo): number {
    const { tokens } = this.ctx;
    let k = c.v + c.len;
    if (c.kind === "noun") {
      while (k < s.t1 && low(tokens[k]) !== "that") k++;
      return k + 1 < s.t1 ? k + 1 : -1;
    }
    if (TELL.has(c.word) && k < s.t1 && !/^(?:that|,|:)$/.test(low(tokens[k]))) {
      // The hearer: "told CNN", "told reporters aboard Air Force One", "told a news conference".
      const start = k;
      if (/^(?:him|her|them|us|me|you)$/.test(low(tokens[k]))) k++;
      else {
        while (
          k < s.t1 &&
          k - start < 6 &&
          (this.npWord(k) || (NP_PREPOSITIONS.has(low(tokens[k])) && k > start))
        ) {
          if (k > start && /^(?:the|a|an)$/.test(low(tokens[k])) && !NP_PREPOSITIONS.has(low(tokens[k - 1])))
            break;
          if (k > start && SUBJECT_PRONOUNS.has(low(tokens[k]))) break;
          // "told customers their money was safe": a possessive starts the clause's subject.
          if (k > start && /^(?:their|his|her|its|our|my|your)$/.test(low(tokens[k]))) break;
          k++;
        }
      }
      // "warned Europe will have to ...": what looked like the hearer is the clause's subject.
      if (
        k > start &&
        /^(?:will|would|could|can|must|should|may|might|is|are|was|were|has|have|had)$/.test(low(tokens[k]))
      )
        k = start;
    }
    k = this.skipAdjuncts(k, s.t1);
    const t = tokens[k];
    if (!t || this.inQuote(k) || t.text === '"') return -1;
    const l = low(t);
    if (l === "that") return k + 1 < s.t1 ? k + 1 : -1;
    if (l === ":") return k + 1 < s.t1 && tokens[k + 1]!.text !== '"' && !this.inQuote(k + 1) ? k + 1 : -1;
    if (k >= s.t1) return -1;
    if (isQuoteOnly(c.word) || (QUOTE_CUES.has(c.word) && !REPORTING.has(c.word))) return -1;
    // `," said Amara Nwosu, ...`: the cue of the quotation before it reports nothing after it.
    const prev = tokens[c.v - 1];
    if (
      c.kind === "verb" &&
      prev &&
      (prev.text === '"' || (prev.text === "," && tokens[c.v - 2]?.text === '"'))
    )
      return -1;
    if (c.kind === "verb" && prev && this.inQuote(c.v - 1)) return -1;
    const first = low(tokens[k]);
    if (/^(?:he|she|it|they|we|i|you|there)(?:'s|'re|'ll|'d|'ve|'m)?$/.test(first)) return k;
    // "has argued this constituted a theft": a demonstrative subject right before its verb.
    const second = tokens[k + 1];
    if (
      /^(?:this|these|those)$/.test(first) &&
      isWord(second) &&
      second.text === low(second) &&
      looksFinite(second.text)
    )
      return k;
    // "said not all of the ferries were damaged": a negated quantifier opens the clause.
    if (
      first === "not" &&
      /^(?:all|every|everyone|everybody|everything|enough|many|much|one|a|an|the|only|just|even|every)$/.test(
        low(tokens[k + 1]),
      )
    )
      return this.bareClause(c, s, k + 1) < 0 ? -1 : k;
    return this.bareClause(c, s, k);
  }

  /** A bare reported clause at k (a noun phrase then a finite verb before any comma): k, or -1. */
  private bareClause(c: Cue, s: SentenceInfo, k: number): number {
    const { tokens } = this.ctx;
    const first = low(tokens[k]);
    // A bare clause: a noun phrase then a finite verb before any comma ("the bridge would reopen").
    if (!this.npWord(k) && !/^\d/.test(first)) return -1;
    // Verbs that also take a plain object ("added new systems", "confirmed the deal") need a
    // verb the lexicon knows; "said" and its like take a verb recognised by its ending too.
    // "maintains about 90,000 miles of cable": verbs with another sense report only with "that".
    if (NEEDS_THAT.has(c.word)) return -1;
    // "fears that ...", "hopes they ...": a belief verb reports a clause only with "that" or a pronoun.
    if (BELIEF.has(c.word) && !CLAUSE_ONLY.has(c.word)) return -1;
    const loose = CLAUSE_ONLY.has(c.word);
    // "added 25 points", "confirmed two deaths": a number after such a verb is its object.
    if (!loose && /^\d/.test(first)) return -1;
    let relative = false;
    for (let m = k + 1; m < Math.min(s.t1, k + (loose ? 14 : 7)); m++) {
      const tk = tokens[m]!;
      // "said Amara Nwosu, an astrophysicist who led the study": a verb inside a relative clause
      // does not make the noun phrase a clause; a comma ends one.
      if (/^(?:who|which|whose|whom)$/.test(low(tk))) relative = true;
      if (relative) {
        // The relative clause ends at a comma, or where the main verb's modal comes
        // ("anyone who doubts how valuable it is should try it").
        if (tk.text === ",") relative = false;
        else if (/^(?:should|would|will|must|can|could|may|might)$/.test(low(tk)) && m > k + 3) return k;
        continue;
      }
      if (tk.text === "(") {
        while (m < s.t1 && tokens[m]!.text !== ")") m++;
        continue;
      }
      // A name in quotation marks inside the subject: "the program, known as "Catch Up", would ...".
      if (this.inQuote(m) || tk.text === '"') {
        const mi = this.ctx.quoteOf[m] ?? -1;
        if (tk.text === '"' || (mi >= 0 && !this.isSpeechQuote(this.ctx.marks[mi]!))) continue;
        // A short quoted fragment is read as the clause's own words ("the test's "specifics
        // remain confidential""); a longer quotation makes the sentence a direct quote.
        if (mi < 0 || wordsIn(this.ctx.text, this.ctx.marks[mi]!) > 3) return -1;
      }
      if (!tk.word) {
        // "the unit, built for 40 patients, had held": an appositive inside the subject.
        if (/^['\-%$\u20AC\u00A3]$/.test(tk.text) || (tk.text === "," && m > k + 1 && loose)) continue;
        return -1;
      }
      const before = low(tokens[m - 1]);
      if (NOUN_BEFORE.has(before) || NP_PREPOSITIONS.has(before) || ADJUNCT_PREPOSITIONS.has(before))
        continue;
      if (loose ? looksFinite(tk.text) : isFiniteVerb(low(tk)) && tk.text === low(tk)) return k;
      // "the tests remain secret": a plural subject's present tense.
      if (
        tk.text === low(tk) &&
        m > k &&
        isPluralPresent(
          before,
          tk.text,
          m - 1 === k || DETERMINERS.has(low(tokens[m - 2])) || /^\d/.test(low(tokens[m - 2])),
        )
      )
        return k;
    }
    return -1;
  }

  /**
   * Skips what may stand between a verb and its content: prepositional phrases ("in a statement
   * on Telegram", "to reporters", "at a news conference"), time words ("on Monday", "last week",
   * "Tuesday"), adverbs ("also", "separately"). Returns the first token after them.
   */
  private skipAdjuncts(k: number, limit: number): number {
    const { tokens } = this.ctx;
    for (let guard = 0; k < limit && guard < 16; guard++) {
      const t = tokens[k]!;
      const l = low(t);
      if (this.inQuote(k)) return k;
      if (ADJUNCT_PREPOSITIONS.has(l) && k + 1 < limit && this.npWord(k + 1)) {
        k++;
        let n = 0;
        while (
          k < limit &&
          n < 8 &&
          (this.npWord(k) ||
            /^(?:of|and)$/.test(low(tokens[k])) ||
            // "in a televised address": a participle after a determiner is an adjective.
            (/ed$/.test(low(tokens[k])) && DETERMINERS.has(low(tokens[k - 1]))))
        ) {
          if (n > 0 && SUBJECT_PRONOUNS.has(low(tokens[k]))) break;
          if (n > 0 && low(tokens[k]) === "that") break;
          k++;
          n++;
        }
        continue;
      }
      // "this week", "last month"; but "this ferry is new": "this", "last", "next" only before a time.
      const nextText = tokens[k + 1]?.text ?? "";
      const timeAfter = TIME_WORDS.has(low(tokens[k + 1])) || WEEKDAYS.has(nextText) || MONTHS.has(nextText);
      if (/^(?:this|last|next)$/.test(l) && !timeAfter) break;
      if (
        TIME_WORDS.has(l) ||
        WEEKDAYS.has(t.text) ||
        MONTHS.has(t.text) ||
        (/^\d{1,2}$/.test(l) && MONTHS.has(tokens[k - 1]?.text ?? ""))
      ) {
        k++;
        continue;
      }
      if (/ly$/.test(l) && !isCapitalised(t.text) && !isCommonWord(l.replace(/ly$/, ""))) {
        k++;
        continue;
      }
      break;
    }
    return k;
  }

  // ---- direct quotes ------------------------------------------------------------------

  /** Scare quotes, titles and defined terms are not speech. */
  isSpeechQuote(mark: QuoteMark): boolean {
    const { text, tokens } = this.ctx;
    const inner = text.slice(mark.inner.start, mark.inner.end).trim();
    const words = inner.match(/[\p{L}\p{N}][\p{L}\p{N}'\u00AD-]*/gu) ?? [];
    if (!words.length) return false;
    const endsPunct = /[.,?!:;\u2026]$/.test(inner);
    const k = tokenAt(this.ctx, mark.open) - 1;
    const prev = low(tokens[k]);
    const prev2 = low(tokens[k - 1]);
    const termCue =
      /^(?:called|calls|call|dubbed|titled|entitled|named|nicknamed|so-called|term|termed|word|words|phrase|slogan|hashtag|headline|headlined|book|film|movie|song|album|novel|series|show|play|program|programme|campaign|operation|label|labelled|labeled|as|column|section|podcast|newsletter|documentary|exhibition|report|study|paper|article|motto|theme|mantra|brand|nickname)$/.test(
        prev,
      );
    // A title capitalises its long words; a sentence has a verb ("It's 'Showtime at the Apollo.'").
    const long = words.filter((w) => w.length > 3);
    const sentenceLike =
      words.some((w, n) => (n > 0 || !isCapitalised(w)) && looksFinite(w)) ||
      /['\u2019](?:s|m|re|ll|ve|d|t)\b/i.test(inner);
    const titleCase = long.length > 0 && long.every((w) => isCapitalised(w)) && !sentenceLike;
    if (termCue && (words.length <= 6 || titleCase)) {
      // "what he called 'X'" is still speech.
      const what = tokens.slice(Math.max(0, k - 3), k).some((t) => low(t) === "what");
      if (!what || words.length <= 3) return false;
    }
    if (titleCase && words.length > 1 && (words.length <= 5 || (words.length <= 10 && !endsPunct)))
      return false;
    if (words.length <= 3 && !endsPunct && !mark.openEnded) return false;
    // A fragment of one to three words inside a sentence ("repairs could take "several days."")
    // is a quoted word or phrase, not an utterance, whatever punctuation it carries; one standing
    // alone or after a cue ("he said: "No."") is one.
    if (words.length <= 3 && !mark.openEnded) {
      const before = tokens[k];
      const alone =
        !before ||
        !before.word ||
        /^(?:,|:)$/.test(before.text) ||
        sentenceAt(this.ctx, mark.open) !== sentenceAt(this.ctx, before.start);
      if (!alone && !SPEECH.has(prev)) return false;
    }
    void prev2;
    return true;
  }

  /** Cue after a closing mark, in the same sentence: `," said X`, `," X said`, `," X, the ROLE, said`. */
  private cueAfter(mark: QuoteMark, s: SentenceInfo, cues: Cue[]): { r: Resolution; cue: Cue } | null {
    const { tokens } = this.ctx;
    if (mark.openEnded) return null;
    let k = tokenAt(this.ctx, mark.close + 1);
    if (k >= s.t1) return null;
    if (/^(?:,|\u2014|-)$/.test(tokens[k]!.text)) k++;
    const cue = cues.find((c) => c.v >= k && c.v - k <= 22);
    if (!cue) return null;
    // Nothing but the speaker phrase between the mark and the verb: no other quotation, no clause.
    // Otherwise the quotation may still be part of a clause that a closing cue reports.
    for (let m = k; m < cue.v; m++) {
      if (this.inQuote(m) || tokens[m]!.text === '"' || tokens[m]!.text === ";" || tokens[m]!.text === ".") {
        if (tokens[m]!.text === ";" || tokens[m]!.text === ".") return null;
        const closing = this.clauseBefore(cue, s, true);
        if (closing && !closing.interposed && tokens[closing.start]!.start <= mark.open) {
          const r = this.speakerOf(cue, s, closing.groupStart);
          if (r) return { r, cue };
        }
        return null;
      }
    }
    if (cue.v === k) {
      if (cue.kind === "according") {
        const r = this.speakerOf(cue, s);
        return r ? { r, cue } : null;
      }
      const right = this.objectRange(k + cue.len, s.t1);
      const r = right ? this.interpret(right.i, right.j) : null;
      return r ? { r, cue } : null;
    }
    // The speaker phrase: from the mark to the verb. Its first segment is a noun phrase; any
    // later segment between commas or dashes must be an appositive ("Wade, the task force
    // commander,", "Clark's sister — who did not want her name published —").
    const j = this.skipLeftAdverbs(cue.v - 1, k) + 1;
    if (j <= k) return null;
    const segments: { i: number; j: number }[] = [];
    let from = k;
    for (let m = k; m <= j; m++) {
      if (m === j || tokens[m]!.text === "," || tokens[m]!.text === "\u2014") {
        if (m > from) segments.push({ i: from, j: m });
        from = m + 1;
      }
    }
    const hasVerb = (seg: { i: number; j: number }) => {
      for (let m = seg.i; m < seg.j; m++) {
        const l = low(tokens[m]);
        if (isFiniteVerb(l) && !isCapitalised(tokens[m]!.text) && !ADVERBS.has(l)) return true;
      }
      return false;
    };
    const first = segments[0];
    const appositives = segments.slice(1).every((seg) => this.opensAppositive(seg.i));
    if (first && !hasVerb(first) && appositives) {
      const r = this.interpret(first.i, first.j);
      if (r) {
        const role = segments[1];
        if (
          role &&
          r.entity.type === "person" &&
          !r.entity.role &&
          !/^(?:who|which|whose)$/.test(low(tokens[role.i]))
        ) {
          const text = this.ctx.text
            .slice(tokens[role.i]!.start, tokens[role.j - 1]!.end)
            .replace(/^(?:a|an|the)\s+/i, "");
          this.reg.setRole(r.entity, text, this.span(role.i, role.j));
        }
        return { r, cue };
      }
    }
    // `"..." against women's rights, Meloni said.` / `X, the "lead case", is ..., Price said.`: the
    // quotation is part of a clause that a closing cue reports.
    const closing = this.clauseBefore(cue, s, true);
    if (closing && !closing.interposed && tokens[closing.start]!.start <= mark.open) {
      const r = this.speakerOf(cue, s, closing.groupStart);
      if (r) return { r, cue };
    }
    return null;
  }

  /** Does the segment starting at token i read as an appositive or a relative clause? */
  private opensAppositive(i: number): boolean {
    const open = this.ctx.tokens[i];
    if (!isWord(open)) return false;
    return (
      /^(?:who|which|whose|a|an|the|now|then|formerly|himself|herself|itself|speaking|writing|also|both|one)$/.test(
        low(open),
      ) ||
      /^\d/.test(open.text) ||
      // "Kovac, asked whether ..., said"; "X, speaking to reporters, said".
      (open.text === low(open) &&
        /^(?:asked|pressed|questioned|speaking|writing|responding|interviewed|reached|contacted|quoted|visiting|appearing|testifying|addressing|standing|flanked|joined|accompanied)$/.test(
          low(open),
        )) ||
      isTitleWord(open.text) ||
      isRoleNoun(open.text) ||
      // "head of the city's military administration"
      (/^(?:head|heads|chair|member|members|part)$/.test(low(open)) &&
        low(this.ctx.tokens[i + 1]) === "of") ||
      (isCapitalised(open.text) && (isPossessive(open.text) || isTitleWord(open.text))) ||
      (isCapitalised(open.text) && this.npRun(i))
    );
  }

  /** A capitalised noun phrase that ends in a person noun: "RIMPAC 2024 Combined Task Force commander". */
  private npRun(i: number): boolean {
    const { tokens } = this.ctx;
    for (let m = i; m < i + 10 && m < tokens.length; m++) {
      const t = tokens[m]!;
      if (!t.word) return false;
      if (!isCapitalised(t.text) && !/^\d/.test(t.text)) return isRoleNoun(t.text) || isGroupNoun(t.text);
    }
    return false;
  }

  /** The latest cue before the opening mark whose content the quotation is (or is inside). */
  private cueBefore(mark: QuoteMark, s: SentenceInfo, cues: Cue[]): { r: Resolution; cue: Cue } | null {
    const { tokens } = this.ctx;
    const open = tokenAt(this.ctx, mark.open);
    let found: { r: Resolution; cue: Cue } | null = null;
    for (let n = cues.length - 1; n >= 0; n--) {
      const c = cues[n]!;
      if (c.v >= open) continue;
      // Right before the quotation ("said:", "told CNN,", "added that"), or the quotation sits
      // inside the clause the cue reports. Verbs that never report a clause ("continued",
      // "asked", "described") count only right before it.
      let k = c.v + c.len;
      if (TELL.has(c.word) && !/^(?:that|,|:)$/.test(low(tokens[k]))) {
        const h = this.objectRange(k, open);
        if (h) k = h.j;
      }
      k = this.skipAdjuncts(k, open);
      while (k < open && /^(?:that|,|:|\u2014)$/.test(low(tokens[k]))) k++;
      // "condemned the "...", "called it "...", "described them as "...": a short object lead-in.
      // "called the decision "...", "described the plan as "...": a short object, then the quotation.
      if (QUOTE_CUES.has(c.word))
        while (
          k < open &&
          k < c.v + c.len + 6 &&
          (/^(?:the|a|an|it|them|this|that|his|her|their|its|as|what|him|us)$/.test(low(tokens[k])) ||
            (isWord(tokens[k]) && !isFiniteVerb(low(tokens[k])) && !STOP_WORDS.has(low(tokens[k]))))
        )
          k++;
      const adjacent = k >= open;
      const reports = REPORTING.has(c.word) || c.kind === "according" || c.kind === "noun";
      if (!adjacent && !reports) continue;
      const r = this.speakerOf(c, s);
      if (!r) continue;
      // The nearest cue whose content the quotation is, or is inside.
      found = { r, cue: c };
      break;
    }
    return found;
  }

  /** Attributes every speech quotation of the prose; returns them in text order. */
  private cueCache = new Map<number, Cue[]>();

  private cuesIn(s: SentenceInfo): Cue[] {
    let c = this.cueCache.get(s.index);
    if (!c) this.cueCache.set(s.index, (c = this.cues(s)));
    return c;
  }

  /** The quotation at `mark` with the cue of its own sentence (after it, or before it), if any. */
  private cuedQuote(mark: QuoteMark): DirectItem | null {
    const { sentences } = this.ctx;
    const cuesIn = (x: SentenceInfo) => this.cuesIn(x);
    const s = sentences[sentenceAt(this.ctx, mark.open)]!;
    if (!s.prose || !this.isSpeechQuote(mark)) return null;
    const cues = cuesIn(s);
    const closeS = sentences[sentenceAt(this.ctx, Math.max(mark.open, mark.close - 1))]!;
    const after = this.cueAfter(mark, closeS, closeS === s ? cues : cuesIn(closeS));
    let item: DirectItem = { mark, r: null, cue: "", how: "", s };
    // "according to" after a quotation inside a reported clause names the source of the report,
    // not the speaker: the verb before the quotation wins then.
    const weak = after?.cue.kind === "according";
    const before = !after || weak ? this.cueBefore(mark, s, cues) : null;
    if (after && !(weak && before))
      item = { ...item, r: after.r, cue: after.cue.word, how: "cue after the quote" };
    else if (before) item = { ...item, r: before.r, cue: before.cue.word, how: "cue before the quote" };
    else {
      // "X said:" closing the previous sentence or paragraph.
      const prevS = sentences[s.index - 1];
      if (prevS && prevS.prose && /:\s*$/.test(prevS.text) && this.startsSentence(mark, s)) {
        const c = cuesIn(prevS);
        const last = c[c.length - 1];
        const r = last ? this.speakerOf(last, prevS) : null;
        if (r) item = { ...item, r, cue: last!.word, how: "cue before the quote" };
      }
      // "Al Assas voiced his despair: "Where should we go?"": a colon introduces the subject's words.
      const beforeMark = this.ctx.tokens[tokenAt(this.ctx, mark.open) - 1];
      if (!item.r && beforeMark?.text === ":" && !this.startsSentence(mark, s)) {
        const r = this.clauseSubject(s.t0, tokenAt(this.ctx, mark.open) - 1);
        if (r && !r.entity.place)
          item = {
            ...item,
            r: { ...r, reason: `the quotation follows a colon after ${r.entity.name}` },
            cue: "colon",
            how: "cue before the quote",
          };
      }
      // "She also apologized "to the families ..."", "X called on the allies to "...": a quotation
      // of four words or more inside a sentence with no speech verb is its subject's words.
      if (!item.r && !this.startsSentence(mark, s)) {
        const inner = this.ctx.text.slice(mark.inner.start, mark.inner.end);
        const n = (inner.match(/[\p{L}\p{N}]+/gu) ?? []).length;
        const open = tokenAt(this.ctx, mark.open);
        const r = n >= 4 ? this.clauseSubject(s.t0, open) : null;
        if (r && !r.entity.place)
          item = {
            ...item,
            r: {
              ...r,
              sure: false,
              reason: `${r.entity.name} is the subject of the sentence that quotes these words`,
            },
            cue: "subject of the sentence",
            how: "subject of the sentence",
          };
      }
    }
    if (item.r) this.lastSpeaker = { id: item.r.entity.id, paragraph: s.paragraph };
    return item;
  }

  /**
   * Quotations without a cue continue a speaker: the statement before them in their paragraph
   * (quoted or reported), the attributed quotation after them in it, or the quotation they carry
   * on from the previous paragraph; a stand-alone quotation paragraph takes the speaker the
   * previous paragraph ended with, marked uncertain.
   */
  private continueQuotes(items: DirectItem[], indirect: FoundQuote[]) {
    type Said = { at: number; paragraph: number; r: Resolution; open: boolean; direct: boolean };
    const said: Said[] = [];
    for (const it of items)
      if (it.r)
        said.push({
          at: it.mark.open,
          paragraph: it.mark.paragraph,
          r: it.r,
          open: it.mark.openEnded,
          direct: true,
        });
    for (const q of indirect) {
      const e = this.reg.get(q.speakerId);
      said.push({
        at: q.span.start,
        paragraph: this.ctx.sentences[q.sentence]!.paragraph,
        r: { entity: e, via: q.via, sure: q.sure, reason: "" },
        open: false,
        direct: false,
      });
    }
    said.sort((x, y) => x.at - y.at);
    const lastBefore = (pos: number) => {
      let best: Said | undefined;
      for (const x of said) {
        if (x.at >= pos) break;
        best = x;
      }
      return best;
    };
    for (let n = 0; n < items.length; n++) {
      const it = items[n]!;
      if (it.r) continue;
      const p = it.mark.paragraph;
      const prev = lastBefore(it.mark.open);
      const next = items.slice(n + 1).find((x) => x.r && x.how !== "continues paragraph");
      let r: Resolution | null = null;
      let how = "";
      if (prev && prev.paragraph === p) {
        r = { ...prev.r, reason: `the quote continues ${prev.r.entity.name}'s words in the same paragraph` };
        how = "continues paragraph";
      } else if (
        next?.r &&
        next.mark.paragraph === p &&
        !this.personNamedBetween(it.mark.close, next.mark.open)
      ) {
        r = {
          ...next.r,
          reason: `the quote is followed in its paragraph by ${next.r.entity.name}'s attributed words`,
        };
        how = "continues paragraph";
      } else if (prev && prev.paragraph === p - 1 && this.startsParagraph(it.mark)) {
        const open = prev.direct && prev.open;
        r = {
          ...prev.r,
          sure: prev.r.sure && open,
          reason: open
            ? `the quote carries on ${prev.r.entity.name}'s quotation from the previous paragraph`
            : `the speaker, ${prev.r.entity.name}, is named in the previous paragraph`,
        };
        how = open ? "continues quote" : "continues previous paragraph";
      }
      if (!r && !this.startsParagraph(it.mark)) {
        // "Al Assas, a resident, voiced his despair. "Where should we go?"": the person the
        // paragraph opens with, when nobody else speaks in it (uncertain).
        const first = this.ctx.sentences.find((x) => x.paragraph === p);
        const subj = first && first.index < it.s.index ? this.clauseSubject(first.t0, first.t1) : null;
        if (subj && subj.entity.type === "person")
          r = { ...subj, sure: false, reason: `the paragraph is about ${subj.entity.name}` };
        how = "continues paragraph";
      }
      if (!r) continue;
      it.r = r;
      it.cue = how;
      it.how = how;
      said.push({ at: it.mark.open, paragraph: p, r, open: it.mark.openEnded, direct: true });
      said.sort((x, y) => x.at - y.at);
    }
  }

  private toFound(items: DirectItem[]): FoundQuote[] {
    const { text, sentences } = this.ctx;
    const out: FoundQuote[] = [];
    for (const it of items) {
      if (!it.r) continue;
      const si = sentenceAt(this.ctx, it.mark.inner.start);
      const se = sentenceAt(this.ctx, Math.max(it.mark.inner.start, it.mark.close - 1));
      const s0 = sentences[si]!;
      const s1 = sentences[se]!;
      const reasons = [it.r.reason];
      if (it.how === "cue after the quote" || it.how === "cue before the quote")
        reasons.unshift("the quote has its own attribution");
      out.push({
        text: text.slice(it.mark.inner.start, it.mark.inner.end).trim(),
        speaker: it.r.entity.name,
        kind: "direct",
        span: it.mark.inner,
        evidence: { start: s0.start, end: s1.end },
        sentence: si,
        cue: it.cue,
        defective: s0.defective || s1.defective,
        via: it.r.via,
        speakerId: it.r.entity.id,
        sure: it.r.sure && it.how !== "continues previous paragraph",
        reasons,
      });
    }
    return out;
  }

  /** A person named (outside quotes) between two offsets: a quote before them does not take the later speaker. */
  private personNamedBetween(a: number, b: number): boolean {
    for (const m of this.reg.before(b, 50)) {
      if (m.start < a) break;
      if (this.reg.get(m.entity).type === "person") return true;
    }
    return false;
  }

  private startsParagraph(mark: QuoteMark): boolean {
    const { text } = this.ctx;
    return mark.open === 0 || text.slice(Math.max(0, mark.open - 2), mark.open) === "\n\n";
  }

  private startsSentence(mark: QuoteMark, s: SentenceInfo): boolean {
    return mark.open <= s.start + 1;
  }

  // ---- the whole pass ---------------------------------------------------------------

  /**
   * Direct quotations first (they claim their cues), then the reported statements of every
   * cue left, sentence by sentence. Returns both, in text order.
   */
  run(): FoundQuote[] {
    const { sentences, marks } = this.ctx;
    const speechMark = marks.map((m) => this.isSpeechQuote(m));
    const marksOf = new Map<number, QuoteMark[]>();
    for (const m of marks) {
      const si = sentenceAt(this.ctx, m.open);
      marksOf.set(si, [...(marksOf.get(si) ?? []), m]);
    }
    // One pass in text order, so that each "he" knows who spoke last, quoted or reported.
    const items: DirectItem[] = [];
    const indirect: FoundQuote[] = [];
    for (const s of sentences) {
      if (!s.prose) continue;
      for (const mark of marksOf.get(s.index) ?? []) {
        const it = this.cuedQuote(mark);
        if (!it) continue;
        items.push(it);
        const m = it.r ? this.reg.mentionAt(it.r.via.start) : undefined;
        if (m) m.speaks = true;
      }
      indirect.push(...this.indirectIn(s, speechMark));
      const last = [...items].reverse().find((it) => it.r && it.s.index === s.index);
      if (last?.r) this.lastSpeaker = { id: last.r.entity.id, paragraph: s.paragraph };
    }
    this.continueQuotes(items, indirect);
    const direct = this.toFound(items);
    return [...direct, ...indirect].sort((a, b) => a.span.start - b.span.start);
  }

  /** The reported statements of one sentence. */
  private indirectIn(s: SentenceInfo, speechMark: boolean[]): FoundQuote[] {
    const { tokens, text } = this.ctx;
    const out: FoundQuote[] = [];
    const markAtToken = (k: number) => this.ctx.quoteOf[k] ?? -1;
    // A quoted fragment of three words or fewer ("was "long overdue"", "should "take its time."")
    // is part of the reported clause; a longer quotation of speech is a direct quote of its own.
    const isLong = (mi: number) => speechMark[mi]! && wordsIn(text, this.ctx.marks[mi]!) >= 4;
    const cues = this.cues(s);
    type Candidate = { c: Cue; r: Resolution; start: number; end: number; shape: string; found: number };
    const candidates: Candidate[] = [];
    for (let n = 0; n < cues.length; n++) {
      const c = cues[n]!;
      // Content after the cue; an inverted cue after a comma ("..., said the officials") reports
      // what comes before it.
      const inverted = tokens[c.v - 1]?.text === "," && c.kind === "verb";
      const found =
        c.kind === "according" || (inverted && this.clauseBefore(c, s)) ? -1 : this.clauseAfter(c, s);
      if (found >= 0) {
        // "..., he said, adding that ...": the participle goes on with the last cue's speaker.
        const prev = candidates[candidates.length - 1];
        const r =
          this.speakerOf(c, s) ??
          (c.kind === "participle" && tokens[c.v - 1]?.text === "," && prev ? prev.r : null);
        if (r) {
          const end = this.clauseEndBefore(cues.slice(n + 1), s, found);
          candidates.push({ c, r, start: found, end, shape: "after", found });
          continue;
        }
      }
      // Content before the cue: "CLAUSE, X said." / "CLAUSE, according to X." / "A, X said, B."
      if (!(REPORTING.has(c.word) || c.kind === "according") || BELIEF.has(c.word)) continue;
      const before = this.clauseBefore(c, s);
      if (!before) continue;
      const r = this.speakerOf(c, s, before.groupStart);
      if (r)
        candidates.push({
          c,
          r,
          start: before.start,
          end: before.end,
          shape: before.interposed ? "interposed" : "before",
          found: -1,
        });
    }
    // A cue inside another statement's content is part of what is reported ("X said he believes
    // that ...", "The US believes ..., according to an official"): only the outer one counts.
    const kept = candidates.filter(
      (b) =>
        !candidates.some(
          (a) => a !== b && b.c.v >= a.start && b.c.v < a.end && !(a.c.v >= b.start && a.c.v < b.end),
        ),
    );
    // "X said A and that B" is one statement of two clauses, unless A is only the lead-in of a
    // quotation ("said the Houthis have "prepared for a long war" and that Tel Aviv is still not
    // safe"): then B is the statement. Each clause is read on its own, and a clause that follows
    // a kept clause of the same cue joins it.
    type Part = Candidate & { of: Candidate; cont: boolean };
    const parts: Part[] = [];
    for (const k of kept) {
      let from = k.start;
      for (let m = k.start + 2; m + 2 < k.end; m++) {
        if (/^(?:and|but)$/.test(low(tokens[m])) && low(tokens[m + 1]) === "that" && !this.inQuote(m)) {
          parts.push({
            ...k,
            start: from,
            end: tokens[m - 1]?.text === "," ? m - 1 : m,
            of: k,
            cont: from !== k.start,
          });
          from = m + 2;
        }
      }
      parts.push({ ...k, start: from, of: k, cont: from !== k.start });
    }
    let lastOf: Candidate | null = null;
    for (const { c, r, start, end, shape, found, of, cont } of parts) {
      const joins = cont && lastOf === of;
      lastOf = null;
      if (r.entity.type === "person" && !r.entity.gender && found >= 0) {
        const pw = low(tokens[found]);
        if (pw === "she") r.entity.gender = "f";
        else if (pw === "he") r.entity.gender = "m";
      }
      // The clause's words, with a scare quote kept inside; a speech quotation of four or more
      // words inside the clause makes the sentence a direct quote only.
      let words = 0;
      let before = -1;
      let woven = false;
      let fragmentFirst = false;
      let boundary = false;
      for (let k = start; k < end; k++) {
        const mi = markAtToken(k);
        if (mi >= 0) {
          const long = isLong(mi);
          if (!long && tokens[k]!.word) words++;
          if (!long && before < 0) fragmentFirst = true;
          if (long && before < 0) {
            before = words;
            // A quotation that is part of the clause's grammar ("had made a "deal with the
            // devil."") rather than set off after a comma makes the sentence a direct quote only;
            // not when a short quoted fragment came first, or a new clause began before it.
            const opener = tokens[k - 1];
            const setOff = opener?.text === '"' ? tokens[k - 2]?.text === "," : opener?.text === ",";
            woven = !setOff && !fragmentFirst && !boundary;
          }
        } else {
          if (tokens[k]!.word) words++;
          const l = low(tokens[k]);
          if (
            l === "while" ||
            l === "whereas" ||
            (tokens[k]!.text === "," && /^(?:and|but)$/.test(low(tokens[k + 1])))
          )
            boundary = true;
        }
      }
      // A paraphrase that turns into a quotation within a few words is the quotation's lead-in.
      // Clauses of the same report before it are its lead-in too ("said he thought that A and
      // that the administration had made a "deal with the devil."").
      if (before >= 0 && (before < 6 || woven)) {
        if (joins) out.pop();
        continue;
      }
      if (words < 3) continue;
      // An interposed cue stays in the text: "The nations, he said, want to ...".
      // The paraphrase stops where a quotation of the speaker's own words begins: that is a
      // direct quote of its own ("Apple employs about 450 Dreamers, and he sees "...").
      let stop = end;
      for (let k = start; k < end; k++) {
        const mi = markAtToken(k);
        if (mi >= 0 && isLong(mi)) {
          stop = k;
          while (stop > start && !tokens[stop - 1]!.word) stop--;
          break;
        }
      }
      const clause = text.slice(tokens[start]!.start, tokens[stop - 1]!.end).replace(/[\s,\u2014.;:]+$/, "");
      if (!clause) continue;
      void shape;
      if (joins) {
        const prev = out[out.length - 1]!;
        prev.text = text.slice(prev.span.start, tokens[start]!.start + clause.length);
        prev.span = { start: prev.span.start, end: tokens[start]!.start + clause.length };
        lastOf = of;
        continue;
      }
      const reasons: string[] = [];
      let sure = r.sure;
      if (BELIEF.has(c.word)) {
        sure = false;
        reasons.push(`"${c.word}" reports a belief or a forecast, not a statement`);
      }
      if (c.kind === "noun") {
        sure = false;
        reasons.push("the statement is reported through a noun");
      }
      reasons.unshift(r.reason);
      out.push({
        text: clause,
        speaker: r.entity.name,
        kind: "indirect",
        span: { start: tokens[start]!.start, end: tokens[start]!.start + clause.length },
        evidence: { start: s.start, end: s.end },
        sentence: s.index,
        cue: c.kind === "noun" ? `${c.word} that` : c.word,
        defective: s.defective,
        via: r.via,
        speakerId: r.entity.id,
        sure,
        reasons,
      });
      lastOf = of;
      const m = this.reg.mentionAt(r.via.start);
      if (m) m.speaks = true;
      this.lastSpeaker = { id: r.entity.id, paragraph: s.paragraph };
      // Names inside what someone reports are the content of the report, not the narrative's
      // topic: they weigh less for a later pronoun.
      for (let k = this.reg.indexAt(tokens[start]!.start); k < this.reg.mentions.length; k++) {
        const x = this.reg.mentions[k]!;
        if (x.start >= tokens[stop - 1]!.end) break;
        (x as { reported?: boolean }).reported = true;
      }
    }
    return out;
  }

  /**
   * Whether a reported clause starting at `from` has a subject that can speak or act: a pronoun
   * for people, a name, or a noun for people or an organisation ("the board", "officials"),
   * read up to its first finite verb. "the plan was ...", "the result was ..." have not.
   */
  private animateSubject(from: number, limit: number): boolean {
    const { tokens } = this.ctx;
    const first = low(tokens[from]);
    if (/^(?:he|she|they|we|i|you|it)$/.test(first)) return first !== "it";
    for (let k = from; k < Math.min(limit, from + 5); k++) {
      const t = tokens[k]!;
      if (!t.word) break;
      const l = low(t);
      if (k > from && isFiniteVerb(l)) break;
      if (isCapitalised(t.text) || isRoleNoun(l) || isGroupNoun(l) || isOrgNoun(l)) return true;
    }
    return false;
  }

  /** A clause after one cue ends where the next cue's own statement begins ("..., and Y said ..."). */
  private clauseEndBefore(later: Cue[], s: SentenceInfo, from: number): number {
    const { tokens } = this.ctx;
    for (const next of later) {
      if (next.v <= from) continue;
      if (isQuoteOnly(next.word) && !REPORTING.has(next.word)) continue;
      // "... the plan was "credible but late," and estimated that ...", "... was "long overdue"
      // but warned that ...": the same speaker's next verb begins the next statement.
      // Not when the reported clause has a subject that could itself be doing it: "she said the
      // board had reviewed a split and concluded that ..." is the board's conclusion.
      const before = low(tokens[next.v - 1]);
      if (
        (before === "and" || before === "but") &&
        next.v - 1 > from + 2 &&
        next.kind === "verb" &&
        !this.animateSubject(from, next.v - 1)
      )
        return next.v - 1;
      for (let k = next.v - 1; k > from; k--) {
        const t = tokens[k]!;
        // ", and Y said ...": a new clause; ", and had then signed ..." goes on with the same
        // subject and stays inside the statement.
        if (
          t.text === "," &&
          /^(?:and|but|while|whereas)$/.test(low(tokens[k + 1])) &&
          !/^(?:had|has|have|was|were|is|are|would|will|could|then|also)$/.test(low(tokens[k + 2]))
        )
          return k;
        if (t.text === ";") return k;
      }
      // "..., X said" closing the sentence belongs to the same statement only if it is that cue's group.
      // "statements assuring customers ...": a participle after a noun is inside the statement.
      if (next.kind === "participle" && tokens[next.v - 1]?.text !== ",") continue;
      const group = this.groupStart(next, s);
      if (group > from + 2 && /^(?:,|\u2014)$/.test(tokens[group - 1]?.text ?? "")) return group - 1;
    }
    return s.t1;
  }

  /** Where the cue's group (speaker phrase and verb) starts: after the comma before it. */
  private groupStart(c: Cue, s: SentenceInfo): number {
    const { tokens } = this.ctx;
    if (c.kind === "according") {
      return c.v;
    }
    const left = this.subjectRange(c.v, s.t0);
    let g = left ? left.i : c.v;
    while (g > s.t0 && /^(?:,|\u2014)$/.test(tokens[g - 1]!.text) === false && g > c.v - 16) {
      if (tokens[g - 1]!.text === "," || tokens[g - 1]!.text === "\u2014") break;
      g--;
      if (!left) break;
    }
    return g;
  }

  /** The cue group inside a sentence ("..., X said, ..."), as a text span. */
  private interposedSpan(c: Cue, s: SentenceInfo): Span | null {
    const { tokens } = this.ctx;
    const g = this.groupStart(c, s);
    let e = c.v + c.len;
    while (e < s.t1 && tokens[e]!.text !== ",") e++;
    if (e >= s.t1) return null;
    return { start: tokens[g]!.start, end: tokens[e]!.end };
  }

  /**
   * Content before a cue: `CLAUSE, X said.`, `CLAUSE, said X.`, `CLAUSE, according to X.`, or
   * interposed `A, X said, B.` The cue's group must follow a comma (or dash) and reach the end
   * of the sentence with nothing but adjuncts, or be followed by a comma and the rest of the clause.
   */
  private clauseBefore(
    c: Cue,
    s: SentenceInfo,
    quotes = false,
  ): { start: number; end: number; groupStart: number; interposed: boolean } | null {
    const { tokens } = this.ctx;
    if (c.kind === "noun" || c.kind === "participle") return null;
    if (QUOTE_CUES.has(c.word) && !REPORTING.has(c.word)) return null;
    let g: number;
    if (c.kind === "according") g = c.v;
    else {
      const left = this.subjectRange(c.v, s.t0);
      g = left ? left.i : c.v;
    }
    // "According to X, CLAUSE."
    if (c.kind === "according" && g === s.t0) {
      const r = this.objectRange(c.v + 2, s.t1);
      if (!r) return null;
      let k = r.j;
      if (low(tokens[k]) === ",") k++;
      // "According to the agency, which hosts the talks, member states will ...": past the relative clause.
      if (/^(?:which|who|whose)$/.test(low(tokens[k]))) {
        while (k < s.t1 && tokens[k]!.text !== ",") k++;
        k++;
      }
      return k < s.t1 - 2 ? { start: k, end: s.t1, groupStart: g, interposed: false } : null;
    }
    const sep = tokens[g - 1];
    if (!sep || !/^(?:,|\u2014)$/.test(sep.text)) {
      if (!(c.kind === "according" && g > s.t0 + 2 && sep?.word)) return null;
    }
    const cut = sep && /^(?:,|\u2014)$/.test(sep.text) ? g - 1 : g;
    // "Each year, agency officials said, it uses ...": an interposed cue may follow a short opening.
    if (cut - s.t0 < 1) return null;
    // What follows the cue: adjuncts to the end (closing cue) or ", rest of clause" (interposed).
    let e = c.v + c.len;
    if (c.kind === "according" || !this.subjectRange(c.v, s.t0)) {
      const r = this.objectRange(e, s.t1);
      if (r) e = r.j;
    }
    if (TELL.has(c.word) && isWord(tokens[e]) && !ADJUNCT_PREPOSITIONS.has(low(tokens[e]))) {
      // "..., Ball told CNN." / "..., she told reporters on Monday."
      const h = this.objectRange(e, s.t1);
      if (h) e = h.j;
    }
    e = this.skipAdjuncts(e, s.t1);
    const restStart = e;
    // "..., he said, adding that ...": a participle after the cue continues it; the cue closes.
    const participleAfter =
      tokens[e]?.text === "," &&
      /^(?:adding|noting|saying|warning|arguing|stressing|explaining|insisting|citing|calling|urging|who|which|whose)$/.test(
        low(tokens[e + 1]),
      );
    // "..., Cook said while visiting the conference": a subordinate adjunct closes the cue too.
    const adjunctTail =
      e < s.t1 &&
      /^(?:while|when|as|after|before|during|following|speaking|at|in|on|with|without|because|since|though|although|citing|referring|amid|despite|upon|ahead|adding|noting)$/.test(
        low(tokens[e]),
      );
    const atEnd = e >= s.t1 || (e === s.t1 - 1 && !tokens[e]!.word) || adjunctTail || participleAfter;
    if (atEnd && cut - s.t0 < 3) return null;
    // Nothing in the clause before may itself be a quotation with its cue here.
    const speechAt = (k: number) => {
      const mi = this.ctx.quoteOf[k] ?? -1;
      return mi >= 0 && this.isSpeechQuote(this.ctx.marks[mi]!);
    };
    if (!quotes) for (let k = s.t0; k < cut; k++) if (speechAt(k)) return null;
    if (atEnd) return { start: s.t0, end: cut, groupStart: g, interposed: false };
    if (tokens[restStart]!.text === "," && restStart + 3 < s.t1) {
      // "The East Asian nations, he said, want to ..."; the first part has no verb of its own.
      for (let k = s.t0; k < cut; k++) {
        const l = low(tokens[k]);
        if (isFiniteVerb(l) && !isCapitalised(tokens[k]!.text) && !ADVERBS.has(l)) {
          // "A, X said, B": A is a whole clause; the statement is still the whole sentence.
          break;
        }
      }
      if (!quotes) for (let k = restStart; k < s.t1; k++) if (speechAt(k)) return null;
      return { start: s.t0, end: s.t1, groupStart: g, interposed: true };
    }
    return null;
  }
}
