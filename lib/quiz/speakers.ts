import {
  GROUP_NOUNS,
  MONTHS,
  NON_NAME_CAPITALS,
  ORG_NOUNS,
  ORG_WORDS,
  PERSON_NOUNS,
  PLACE_WORDS,
  PLACES,
  TITLE_WORDS,
  WEEKDAYS,
} from "./lexicon";
import { isCapitalised, type Token } from "./tokens";
import type { SpeakerType, Span } from "./types";

/**
 * Entity registry: people, organisations and groups named in the article, with the forms the
 * text uses and the role it gives them. Mentions are kept in text order so that pronouns and
 * definite descriptions ("the official") resolve to the most recent compatible entity.
 */

export type Entity = {
  id: number;
  name: string;
  type: SpeakerType;
  role: string | null;
  roleSpan: Span | null;
  aliases: Set<string>;
  first: Span;
  /** Lower-cased head noun for groups ("leaders"), surname for people. */
  key: string;
  /** Grammatical gender when the text shows it (a gendered title, or a pronoun already resolved to it). */
  gender: "f" | "m" | null;
  /** The gender comes from a title or role, not from a pronoun resolved to this entity. */
  genderFromTitle: boolean;
};

const FEMALE_TITLES =
  /^(Ms|Mrs|Miss|Madam|Madame|Mme|Queen|Princess|Duchess|Lady|Dame|Sister|Chairwoman|Spokeswoman|Councilwoman|Congresswoman|Assemblywoman|Businesswoman|Sportswoman)\.?$/;
const MALE_TITLES =
  /^(Mr|Sir|King|Prince|Duke|Lord|Father|Brother|Chairman|Spokesman|Councilman|Congressman|Assemblyman|Businessman|Sportsman)\.?$/;

/** Gender shown by a title or role ("Ms.", "Queen", "spokeswoman"), else null. */
export function genderOfTitle(title: string | null): "f" | "m" | null {
  if (!title) return null;
  for (const w of title.split(/\s+/)) {
    const c = w.charAt(0).toUpperCase() + w.slice(1);
    if (FEMALE_TITLES.test(c)) return "f";
    if (MALE_TITLES.test(c)) return "m";
  }
  return null;
}

export type Mention = { entity: number; start: number; end: number };

const NAME_PARTICLES = new Set([
  "de",
  "van",
  "von",
  "der",
  "den",
  "bin",
  "al",
  "da",
  "del",
  "la",
  "le",
  "di",
  "du",
  "ibn",
]);
const NUMBER_WORDS: Record<string, string> = {
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  twenty: "20",
};
const NP_ADJECTIVES = new Set(
  "senior top former chief other some local western eastern federal state military foreign national european deputy acting several two three many leading prominent".split(
    " ",
  ),
);

const isAcronym = (w: string) => /^(?:\p{Lu}\.?){2,6}$|^\p{Lu}{1,4}-\d+$|^\p{Lu}\p{Lu}+\d*$/u.test(w);
const isPossessive = (w: string) => /'s$|s'$/.test(w);
const stripPossessive = (w: string) => w.replace(/'s$|'$/, "");
const isTitleWord = (w: string) => TITLE_WORDS.has(w) || TITLE_WORDS.has(w.replace(/\.$/, ""));

/** "Group of Seven" -> "G7", "G-7" -> "G7", "European Union" -> "EU": lets acronyms meet their expansion. */
export function acronymOf(words: string[]): string {
  if (words.length === 1) return (words[0] ?? "").replace(/[.\-]/g, "").toUpperCase();
  return words
    .filter((w) => isCapitalised(w) || /^\d+$/.test(w))
    .map((w) => NUMBER_WORDS[w.toLowerCase()] ?? (/^\d+$/.test(w) ? w : (w[0] ?? "")))
    .join("")
    .toUpperCase();
}

export type ParsedName = {
  type: SpeakerType | "place" | "unknown";
  name: string;
  title: string | null;
  affiliation: string | null;
  nameTokens: string[];
};

/**
 * Reads a run of capitalised words: a title prefix ("NATO Secretary General"), a possessive
 * affiliation ("Russia's"), then the name. Organisation words make it an organisation;
 * months, weekdays and place words make it not a speaker at all.
 */
export function parseNameRun(words: string[]): ParsedName | null {
  let ws = [...words];
  while (ws.length && NON_NAME_CAPITALS.has(ws[0]!)) ws.shift();
  while (ws.length && (ws[0] === "the" || ws[0] === "The")) ws.shift();
  if (!ws.length) return null;
  let affiliation: string | null = null;
  const pos = ws.findIndex(isPossessive);
  if (pos >= 0 && pos < ws.length - 1) {
    affiliation = ws
      .slice(0, pos + 1)
      .map((w, i) => (i === pos ? stripPossessive(w) : w))
      .join(" ");
    ws = ws.slice(pos + 1);
  }
  if (ws.some((w) => ORG_WORDS.has(w))) {
    return { type: "organisation", name: ws.join(" "), title: null, affiliation, nameTokens: ws };
  }
  if (ws.some((w) => MONTHS.has(w) || WEEKDAYS.has(w))) return null;
  let lastTitle = -1;
  for (let i = 0; i < ws.length - 1; i++)
    if (isTitleWord(ws[i]!) || (isAcronym(ws[i]!) && i === 0)) lastTitle = i;
  // A title word must be followed by a name, and acronym-only prefixes need a title after them.
  const title = lastTitle >= 0 ? ws.slice(0, lastTitle + 1).join(" ") : null;
  const nameTokens = ws.slice(lastTitle + 1);
  if (!nameTokens.length || nameTokens.length > 4) return null;
  if (nameTokens.some((w) => isTitleWord(w) && nameTokens.length === 1)) return null;
  const name = nameTokens.join(" ");
  if (nameTokens.length === 1 && !title) {
    const w = nameTokens[0]!;
    if (isAcronym(w)) return { type: "organisation", name: w, title: null, affiliation, nameTokens };
    if (PLACES.has(w)) return { type: "place", name: w, title: null, affiliation, nameTokens };
    return { type: "unknown", name: w, title: null, affiliation, nameTokens };
  }
  if (
    PLACE_WORDS.has(nameTokens[0]!) ||
    nameTokens.some((w) => PLACES.has(w) || (PLACE_WORDS.has(w) && w !== nameTokens[0]))
  ) {
    return title ? null : { type: "place", name, title: null, affiliation, nameTokens };
  }
  if (nameTokens.every(isAcronym)) return { type: "organisation", name, title, affiliation, nameTokens };
  return { type: "person", name, title, affiliation, nameTokens };
}

/** Maximal runs of capitalised words (with name particles and "of" inside) in a token list. */
export function capitalisedRuns(toks: Token[], from = 0, to = toks.length): { i: number; j: number }[] {
  const runs: { i: number; j: number }[] = [];
  let i = from;
  while (i < to) {
    const t = toks[i]!;
    if (t.word && isCapitalised(t.text)) {
      let j = i + 1;
      while (j < to) {
        const u = toks[j]!;
        if (u.word && isCapitalised(u.text)) j++;
        else if (
          u.word &&
          (u.text === "of" || NAME_PARTICLES.has(u.text)) &&
          toks[j + 1]?.word &&
          isCapitalised(toks[j + 1]!.text) &&
          u.start === toks[j - 1]!.end + 1
        )
          j += 2;
        else break;
        if (toks[j - 1]!.start > toks[j - 2]!.end + 1) {
          j--;
          break;
        }
      }
      runs.push({ i, j });
      i = j;
    } else i++;
  }
  return runs;
}

export class Registry {
  entities: Entity[] = [];
  mentions: Mention[] = [];
  private byName = new Map<string, number>();

  private add(name: string, type: SpeakerType, span: Span, key: string): Entity {
    const e: Entity = {
      id: this.entities.length,
      name,
      type,
      role: null,
      roleSpan: null,
      aliases: new Set(),
      first: span,
      key,
      gender: null,
      genderFromTitle: false,
    };
    this.entities.push(e);
    this.byName.set(name.toLowerCase(), e.id);
    return e;
  }

  get(id: number): Entity {
    return this.entities[id]!;
  }

  findByName(name: string): Entity | undefined {
    const id = this.byName.get(name.toLowerCase());
    return id === undefined ? undefined : this.entities[id];
  }

  /** A person by full name, or by surname / single name when exactly one person has it. */
  findPerson(nameTokens: string[]): Entity | undefined {
    const full = this.findByName(nameTokens.join(" "));
    if (full) return full;
    const last = nameTokens[nameTokens.length - 1]!.toLowerCase();
    const cands = this.entities.filter((e) => e.type === "person" && e.key === last);
    if (cands.length >= 1 && nameTokens.length === 1) return cands[cands.length - 1];
    if (nameTokens.length > 1) {
      // "Joe Biden" vs an earlier "Biden": upgrade the single-name entity.
      const single = cands.find((e) => !e.name.includes(" "));
      if (single) {
        this.byName.delete(single.name.toLowerCase());
        single.aliases.add(single.name);
        single.name = nameTokens.join(" ");
        this.byName.set(single.name.toLowerCase(), single.id);
        return single;
      }
    }
    return undefined;
  }

  person(parsed: ParsedName, span: Span, register: boolean): Entity | undefined {
    let e = this.findPerson(parsed.nameTokens);
    const honorific = !!parsed.title && /^(Dr|Mr|Mrs|Ms|Prof|Sir)\.?$/.test(parsed.title);
    if (!e && register)
      e = this.add(
        parsed.name,
        "person",
        span,
        parsed.nameTokens[parsed.nameTokens.length - 1]!.toLowerCase(),
      );
    if (!e) return undefined;
    if (parsed.name !== e.name) e.aliases.add(parsed.name);
    const g = genderOfTitle(parsed.title);
    if (g && !e.genderFromTitle) {
      e.gender = g;
      e.genderFromTitle = true;
    }
    if (parsed.title) {
      e.aliases.add(`${parsed.title} ${parsed.name}`);
      if (!e.role && !honorific) {
        e.role = parsed.title;
        e.roleSpan = span;
      }
    }
    if (parsed.affiliation) {
      e.aliases.add(`${parsed.affiliation}'s ${parsed.name}`);
      if (!e.role) {
        e.role = parsed.affiliation;
        e.roleSpan = span;
      }
    }
    return e;
  }

  /** Organisations and groups match by exact name or by acronym ("G-7" ~ "Group of Seven"). */
  collective(name: string, type: SpeakerType, span: Span, register: boolean): Entity | undefined {
    const words = name.split(" ");
    const head = type === "group" ? words[words.length - 1]!.toLowerCase() : "";
    const mods = type === "group" ? words.slice(0, -1) : words;
    const acr = mods.length ? acronymOf(mods) : "";
    let e = this.findByName(name) ?? (type === "organisation" ? this.orgByPrefix(name) : undefined);
    if (!e) {
      e = this.entities.find((x) => {
        if (x.type !== type) return false;
        if (type === "group" && x.key !== head) return false;
        const xw = x.name.split(" ");
        const xm = type === "group" ? xw.slice(0, -1) : xw;
        return xm.length > 0 && acr.length > 1 && acronymOf(xm) === acr;
      });
    }
    if (!e && register) e = this.add(name, type, span, type === "group" ? head : name.toLowerCase());
    if (e && e.name !== name) e.aliases.add(name);
    return e;
  }

  /** The most recent group with this head noun ("leaders" -> "G-7 leaders"). */
  groupByHead(head: string, before: number): Entity | undefined {
    return this.latest(before, (e) => e.type === "group" && e.key === head && e.name.includes(" "));
  }

  /** Must be called in text order (the analysis walks sentences front to back). */
  mention(entity: Entity, span: Span) {
    const last = this.mentions[this.mentions.length - 1];
    if (last && last.start === span.start && last.entity === entity.id) return;
    this.mentions.push({ entity: entity.id, start: span.start, end: span.end });
  }

  /** Latest mention before `pos` whose entity satisfies `ok`. Mentions are few; a backward scan is cheap. */
  latest(pos: number, ok: (e: Entity) => boolean): Entity | undefined {
    const m = this.latestWhere(pos, (x) => ok(this.get(x.entity)));
    return m ? this.get(m.entity) : undefined;
  }

  /**
   * Distinct entities satisfying `ok`, most recent first, from the mentions before `pos`
   * (at most `n` of them, within the same bounded backward walk as `latest`), with how often
   * each was mentioned in that window.
   */
  recent(
    pos: number,
    n: number,
    ok: (e: Entity) => boolean,
    counts = true,
  ): { entity: Entity; count: number }[] {
    const out: { entity: Entity; count: number }[] = [];
    this.latestWhere(pos, (m) => {
      const e = this.get(m.entity);
      if (!ok(e)) return false;
      const seen = out.find((x) => x.entity === e);
      if (seen) seen.count++;
      else if (out.length < n) out.push({ entity: e, count: 1 });
      // Without counts the walk can stop at the n-th distinct entity.
      return !counts && out.length >= n;
    });
    return out;
  }

  /**
   * "Northwind" after "Northwind Motors Inc.", "Harbour City" after "Harbour City FC": the name of
   * exactly one organisation without its trailing organisation words.
   */
  orgByPrefix(name: string): Entity | undefined {
    const cands = this.entities.filter(
      (e) =>
        e.type === "organisation" &&
        e.name.startsWith(`${name} `) &&
        e.name
          .slice(name.length + 1)
          .split(" ")
          .every((w) => ORG_WORDS.has(w)),
    );
    if (cands.length !== 1) return undefined;
    cands[0]!.aliases.add(name);
    return cands[0];
  }

  /** The last `n` mentions starting before `pos`, in text order. */
  mentionsBefore(pos: number, n: number): Mention[] {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return this.mentions.slice(Math.max(0, lo - n), lo);
  }

  /** The mention starting exactly at `pos`, if any (binary search). */
  mentionAt(pos: number): Mention | undefined {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    const m = this.mentions[lo];
    return m && m.start === pos ? m : undefined;
  }

  latestMention(pos: number, id: number): Mention | undefined {
    return this.latestWhere(pos, (m) => m.entity === id);
  }

  /**
   * Mentions are recorded in text order, so the latest one before `pos` is found by binary
   * search and a short backward walk (bounded: antecedents are near), keeping analysis linear.
   */
  private latestWhere(pos: number, ok: (m: Mention) => boolean): Mention | undefined {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1, steps = 0; k >= 0 && steps < 400; k--, steps++) {
      const m = this.mentions[k]!;
      if (ok(m)) return m;
    }
    return undefined;
  }
}

export const isGroupNoun = (w: string) => GROUP_NOUNS.has(w.toLowerCase());
export const isPersonNoun = (w: string) => PERSON_NOUNS.has(w.toLowerCase());
export const isOrgNoun = (w: string) => ORG_NOUNS.has(w.toLowerCase());
export const isNpAdjective = (w: string) => NP_ADJECTIVES.has(w.toLowerCase());
export { isAcronym };
