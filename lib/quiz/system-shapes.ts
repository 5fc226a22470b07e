import type { Context } from "./context";
import { MONTHS, NON_NAME_CAPITALS, ORG_WORDS, PLACES, TITLE_WORDS, WEEKDAYS } from "./lexicon";
import {
  CLASS_NOUNS,
  DEFENSE_NEXT,
  DESIGNATION_FAMILIES,
  EVALUATIVE_MODIFIERS,
  EVENT_TAILS,
  GEOGRAPHIC_WORDS,
  MANUFACTURERS,
  MILITARY_MODIFIERS,
  MILITARY_ORG_WORDS,
  MILITARY_WORDS,
  NAMED_SYSTEMS,
  NON_WEAPON_TAILS,
  NOT_DESIGNATION_PREFIXES,
  NOT_DESIGNATIONS,
  OWNER_WORDS,
  PARTICIPLE_MODIFIERS,
  SHIP_PREFIXES_STRONG,
  SHIP_PREFIXES_WEAK,
  SPACE_WORDS,
  SPECIAL_GENERICS,
  TRANSFER_TAILS,
  UNIT_TAILS,
  type ClassNoun,
} from "./systems-gazetteer";

/**
 * Finds the mentions of weapon systems in an article by their shapes, in one pass over the
 * tokens of each prose sentence plus one pass for names the first pass learned:
 *
 * - model designations of military letter families ("F-16", "F/A-18", "MQ-9", "GBU-39",
 *   "Su-25", "S-400"), and unknown "Name-3" models next to a weapon word ("Samad-3 drone");
 * - ship prefixes ("USS Mason", "HMAS Sydney", "ex-USS Tarawa") and later "the Mason";
 * - "Type 055" ship and tank classes;
 * - a capitalised name before a weapon word ("Hellfire missile", "Naval Strike Missile");
 * - "dubbed X", "known as X", "called X" after a weapon word;
 * - a bracketed acronym after a name ("Naval Strike Missile (NSM)") and its later uses;
 * - generic classes with their owner and kind ("Houthi drones", "air-to-air missiles");
 * - "the drone", "this missile" referring back to a system just named;
 * - the gazetteer's widely known names (Javelin, Iron Dome), which have no shape of their own.
 *
 * Common letters (F, B, C, T) and weak classes (ship, jet, vehicle) need military words in
 * their sentence, and generic classes need a defence article, so that "Model Y", "COVID-19",
 * "Form 10-K", a "Boeing 737" or a cruise ship never become weapons.
 */

type MentionShape =
  "gazetteer" | "designation" | "ship" | "type" | "name" | "dubbed" | "repeat" | "reference" | "generic";

export type Mention = {
  start: number;
  end: number;
  /** Token range of the mention (end exclusive). */
  t0: number;
  t1: number;
  sentence: number;
  surface: string;
  named: boolean;
  shape: MentionShape;
  /** Grouping keys: mentions that share one are the same system. */
  keys: string[];
  name: string;
  /** How good `name` is as the system's name (the best named mention names the system). */
  nameScore: number;
  category: string;
  categoryScore: number;
  /** The weapon word's class ("missile"), when the mention has one. */
  head: string | null;
  /** Owner from a possessive or an adjective ("Houthi", "Israel's"), as a comparison stem. */
  owner: string | null;
  /** Kind words of a generic class ("air-to-air", "ballistic"). */
  types: string[];
  abstract: boolean;
  /** Event noun after the weapon word ("drone attack"): the weapon was used. */
  event: string | null;
  /** Transfer noun after the weapon word ("arms transfers"). */
  transfer: string | null;
  /** A "-supplied"/"-donated" modifier inside the mention ("Western-supplied"). */
  supplied: string | null;
  /** The evidence that made it a weapon, for the teacher-facing reasons. */
  why: string;
};

const FUNCTION_WORDS = new Set(
  `the a an this that these those its their his her our your my some any no each every both all several many few much
  of in on at from with by for into onto about between among against during under over after before without through
  toward towards upon within to as than like such and or but nor so yet if when while because although though
  is are was were be been being has have had do does did will would shall should can could may might must
  not never also still now just even only already very too again then there here more most less least
  it they them he she we i you him who whom which what whose where how why
  say says said told get gets got make makes made take takes took send sends sent give gives gave use uses used
  fire fires fired hit hits launch launches launched deploy deploys deployed provide provides provided supply
  supplies supplied deliver delivers delivered buy buys bought need needs want wants seek seeks sought receive
  receives received include includes including included carry carries carried
  one two three four five six seven eight nine ten dozen hundred thousand million billion`.split(/\s+/),
);

// Title words that cannot be a weapon's name; "Joint" or "National" can ("Joint Direct Attack Munition").
const NAME_BLOCK = new Set(
  [...TITLE_WORDS].filter(
    (w) =>
      !/^(Joint|National|Security|Field|Crown|Energy|Environment|Economy|Trade|State|Health|Interior|Transport|Transportation|Commerce|Finance|Treasury|Education|Agriculture|Homeland|Intelligence|Forward|Striker|Defender|Player|Partner)$/.test(
        w,
      ),
  ),
);

// Verbs with no tell-tale ending that may stand right before a weapon word ("cut ammunition").
const COMMON_VERBS = new Set(
  `cut put set let sell build keep hold leave bring rebuild replace replenish restock produce order acquire obtain
  destroy seize capture find see show track spot detect shoot down run win lose lost meet pay cost sink sank sunk
  struck strike ban stop halt block seek ask urge offer pledge promise approve announce test operate fly flew flown
  drop drove drive ride carry move field deploy station base arm equip own possess upgrade modernize`.split(
    /\s+/,
  ),
);

// Titles that begin ships' names ("Admiral Kuznetsov", "Prince of Wales") when a name follows.
const SHIP_TITLES = new Set(
  "Admiral General Marshal Prince Princess King Queen President Captain Emperor".split(" "),
);

/** Classes whose members carry names of their own: "the cruiser Moskva", "the carrier Fujian". */
const SHIP_CLASSES = new Set([
  "warship",
  "naval vessel",
  "aircraft carrier",
  "destroyer",
  "frigate",
  "corvette",
  "cruiser",
  "submarine",
  "battleship",
  "battlecruiser",
  "minesweeper",
]);

const NOT_WEAPON_AFTER = new Set(
  "highway road route motorway freeway interstate expressway visa visas form forms vitamin tax filing grade pay league gene protein virus variant strain chip processor".split(
    " ",
  ),
);

const DUB_CUES = new Set(["dubbed", "nicknamed", "codenamed", "code-named", "named", "called"]);

const DEMONYM_END = /^[A-Z][a-z]+(?:ian|ean|ese|ish|i)$/;
const DESIGNATION = /^([A-Z][A-Za-z]{0,7}|[A-Z]{1,2}\/[A-Z]{1,2}|\d[A-Z])-(\d{1,4})([A-Z]{0,3}\d?)$/;
const NUMBER_NAME = /^(?:\d{1,4}[A-Z]{0,2}\d?|[IVX]{1,4}|[A-Z]\d{1,2}[A-Z]?)$/;

const lower = (s: string) => s.toLowerCase();
const isCap = (s: string) => {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(s);
};
const isLowerWord = (s: string) => /^[a-z]/.test(s);
const isAllCaps = (s: string) => /^[A-Z][A-Z0-9&]*[A-Z0-9]$/.test(s) && /[A-Z].*[A-Z]/.test(s);

/** "B-2's" -> "B-2", "F-16s" -> "F-16", "Type 075s" -> "075". */
function bareDesignation(s: string): string {
  let t = s.replace(/'s?$/, "");
  if (/[\dA-Z]s$/.test(t)) t = t.slice(0, -1);
  return t;
}

/** A comparison stem for an owner: "Israel's" ~ "Israeli", "Russia" ~ "Russian", "US" ~ "American". */
export function ownerKey(words: string[]): string {
  const last = (words[words.length - 1] ?? "").replace(/'s?$/, "");
  const l = last.toLowerCase().replace(/\./g, "");
  if (/^(us|usa|american|america|united states)$/.test(l)) return "us";
  if (/^(uk|british|britain)$/.test(l)) return "uk";
  const stem = l.replace(/(?:ians?|eans?|ans?|ese|ish|is|ia|i|a|e)$/, "").slice(0, 4) || l.slice(0, 4);
  const first = (words[0] ?? "").toLowerCase();
  return words.length > 1 && /^(north|south)$/.test(first) ? `${first} ${stem}` : stem;
}

/** Capitals whose country is the owner or recipient ("Kyiv" means Ukraine). */
const CAPITALS: Record<string, string> = {
  Kyiv: "ukra",
  Kiev: "ukra",
  Moscow: "russ",
  Taipei: "taiw",
  Tehran: "iran",
  Beijing: "chin",
  Pyongyang: "north kore",
  Seoul: "south kore",
  Washington: "us",
  Berlin: "germ",
  Warsaw: "pola",
  London: "uk",
  Paris: "fren",
  Tokyo: "japa",
};
export const placeOwner = (w: string) => CAPITALS[w] ?? null;

function isOwnerWord(w: string): boolean {
  return OWNER_WORDS.has(w) || DEMONYM_END.test(w);
}

type Hit = { end: number; idx: number };

// Named systems: a cheap alternation of the bare names finds every position where some name
// could start; only there are the per-entry patterns tried, sticky and in gazetteer order (the
// same leftmost-first match one big alternation would give, at a fraction of its cost).
const NAMED_HEAD_RE = new RegExp(
  `(?<![\\w-])(?:${NAMED_SYSTEMS.map((s) => `(?:${s.pattern})`).join("|")})`,
  "g",
);
// A variant suffix belongs to the name: "Iskander-M", "Kalibr-NK", "Patriot PAC-3" is a Patriot.
const NAMED_FULL_RE = NAMED_SYSTEMS.map(
  (s) => new RegExp(`(?<![\\w-])(?:${s.pattern})(?:-[A-Z]{1,3}\\d?)?(?![\\w-])`, "y"),
);
const SPECIAL_RE = new RegExp(
  SPECIAL_GENERICS.map((s) => `(?<![\\w-])(?:${s.pattern})(?![\\w-])`).join("|"),
  "gi",
);

function gazetteerHits(text: string): Map<number, Hit> {
  const out = new Map<number, Hit>();
  let lastEnd = 0;
  NAMED_HEAD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAMED_HEAD_RE.exec(text))) {
    const at = m.index;
    NAMED_HEAD_RE.lastIndex = at + 1;
    if (at < lastEnd) continue;
    for (let i = 0; i < NAMED_FULL_RE.length; i++) {
      const re = NAMED_FULL_RE[i]!;
      re.lastIndex = at;
      const f = re.exec(text);
      if (!f) continue;
      out.set(at, { end: at + f[0].length, idx: i });
      lastEnd = at + f[0].length;
      break;
    }
  }
  return out;
}

function specialHits(text: string): Map<number, Hit> {
  const out = new Map<number, Hit>();
  SPECIAL_RE.lastIndex = 0;
  for (const m of text.matchAll(SPECIAL_RE)) {
    const idx = SPECIAL_GENERICS.findIndex((s) => new RegExp(`^(?:${s.pattern})$`, "i").test(m[0]));
    out.set(m.index!, { end: m.index! + m[0].length, idx: Math.max(0, idx) });
  }
  return out;
}

/** Which of the class's kinds make a more specific category: "cruise" missile, "attack" drone. */
const CATEGORY_TYPES: Record<string, Set<string>> = {
  missile: new Set(
    "cruise ballistic hypersonic anti-ship anti-tank anti-aircraft anti-radiation air-to-air air-to-surface surface-to-air surface-to-surface land-attack intercontinental".split(
      " ",
    ),
  ),
  drone: new Set(
    "attack suicide kamikaze loitering surveillance reconnaissance one-way naval sea underwater".split(" "),
  ),
  bomb: new Set("guided cluster glide smart precision-guided laser-guided".split(" ")),
  aircraft: new Set(
    "surveillance reconnaissance patrol transport early-warning tanker attack spy cargo electronic-warfare".split(
      " ",
    ),
  ),
  helicopter: new Set(["attack"]),
  submarine: new Set(["attack", "nuclear-powered", "ballistic"]),
  tank: new Set(["battle"]),
};

function categoryFor(head: ClassNoun, types: string[]): string {
  const kinds = CATEGORY_TYPES[head.lemma];
  const kind = kinds ? [...types].reverse().find((t) => kinds.has(t)) : undefined;
  if ((head.lemma === "aircraft carrier" || head.lemma === "armored vehicle") && types.includes("personnel"))
    return "armored personnel carrier";
  if (head.lemma === "armored vehicle" && types.includes("infantry")) return "infantry fighting vehicle";
  if (head.lemma === "tank") return "battle tank";
  if (head.lemma === "aircraft carrier" || head.lemma === "naval vessel") {
    const t = types.join(" ");
    if (/amphibious assault/.test(t)) return "amphibious assault ship";
    if (/littoral combat/.test(t)) return "littoral combat ship";
    if (/aircraft/.test(t) && head.lemma === "aircraft carrier") return "aircraft carrier";
  }
  if (head.lemma === "weapons" && types.some((t) => /^(nuclear|chemical|biological)$/.test(t)))
    return types.includes("nuclear") ? "nuclear weapon" : "weapons of mass destruction";
  return kind ? `${kind} ${head.lemma}` : head.category;
}

type Env = {
  ctx: Context;
  low: string[];
  gaz: Map<number, Hit>;
  special: Map<number, Hit>;
  /** Sentences with military words (see MILITARY_WORDS). */
  military: Uint8Array;
  space: Uint8Array;
  /** The article is about defence: military words in at least two prose sentences. */
  defence: boolean;
  /** Capitalised words seen away from a sentence start (real names, not sentence openers). */
  midCaps: Set<string>;
  prose: (si: number) => boolean;
  classes: ({ noun: ClassNoun; len: number } | null)[];
};

export type Found = {
  mentions: Mention[];
  defence: boolean;
  /** Every token, lower-cased (shared with the status reader). */
  low: string[];
};

/** All weapon-system mentions of the article's prose, in text order. */
export function findMentions(ctx: Context): Found {
  const { tokens, sentences, text } = ctx;
  const low = tokens.map((t) => lower(t.text));
  const prose = (si: number) => sentences[si]?.prose !== false;
  const military = new Uint8Array(sentences.length);
  const space = new Uint8Array(sentences.length);
  const midCaps = new Set<string>();
  let milCount = 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    let firstWord = true;
    for (let t = s.t0; t < s.t1; t++) {
      const tk = tokens[t]!;
      if (!tk.word) continue;
      const w = low[t]!;
      if (MILITARY_WORDS.has(w)) military[si] = 1;
      else if (
        /^tanks?$/.test(w) &&
        /^(battle|main|modern|heavy|western|russian|ukrainian|german)$/.test(low[t - 1] ?? "")
      )
        military[si] = 1;
      else if ((w === "defense" || w === "defence") && DEFENSE_NEXT.has(low[t + 1] ?? "")) military[si] = 1;
      else if (w === "force" && low[t - 1] === "air") military[si] = 1;
      if (SPACE_WORDS.has(w)) space[si] = 1;
      if (!firstWord && isCap(tk.text)) midCaps.add(tk.text);
      firstWord = false;
    }
    if (military[si] && prose(si)) milCount++;
  }
  const env: Env = {
    ctx,
    low,
    gaz: gazetteerHits(text),
    special: specialHits(text),
    military,
    space,
    defence: milCount >= 2,
    midCaps,
    prose,
    classes: [],
  };
  env.classes = low.map((_, t) => computeClass(env, t));
  const mentions: Mention[] = [];
  for (let si = 0; si < sentences.length; si++) if (prose(si)) scanSentence(env, si, mentions);
  const repeats = findRepeats(env, mentions);
  const all = repeats.length ? [...mentions, ...repeats].sort((a, b) => a.start - b.start) : mentions;
  return { mentions: all, defence: env.defence, low };
}

/** Military words in this sentence or a neighbour in the same paragraph. */
function nearMilitary(env: Env, si: number): boolean {
  const ss = env.ctx.sentences;
  if (env.military[si]) return true;
  const p = ss[si]!.paragraph;
  return (
    (si > 0 && ss[si - 1]!.paragraph === p && env.military[si - 1] === 1) ||
    (si + 1 < ss.length && ss[si + 1]!.paragraph === p && env.military[si + 1] === 1)
  );
}

/** Spaceflight words in this sentence or a neighbour in the same paragraph: a rocket there is a launcher. */
function nearSpace(env: Env, si: number): boolean {
  const ss = env.ctx.sentences;
  const p = ss[si]!.paragraph;
  return (
    env.space[si] === 1 ||
    (si > 0 && ss[si - 1]!.paragraph === p && env.space[si - 1] === 1) ||
    (si + 1 < ss.length && ss[si + 1]!.paragraph === p && env.space[si + 1] === 1)
  );
}

/** The weapon class at token t (precomputed once per article in `env.classes`). */
function classAt(env: Env, t: number): { noun: ClassNoun; len: number } | null {
  return env.classes[t] ?? null;
}

function computeClass(env: Env, t: number): { noun: ClassNoun; len: number } | null {
  const w = env.low[t];
  if (w === undefined || !env.ctx.tokens[t]!.word) return null;
  // "air defense(s)", "missile defense": one class of two words.
  if ((w === "air" || w === "missile" || w === "anti-missile") && /^defen[cs]es?$/.test(env.low[t + 1] ?? ""))
    return { noun: CLASS_NOUNS.get("air-defense")!, len: 2 };
  if (w.startsWith("air-") && /^air-defen[cs]es?$/.test(w))
    return { noun: CLASS_NOUNS.get("air-defense")!, len: 1 };
  const c = CLASS_NOUNS.get(w);
  if (!c) return null;
  if (
    c.lemma === "tank" &&
    /^(think|fuel|water|septic|oil|gas|storage|fish|shark|propane|oxygen|holding)$/.test(env.low[t - 1] ?? "")
  )
    return null;
  if (c.lemma === "artillery shell" && /^(shell)$/.test(w) && env.low[t + 1] === "company") return null;
  return { noun: c, len: 1 };
}

function isNameToken(env: Env, t: number, sentenceStart: boolean): boolean {
  const tk = env.ctx.tokens[t]!;
  const w = tk.text;
  if (!tk.word) return false;
  if (NUMBER_NAME.test(w)) return true;
  if (!isCap(w)) return false;
  const bare = w.replace(/'s$/, "");
  if (
    NON_NAME_CAPITALS.has(bare) ||
    MONTHS.has(bare) ||
    WEEKDAYS.has(bare) ||
    PLACES.has(bare) ||
    (NAME_BLOCK.has(bare) && !(SHIP_TITLES.has(bare) && isCap(env.ctx.tokens[t + 1]?.text ?? ""))) ||
    ORG_WORDS.has(bare) ||
    MILITARY_ORG_WORDS.has(bare) ||
    MANUFACTURERS.has(bare) ||
    isOwnerWord(bare) ||
    placeOwner(bare)
  )
    return false;
  if (/'s$/.test(w)) return false;
  const l = lower(w);
  if (sentenceStart && !env.midCaps.has(w) && !isAllCaps(w)) return false;
  if (sentenceStart && (EVALUATIVE_MODIFIERS.has(l) || MILITARY_MODIFIERS.has(l) || FUNCTION_WORDS.has(l)))
    return false;
  return true;
}

/** A word of a ship's own name ("Moskva", "Fujian", "Admiral Nakhimov"): looser than isNameToken, since a ship may bear a demonym-like name. */
function isShipNameToken(env: Env, t: number): boolean {
  const tk = env.ctx.tokens[t]!;
  const w = tk.text;
  if (!tk.word || !isCap(w) || /'s$/.test(w)) return false;
  if (
    NON_NAME_CAPITALS.has(w) ||
    MONTHS.has(w) ||
    WEEKDAYS.has(w) ||
    PLACES.has(w) ||
    MILITARY_ORG_WORDS.has(w)
  )
    return false;
  return !NAME_BLOCK.has(w) || (SHIP_TITLES.has(w) && isCap(env.ctx.tokens[t + 1]?.text ?? ""));
}

/** Classes that are what a launching system fires. */
const MUNITION_CLASSES = new Set(["interceptor", "missile", "rocket", "munition", "artillery shell"]);

const pluralOf = (w: string) => (/s$/.test(w) ? w : /o$/.test(w) ? `${w}es` : `${w}s`);

/** The token of the weapon word that extendRight found after the name (for its surface form). */
function headToken(env: Env, j: number, ext: Extension): number {
  for (let k = ext.end - 1; k >= j; k--) if (classAt(env, k)?.noun === ext.head) return k;
  return j;
}

type Extension = {
  end: number;
  head: ClassNoun | null;
  types: string[];
  proper: number[];
  acronym: string | null;
  acronymGaz: number | null;
  event: string | null;
  hull: boolean;
};

/**
 * What follows a name: its proper name ("Super Hornet"), kind words and weapon word ("stealth
 * bomber"), unit nouns ("units"), a bracketed acronym ("(NSM)") or hull number ("(CVN-69)").
 */
function extendRight(env: Env, j: number, limit: number, withProper: boolean): Extension {
  const { tokens } = env.ctx;
  const out: Extension = {
    end: j,
    head: null,
    types: [],
    proper: [],
    acronym: null,
    acronymGaz: null,
    event: null,
    hull: false,
  };
  let k = j;
  if (withProper) {
    while (k < limit && out.proper.length < 4 && isNameToken(env, k, false) && !classAt(env, k)) {
      if (DESIGNATION.test(tokens[k]!.text)) break;
      if (tokens[k]!.start !== tokens[k - 1]!.end + 1) break;
      out.proper.push(k);
      k++;
    }
    // A trailing capitalised class word belongs to the name: "Joint Direct Attack Munition".
    if (out.proper.length && k < limit && isCap(tokens[k]!.text) && classAt(env, k)) {
      const c = classAt(env, k)!;
      out.head = c.noun;
      k += c.len;
    }
    out.end = k;
  }
  if (!out.head && k < limit && UNIT_TAILS.has(env.low[k]!)) {
    // "a Patriot battery", "IRIS-T units"
    out.end = k + 1;
    return out;
  }
  if (!out.head) {
    // Up to three kind words, then the weapon word.
    let m = k;
    const types: string[] = [];
    while (
      m < limit &&
      types.length < 3 &&
      tokens[m]!.word &&
      isLowerWord(tokens[m]!.text) &&
      !classAt(env, m)
    ) {
      const w = env.low[m]!;
      if (FUNCTION_WORDS.has(w)) break;
      types.push(w);
      m++;
    }
    const c = m < limit ? classAt(env, m) : null;
    if (
      c &&
      !(types.length && !types.every((t) => MILITARY_MODIFIERS.has(t) || /-/.test(t) || !/(ed|ing)$/.test(t)))
    ) {
      let h = m + c.len;
      let head = c.noun;
      // "missile cruiser": the last weapon word is the head.
      const next = h < limit ? classAt(env, h) : null;
      if (next && !UNIT_TAILS.has(env.low[h]!)) {
        types.push(env.low[m]!);
        head = next.noun;
        h += next.len;
      }
      out.head = head;
      out.types = types;
      k = h;
      out.end = k;
    }
  }
  if (out.head || out.proper.length) {
    if (k < limit && UNIT_TAILS.has(env.low[k]!)) k++;
    if (k < limit && EVENT_TAILS.has(env.low[k]!)) out.event = env.low[k++]!;
    out.end = k;
  }
  // "(NSM)", "(CVN-69)"
  if (k + 2 < limit + 1 && tokens[k]?.text === "(" && tokens[k + 2]?.text === ")") {
    const a = tokens[k + 1]!.text;
    const d = DESIGNATION.exec(a);
    if (d && DESIGNATION_FAMILIES[d[1]!]?.tier === "hull") {
      out.hull = true;
      out.end = k + 3;
    } else if (isAllCaps(a) && a.length <= 8) {
      out.acronym = a;
      const g = env.gaz.get(tokens[k + 1]!.start);
      if (g) out.acronymGaz = g.idx;
      out.end = k + 3;
    }
  }
  return out;
}

function mention(
  env: Env,
  si: number,
  t0: number,
  t1: number,
  rest: Partial<Mention> & { shape: MentionShape },
): Mention {
  const { tokens, text } = env.ctx;
  const start = tokens[t0]!.start;
  const end = tokens[t1 - 1]!.end;
  return {
    start,
    end,
    t0,
    t1,
    sentence: si,
    surface: text.slice(start, end),
    named: true,
    keys: [],
    name: text.slice(start, end),
    nameScore: 1,
    category: "weapon",
    categoryScore: 0,
    head: null,
    owner: null,
    types: [],
    abstract: false,
    event: null,
    transfer: null,
    supplied: null,
    why: "",
    ...rest,
  };
}

function textOf(env: Env, ts: number[]): string {
  const { tokens, text } = env.ctx;
  return ts.length ? text.slice(tokens[ts[0]!]!.start, tokens[ts[ts.length - 1]!]!.end) : "";
}

/** A named mention with what extendRight found after its core [t0, core). */
function namedWith(
  env: Env,
  si: number,
  t0: number,
  core: number,
  ext: Extension,
  base: Partial<Mention> & { shape: MentionShape; name: string; keys: string[] },
): Mention {
  const m = mention(env, si, t0, Math.max(core, ext.end), { ...base });
  if (ext.head) {
    m.head = ext.head.lemma;
    if (m.categoryScore < 2) {
      m.category = categoryFor(ext.head, ext.types);
      m.categoryScore = 2;
    }
  }
  if (ext.acronym) {
    m.keys.push(`acr:${ext.acronym}`);
    if (ext.acronymGaz !== null) {
      m.keys.push(`gaz:${NAMED_SYSTEMS[ext.acronymGaz]!.name}`);
      if (m.categoryScore < 3) {
        m.category = NAMED_SYSTEMS[ext.acronymGaz]!.category;
        m.categoryScore = 3;
      }
    }
  }
  if (ext.event) m.event = ext.event;
  return m;
}

function scanSentence(env: Env, si: number, out: Mention[]) {
  const { ctx, low } = env;
  const { tokens } = ctx;
  const s = ctx.sentences[si]!;
  const limit = s.t1;
  let lastEnd = s.t0;
  let firstWord = s.t0;
  while (firstWord < limit && !tokens[firstWord]!.word) firstWord++;
  // A weapon word that only describes the ship or name right after it ("the destroyer USS
  // Mason", "the weapon, dubbed QUICKSINK") lends that name its category.
  let pendingCategory: string | null = null;
  const push = (m: Mention) => {
    if (pendingCategory && m.categoryScore < 2) {
      m.category = pendingCategory;
      m.categoryScore = 2;
    }
    pendingCategory = null;
    out.push(m);
    lastEnd = m.t1;
  };
  for (let i = s.t0; i < limit; i++) {
    if (i < lastEnd) continue;
    const tk = tokens[i]!;
    if (!tk.word) continue;
    const w = tk.text;

    // Coordinated weapons of mass destruction ("chemical, biological or nuclear weapons").
    const sp = env.special.get(tk.start);
    if (sp && env.defence) {
      let j = i;
      while (j < limit && tokens[j]!.end <= sp.end) j++;
      const row = SPECIAL_GENERICS[sp.idx]!;
      push(
        mention(env, si, i, j, {
          shape: "generic",
          named: false,
          keys: [`g:${row.key}`],
          category: row.category,
          categoryScore: 3,
          head: "weapons",
          types: [row.key],
          nameScore: 3,
          why: "a class of weapons",
        }),
      );
      continue;
    }

    // Gazetteer names.
    const g = env.gaz.get(tk.start);
    if (g) {
      let j = i;
      while (j < limit && tokens[j]!.end <= g.end) j++;
      const row = NAMED_SYSTEMS[g.idx]!;
      const ext = extendRight(env, j, limit, false);
      if (ext.head || nearMilitary(env, si)) {
        // "Patriot interceptors" are not "Patriot launchers": a launching system's munitions are
        // a system of their own.
        const munition =
          !!ext.head &&
          MUNITION_CLASSES.has(ext.head.lemma) &&
          /system|howitzer|launcher|gun/.test(row.category);
        const m = namedWith(env, si, i, j, ext, {
          shape: "gazetteer",
          name: munition
            ? `${row.name} ${pluralOf(low[headToken(env, j, ext)] ?? ext.head!.lemma)}`
            : row.name,
          nameScore: 5,
          keys: [munition ? `gaz:${row.name}|munition` : `gaz:${row.name}`],
          category: munition ? ext.head!.category : row.category,
          categoryScore: 4,
          why: "a known weapon system",
        });
        if (munition)
          m.category = ext.head!.lemma === "interceptor" ? "interceptor missile" : ext.head!.category;
        push(m);
        continue;
      }
    }

    // Ship prefixes: "USS Mason", "ex-USS Tarawa", "HMAS Sydney".
    const ship = isCap(w) || w.startsWith("ex-") ? /^(ex-)?([A-Z][A-Za-z]{1,5})$/.exec(w) : null;
    if (
      ship &&
      (SHIP_PREFIXES_STRONG.has(ship[2]!) || (SHIP_PREFIXES_WEAK.has(ship[2]!) && nearMilitary(env, si)))
    ) {
      const names: number[] = [];
      let j = i + 1;
      while (j < limit && names.length < 5) {
        const t = tokens[j]!;
        if (!t.word) break;
        if (isCap(t.text) && !/'s$/.test(t.text)) names.push(j);
        else if (
          /^(of|de|the|la|del|da)$/.test(t.text) &&
          j + 1 < limit &&
          (isCap(tokens[j + 1]!.text) ||
            (/^(the|la)$/.test(tokens[j + 1]!.text) && isCap(tokens[j + 2]?.text ?? "a")))
        )
          names.push(j);
        else break;
        j++;
      }
      if (names.length && !FUNCTION_WORDS.has(low[names[0]!]!)) {
        const nameText = textOf(env, names);
        let end = j;
        if (tokens[j]?.text === "(" && tokens[j + 2]?.text === ")" && DESIGNATION.test(tokens[j + 1]!.text))
          end = j + 3;
        const prefix = ship[2]!;
        push(
          mention(env, si, i, end, {
            shape: "ship",
            name: `${ship[1] ?? ""}${prefix} ${nameText}`,
            nameScore: 5,
            keys: [`ship:${lower(nameText)}`],
            category: "warship",
            categoryScore: 1,
            head: "warship",
            why: `a ship named with the prefix ${prefix}`,
          }),
        );
        continue;
      }
    }

    // "Type 055" classes of ships and tanks.
    if (w === "Type" && i + 1 < limit && /^\d{2,3}[A-Z]?s?$/.test(tokens[i + 1]!.text)) {
      const num = bareDesignation(tokens[i + 1]!.text);
      const ext = extendRight(env, i + 2, limit, false);
      if (ext.head || nearMilitary(env, si) || env.defence) {
        push(
          namedWith(env, si, i, i + 2, ext, {
            shape: "type",
            name: `Type ${num}`,
            nameScore: 5,
            keys: [`des:Type ${num}`],
            category: "warship",
            categoryScore: 1,
            why: "a military class designation (Type ...)",
          }),
        );
        continue;
      }
    }

    // Model designations: "F-16", "F/A-18", "GBU-39", "Su-25", "Samad-3".
    const hyphen = w.includes("-");
    const bare = hyphen ? bareDesignation(w) : w;
    const d = hyphen ? DESIGNATION.exec(bare) : null;
    if (d && !NOT_DESIGNATION_PREFIXES.has(lower(d[1]!))) {
      const famName = d[1]!;
      const family = DESIGNATION_FAMILIES[famName];
      const ext = extendRight(env, i + 1, limit, true);
      const adjacent = !!ext.head || ext.proper.length > 0;
      let ok = false;
      if (NOT_DESIGNATIONS.has(bare)) ok = adjacent;
      else if (family?.tier === "hull") ok = !!ext.head;
      else if (family?.tier === "strict") ok = adjacent || env.military[si] === 1;
      else if (family) ok = adjacent || nearMilitary(env, si) || env.defence;
      else if (/^[A-Z][a-z]+$/.test(famName))
        // An unknown model name ("Samad-3"): a weapon word right after it, or one in the sentence of a defence article.
        ok = !!ext.head || (env.defence && sentenceHasClass(env, si, true));
      // An unknown letter family ("GQM-163 Coyote"): a weapon word, or a proper name in a military sentence.
      else ok = (!!ext.head && !ext.head.weak) || (ext.proper.length > 0 && env.military[si] === 1);
      // "the E-40 highway", "an H-2B visa": the next word says what it is.
      if (NOT_WEAPON_AFTER.has(low[i + 1] ?? "")) ok = false;
      if (famName === "S" && !/^\d{3}$/.test(d[2]!)) ok = ok && adjacent;
      if (famName === "T" && !/^(14|15|34|54|55|62|64|72|80|84|90)$/.test(d[2]!)) ok = ok && adjacent;
      if (ok) {
        // "F/A-18E Super Hornets": the name is singular.
        const proper = ext.proper.length
          ? textOf(env, ext.proper).replace(/([a-z]{3})s$/, (x, y: string) =>
              /^(Abram|Atla|Herme|Pegasu|Perseu)$/.test(x.slice(0, -1)) ? x : y,
            )
          : "";
        const shortProper = proper && ext.proper.length <= 2 && !ext.head ? proper : "";
        const name = shortProper
          ? `${bare} ${shortProper}`
          : ext.acronym && ext.proper.length
            ? `${bare} ${ext.acronym}`
            : proper && !ext.head
              ? `${bare} ${proper}`
              : proper && ext.head && ext.proper.length <= 2
                ? `${bare} ${proper}`
                : bare;
        const m = namedWith(env, si, i, i + 1, ext, {
          shape: "designation",
          name,
          nameScore: name === bare ? 4 : 6,
          keys: [`des:${bare}`],
          category: family ? family.category : "weapon",
          categoryScore: family ? 3 : 0,
          why: `a military model designation (${bare})`,
        });
        const byClass = ext.head ? categoryFor(ext.head, ext.types) : null;
        const vagueClass =
          /^(aircraft|fighter jet|weapon system|weapons|military equipment|naval vessel|launcher|munition)$/.test(
            ext.head?.lemma ?? "",
          );
        if (ext.head && (!family || (byClass !== ext.head.category && ext.types.length) || !vagueClass)) {
          m.category = byClass!;
          m.categoryScore = 3;
        } else if (!family) {
          const c = sentenceClass(env, si);
          if (c) {
            m.category = c.category;
            m.categoryScore = 1;
          }
        }
        if (proper) m.keys.push(`name:${lower(proper)}`);
        push(m);
        continue;
      }
    }

    // "the weapon, dubbed QUICKSINK", "a drone known as the Sea Baby".
    const dub = DUB_CUES.has(low[i]!) ? 1 : low[i] === "known" && low[i + 1] === "as" ? 2 : 0;
    if (dub) {
      let cls: { noun: ClassNoun } | null = null;
      let clsKind: string[] = [];
      for (let b = i - 1; b >= Math.max(s.t0, i - 6); b--) {
        const c = classAt(env, b);
        if (c) {
          cls = c;
          if (MILITARY_MODIFIERS.has(low[b - 1] ?? "")) clsKind = [low[b - 1]!];
          break;
        }
      }
      let j = i + dub;
      if (low[j] === "the") j++;
      const quoted = tokens[j]?.text === '"' || tokens[j]?.text === "'";
      if (quoted) j++;
      const names: number[] = [];
      while (j < limit && names.length < 3 && isNameToken(env, j, false) && !classAt(env, j)) names.push(j++);
      if (names.length && env.gaz.has(tokens[names[0]!]!.start)) cls = null;
      if (
        cls &&
        names.length &&
        (isAllCaps(tokens[names[0]!]!.text) || names.length > 1 || quoted || env.defence)
      ) {
        const nameText = textOf(env, names);
        const category = clsKind.length
          ? categoryFor(cls.noun, clsKind)
          : cls.noun.abstract || cls.noun.weak
            ? recentGenericCategory(out, si)
            : cls.noun.category;
        push(
          mention(env, si, names[0]!, names[names.length - 1]! + 1, {
            shape: "dubbed",
            name: nameText,
            nameScore: 5,
            keys: [`name:${lower(nameText)}`],
            category: category ?? cls.noun.category,
            categoryScore: 2,
            head: cls.noun.lemma,
            why: `introduced as "${low[i]}${dub === 2 ? " as" : ""} ${nameText}"`,
          }),
        );
        i = names[names.length - 1]!;
        continue;
      }
    }

    // Weapon words: a name before them ("Hellfire missile") or a generic class ("Houthi drones").
    const c = classAt(env, i);
    if (c) {
      const made = classMention(env, si, i, c, lastEnd, firstWord, out);
      if (made === "described") continue;
      if (made === "descriptor") {
        pendingCategory = categoryFor(c.noun, []);
        const before = low[i - 1];
        if (before && MILITARY_MODIFIERS.has(before)) pendingCategory = categoryFor(c.noun, [before]);
        continue;
      }
      if (made) {
        pendingCategory = null;
        out.push(made);
        lastEnd = made.t1;
        i = made.t1 - 1;
      }
    }
  }
}

function sentenceHasClass(env: Env, si: number, strongOnly: boolean): boolean {
  const s = env.ctx.sentences[si]!;
  for (let t = s.t0; t < s.t1; t++) {
    const c = classAt(env, t);
    if (c && !(strongOnly && (c.noun.weak || c.noun.abstract))) return true;
  }
  return false;
}

function sentenceClass(env: Env, si: number): ClassNoun | null {
  const s = env.ctx.sentences[si]!;
  for (let t = s.t0; t < s.t1; t++) {
    const c = classAt(env, t);
    if (c && !c.noun.weak && !c.noun.abstract) return c.noun;
  }
  return null;
}

function recentGenericCategory(out: Mention[], si: number): string | null {
  for (let k = out.length - 1; k >= 0; k--) {
    const m = out[k]!;
    if (m.sentence < si - 1) break;
    if (!m.named && m.head && m.category !== "weapons") return m.category;
  }
  return null;
}

const IMPROVISED = new Set(
  "pipe car nail letter parcel homemade home-made improvised fertilizer fertiliser".split(" "),
);

const SUPPLIED = /-(supplied|provided|donated|delivered|sent)$/;

/**
 * A weapon word at token h: builds the mention around it. Returns "descriptor" when the word
 * only describes a name that follows ("destroyer USS Mason", "the weapon, dubbed X"),
 * "described" when it describes the name just before ("The GBU-39 is a guided bomb"), null when
 * it is not a weapon here (a "drone pilot", a "think tank", a ship in a business story).
 */
function classMention(
  env: Env,
  si: number,
  h: number,
  c: { noun: ClassNoun; len: number },
  lastEnd: number,
  firstWord: number,
  out: Mention[],
): Mention | "descriptor" | "described" | null {
  const { ctx, low } = env;
  const { tokens, text } = ctx;
  const limit = ctx.sentences[si]!.t1;
  let head = c.noun;
  let headEnd = h + c.len;
  const types: string[] = [];
  // "missile cruiser", "drone boats": the last weapon word is the head.
  const next = headEnd < limit ? classAt(env, headEnd) : null;
  if (next && !UNIT_TAILS.has(low[headEnd]!)) {
    types.push(head.lemma === "air defense" ? "air defense" : low[h]!);
    head = next.noun;
    headEnd += next.len;
  }
  let end = headEnd;
  if (end < limit && UNIT_TAILS.has(low[end]!)) end++;
  const nameEnd = end;
  let event: string | null = null;
  let transfer: string | null = null;
  const after = low[end];
  if (after && end < limit && tokens[end]!.word) {
    if (EVENT_TAILS.has(after)) event = after;
    else if (TRANSFER_TAILS.has(after)) transfer = after;
    else if (NON_WEAPON_TAILS.has(after)) return null;
  }
  // Describes the ship or name that follows.
  const n1 = tokens[end]?.text ?? "";
  const n2 = tokens[end + 1]?.text ?? "";
  if (isShipPrefix(n1) || (n1 === "," && isShipPrefix(n2))) return "descriptor";
  const l1 = lower(n1);
  const l2 = lower(n2);
  if (
    DUB_CUES.has(l1) ||
    (l1 === "known" && l2 === "as") ||
    (n1 === "," && (DUB_CUES.has(l2) || (l2 === "known" && lower(tokens[end + 2]?.text ?? "") === "as")))
  )
    return "descriptor";
  if (event || transfer) end++;

  // Leftwards: kind words, evaluative words and an owner; or a capitalised name.
  let owner: string | null = null;
  let ownerAt = -1;
  let left = h;
  let supplied: string | null = null;
  const nameToks: number[] = [];
  let determiner: number | null = null;
  for (let k = h - 1; k >= lastEnd && h - k <= 7; k--) {
    const t = tokens[k]!;
    if (
      t.text === "," &&
      k - 1 >= lastEnd &&
      /^\d+$/.test(tokens[k - 1]!.text) &&
      t.start === tokens[k - 1]!.end &&
      tokens[k + 1]?.start === t.end
    ) {
      // "2,000-pound bombs": the comma of a number.
      left = k - 1;
      k--;
      continue;
    }
    if (!t.word) {
      // "Hamas' rockets": a possessive apostrophe after a name ending in s.
      const p = tokens[k - 1];
      if (
        t.text === "'" &&
        p &&
        k - 1 >= lastEnd &&
        /s$/.test(p.text) &&
        isCap(p.text) &&
        t.start === p.end
      ) {
        owner = ownerKey([p.text]);
        ownerAt = left = k - 1;
      }
      break;
    }
    const w = t.text;
    const l = low[k]!;
    const atStart = k === firstWord;
    // "2,000-pound bombs" when the number is its own token: "2,000" "-" "pound".
    const dash = tokens[k - 1];
    const num = tokens[k - 2];
    if (
      k - 2 >= lastEnd &&
      dash?.text === "-" &&
      dash.end === t.start &&
      num &&
      /^\d/.test(num.text) &&
      num.end === dash.start &&
      /^[a-z]+$/.test(l)
    ) {
      left = k - 2;
      k -= 2;
      continue;
    }
    if (SUPPLIED.test(l)) {
      supplied = l.replace(/^.*-/, "");
      left = k;
      continue;
    }
    if (/-(made|built|produced|designed|developed|based)$/.test(l)) {
      left = k;
      continue;
    }
    if (atStart && FUNCTION_WORDS.has(l)) {
      if (/^(the|this|that)$/.test(l)) determiner = k;
      break;
    }
    const openerModifier =
      atStart && (EVALUATIVE_MODIFIERS.has(l) || MILITARY_MODIFIERS.has(l) || PARTICIPLE_MODIFIERS.has(l));
    if (isCap(w) && !openerModifier) {
      if (/'s?$/.test(w)) {
        owner = ownerKey([w]);
        ownerAt = left = k;
        break;
      }
      if (isOwnerWord(w) || placeOwner(w)) {
        const two = k - 1 >= lastEnd && /^(North|South)$/.test(tokens[k - 1]!.text);
        owner = ownerKey(two ? [tokens[k - 1]!.text, w] : [w]);
        if (two) k--;
        ownerAt = left = k;
        continue;
      }
      if (MILITARY_ORG_WORDS.has(w)) {
        left = k;
        continue;
      }
      if (owner === null && isNameToken(env, k, atStart)) {
        // A proper name right before the (kind words and) weapon word: "Hellfire missile".
        for (let b = k; b >= lastEnd && h - b <= 7 && isNameToken(env, b, b === firstWord); b--)
          nameToks.unshift(b);
      }
      break;
    }
    if (/^\d[\d,.]*mm$/.test(l)) {
      types.unshift(l);
      left = k;
      continue;
    }
    if (/^\d[\d,.]*-[a-z]+$/.test(l)) {
      // "2,000-pound bombs", "39,000-ton ship": a size, kept in the name.
      left = k;
      continue;
    }
    if (/^\d/.test(l)) {
      // "Mark 48 torpedo": a number after a capitalised word is part of a name.
      if (
        k - 1 >= lastEnd &&
        owner === null &&
        !types.length &&
        isNameToken(env, k - 1, k - 1 === firstWord) &&
        isCap(tokens[k - 1]!.text)
      )
        for (let b = k; b >= lastEnd && h - b <= 7 && isNameToken(env, b, b === firstWord); b--)
          nameToks.unshift(b);
      break;
    }
    if (EVALUATIVE_MODIFIERS.has(l)) {
      left = k;
      continue;
    }
    if (MILITARY_MODIFIERS.has(l) || PARTICIPLE_MODIFIERS.has(l)) {
      types.unshift(l);
      left = k;
      continue;
    }
    if (FUNCTION_WORDS.has(l)) {
      if (/^(the|this|that)$/.test(l)) determiner = k;
      break;
    }
    if (/(ed|ing|ly)$/.test(l) && !/-/.test(l)) break;
    // "to lease interceptors", "could lease interceptors": a verb
    if (
      /^(to|could|would|will|can|may|might|must|should|not)$/.test(low[k - 1] ?? "") &&
      !MILITARY_MODIFIERS.has(l)
    )
      break;
    if (/^[a-z][a-z-]*$/.test(l) && !/-led$/.test(l) && !COMMON_VERBS.has(l) && !/[^s]s$/.test(l)) {
      // An unknown lower-case word before the head is most likely its kind ("standard", "littoral"),
      // unless its ending makes it a describing adjective ("effective", "survivable", "largest").
      if (!/(ive|able|ible|ful|ous|est|less)$/.test(l) && !/-(flying|range|size|sized|looking)$/.test(l))
        types.unshift(l);
      left = k;
      continue;
    }
    break;
  }

  // "The GBU-39 is a small-diameter bomb", "the ex-USS Tarawa, a retired assault ship": the class
  // only describes the system just named.
  if (!nameToks.length && describesPrevious(env, si, left, out)) {
    const prev = out[out.length - 1]!;
    if (prev.categoryScore < 2 && !head.abstract) {
      prev.category = categoryFor(
        head,
        types.filter((t) => !EVALUATIVE_MODIFIERS.has(t)),
      );
      prev.categoryScore = 2;
    }
    return "described";
  }

  // "the cruiser Moskva", "China's new carrier, the Fujian,": a ship's own name after its class.
  if (!nameToks.length && SHIP_CLASSES.has(head.lemma) && (env.defence || nearMilitary(env, si))) {
    const appositive = tokens[end]?.text === "," && low[end + 1] === "the";
    let n = appositive ? end + 2 : end;
    const shipName: number[] = [];
    if (appositive || determiner !== null)
      while (
        n < limit &&
        shipName.length < 3 &&
        isShipNameToken(env, n) &&
        !classAt(env, n) &&
        !isShipPrefix(tokens[n]!.text)
      )
        shipName.push(n++);
    const closed = !appositive || n >= limit || !tokens[n]!.word;
    if (shipName.length && closed && !/'s$/.test(tokens[n - 1]!.text)) {
      const nameText = text.slice(tokens[shipName[0]!]!.start, tokens[n - 1]!.end);
      return mention(env, si, left, n, {
        shape: "ship",
        name: nameText,
        nameScore: 5,
        keys: [`ship:${lower(nameText)}`],
        category: categoryFor(head, types),
        categoryScore: 2,
        head: head.lemma,
        owner,
        why: `a ship named after its class word (${low[h]} ${nameText})`,
      });
    }
  }

  if (nameToks.length) {
    // "the Liaoning and Shandong carriers": a second name joined by "and" shares the weapon word.
    const j = nameToks[0]! - 1;
    if (
      j - 1 >= lastEnd &&
      (low[j] === "and" || tokens[j]!.text === ",") &&
      isNameToken(env, j - 1, j - 1 === firstWord)
    ) {
      const other: number[] = [];
      for (let b = j - 1; b >= lastEnd && other.length < 3 && isNameToken(env, b, b === firstWord); b--)
        other.unshift(b);
      const otherName = text.slice(tokens[other[0]!]!.start, tokens[other[other.length - 1]!]!.end);
      if (nearMilitary(env, si) || env.defence)
        out.push(
          mention(env, si, other[0]!, other[other.length - 1]! + 1, {
            shape: "name",
            name: otherName,
            nameScore: 5,
            keys: [`name:${lower(otherName)}`],
            category: categoryFor(head, types),
            categoryScore: 2,
            head: head.lemma,
            types,
            why: `a name before the weapon word "${low[h]}"`,
          }),
        );
    }
    const capHead = isCap(tokens[h]!.text);
    // "Arleigh Burke-class destroyers": a class name keeps its weapon word.
    const classNamed = /-class$/.test(tokens[nameToks[nameToks.length - 1]!]!.text);
    let nameText = text.slice(
      tokens[nameToks[0]!]!.start,
      tokens[capHead || classNamed ? headEnd - 1 : nameToks[nameToks.length - 1]!]!.end,
    );
    if (classNamed) nameText = nameText.replace(/(o|sh|ch|x|ss)es$/, "$1").replace(/([^s])s$/, "$1");
    const military = nearMilitary(env, si);
    if (!env.defence && !military) return null;
    const milKind = types.some((t) => MILITARY_MODIFIERS.has(t));
    if ((head.weak && !military && !milKind) || (head.lemma === "rocket" && nearSpace(env, si))) return null;
    if (head.abstract && !capHead) return null;
    const ext = extendRight(env, end, limit, false);
    const m = mention(env, si, nameToks[0]!, Math.max(end, ext.end), {
      shape: "name",
      name: nameText,
      nameScore: 5,
      keys: [`name:${lower(nameText)}`],
      category: categoryFor(head, types),
      categoryScore: 2,
      head: head.lemma,
      types,
      event,
      transfer,
      why: `a name before the weapon word "${low[h]}"`,
    });
    if (ext.acronym) m.keys.push(`acr:${ext.acronym}`);
    // "the Kirov-class battlecruiser Admiral Nakhimov": the class, then the ship it names.
    if (classNamed && SHIP_CLASSES.has(head.lemma) && m.t1 === end) {
      let n = end;
      while (
        n < limit &&
        n - end < 3 &&
        isShipNameToken(env, n) &&
        !classAt(env, n) &&
        !isShipPrefix(tokens[n]!.text)
      )
        n++;
      if (n > end) {
        out.push(m);
        const shipName = text.slice(tokens[end]!.start, tokens[n - 1]!.end);
        return mention(env, si, end, n, {
          shape: "ship",
          name: shipName,
          nameScore: 5,
          keys: [`ship:${lower(shipName)}`],
          category: categoryFor(head, types),
          categoryScore: 2,
          head: head.lemma,
          why: `a ship named after its class (${nameText} ${shipName})`,
        });
      }
    }
    return m;
  }

  // "the drone", "this missile": a system named just before.
  if (determiner !== null && !types.length && owner === null) {
    const ref = referent(out, si, head);
    if (ref) {
      return mention(env, si, determiner, end, {
        shape: "reference",
        named: ref.named,
        name: ref.name,
        nameScore: 0,
        keys: [...ref.keys],
        category: ref.category,
        categoryScore: 0,
        head: head.lemma,
        owner: ref.owner,
        types: ref.types,
        event,
        transfer,
        why: ref.why,
      });
    }
  }

  // A generic class, only in a defence article.
  if (!env.defence) return null;
  if (head.lemma === "rocket" && nearSpace(env, si)) return null;
  const military = nearMilitary(env, si);
  const milType = types.some((t) => MILITARY_MODIFIERS.has(t) || /\d+mm$/.test(t));
  if (head.vague && !milType) return null;
  // Improvised devices of crime and terror news are not weapon systems.
  if (types.some((t) => IMPROVISED.has(t))) return null;
  if (head.weak && !military && !milType && !(owner && hasUseVerb(env, si))) return null;
  if (head.lemma === "drone" && !military && owner === null && !milType) return null;
  const s0 = ownerAt >= 0 ? Math.min(left, ownerAt) : left;
  let surface = text.slice(tokens[s0]!.start, tokens[nameEnd - 1]!.end);
  const opener = low[s0]!;
  if (
    s0 === firstWord &&
    (opener === "air" ||
      EVALUATIVE_MODIFIERS.has(opener) ||
      MILITARY_MODIFIERS.has(opener) ||
      PARTICIPLE_MODIFIERS.has(opener) ||
      CLASS_NOUNS.has(opener))
  )
    surface = surface[0]!.toLowerCase() + surface.slice(1);
  const kinds = types.filter((t) => !EVALUATIVE_MODIFIERS.has(t));
  return mention(env, si, s0, end, {
    shape: "generic",
    named: false,
    name: transfer ? `${surface} ${transfer}` : surface,
    nameScore: 1 + (owner ? 1 : 0) + kinds.length,
    keys: [`g:${head.lemma}|${kinds.join(" ")}`],
    category: categoryFor(head, kinds),
    categoryScore: 1,
    head: head.lemma,
    owner,
    types: kinds,
    abstract: !!head.abstract && (head.lemma !== "weapons" || !milType),
    event,
    transfer,
    supplied,
    why: owner ? "a class of weapons with its owner" : "a class of weapons",
  });
}

/**
 * The class phrase starting at token `left` is a predicate or appositive of the named system
 * that ends right before it: "X is a ...", "X was the ...", "X, a ...".
 */
function describesPrevious(env: Env, si: number, left: number, out: Mention[]): boolean {
  const prev = out[out.length - 1];
  if (!prev || !prev.named || prev.sentence !== si || prev.shape === "reference") return false;
  const p = prev.t1;
  const link = env.low[p];
  if (link !== "," && !/^(is|was|are|were|remains|becomes)$/.test(link ?? "")) return false;
  if (!/^(a|an|the)$/.test(env.low[p + 1] ?? "")) return false;
  // A short noun phrase between: "a retired 820-foot-long, 39,000-ton", "the US military's most".
  return left >= p + 2 && left - p <= 8;
}

function isShipPrefix(x: string): boolean {
  const p = x.replace(/^ex-/, "");
  return SHIP_PREFIXES_STRONG.has(p) || SHIP_PREFIXES_WEAK.has(p);
}

const USE_VERBS = new Set(
  "hit hits struck strike strikes fired fire fires launched launch launches bombed bomb attacked attack shot downed intercepted targeted sank sunk dropped".split(
    " ",
  ),
);
function hasUseVerb(env: Env, si: number): boolean {
  const s = env.ctx.sentences[si]!;
  for (let t = s.t0; t < s.t1; t++) if (USE_VERBS.has(env.low[t]!)) return true;
  return false;
}

/** The named system a definite "the drone" / "this missile" refers to: the latest one of that class nearby. */
function referent(out: Mention[], si: number, head: ClassNoun): Mention | null {
  for (let k = out.length - 1; k >= 0; k--) {
    const m = out[k]!;
    if (m.sentence < si - 2) break;
    if (!m.named || m.shape === "reference") continue;
    const lemma = head.lemma;
    if (lemma === "weapons" || lemma === "weapon system") {
      if (m.head === "warship" || /ship|vessel|carrier|destroyer|frigate|cruiser|submarine/.test(m.category))
        continue;
      return m;
    }
    if (m.head === lemma || m.category.includes(lemma)) return m;
    if (lemma === "fighter jet" && /jet|aircraft|fighter|bomber/.test(m.category)) return m;
    if (lemma === "aircraft" && /jet|aircraft|fighter|bomber|plane/.test(m.category)) return m;
    if (
      lemma === "naval vessel" &&
      (m.head === "warship" || /ship|destroyer|frigate|cruiser|carrier/.test(m.category))
    )
      return m;
  }
  return null;
}

/**
 * Second pass: later (or earlier) uses of names the first pass learned, where no weapon word
 * stands next to them: "the B-2", "QUICKSINK", "NSM", "the Eisenhower", "ex-Tarawa".
 */
function findRepeats(env: Env, found: Mention[]): Mention[] {
  const { tokens } = env.ctx;
  const learned = new Map<string, Mention>();
  // Names of several words (or one rare word): "Gray Eagle", "Sea Baby", "Hellfire"; by first word.
  const phrases = new Map<string, { words: string[]; m: Mention }[]>();
  const learnPhrase = (name: string, m: Mention) => {
    const ws = name.split(" ");
    if (ws.length === 1 && (!/^\p{Lu}/u.test(name) || FUNCTION_WORDS.has(lower(name)) || isAllCaps(name)))
      return;
    if (ws.length === 1) learned.set(name, m);
    else phrases.set(ws[0]!, [...(phrases.get(ws[0]!) ?? []), { words: ws, m }]);
  };
  for (const m of found) {
    if (!m.named || m.shape === "reference") continue;
    for (const k of m.keys) {
      const [kind, value] = [k.slice(0, k.indexOf(":")), k.slice(k.indexOf(":") + 1)];
      if (kind === "des" && !value.startsWith("Type ")) learned.set(value, m);
      else if (kind === "acr") learned.set(value, m);
      else if (kind === "name" && m.shape === "dubbed" && !value.includes(" ")) learned.set(m.name, m);
      else if (kind === "name" && (m.shape === "designation" || m.shape === "name" || m.shape === "dubbed")) {
        const proper = m.shape === "designation" ? m.name.replace(/^\S+\s+/, "") : m.name;
        if (proper !== m.name || m.shape !== "designation") learnPhrase(proper, m);
      } else if (kind === "ship") {
        const nameWords = m.name.replace(/^(?:ex-)?\S+\s+/, "").split(" ");
        const lastWord = nameWords[nameWords.length - 1]!;
        if (lastWord.length >= 4 && !GEOGRAPHIC_WORDS.has(lastWord)) {
          learned.set(`the ${lastWord}`, m);
          learned.set(`ex-${lastWord}`, m);
          learned.set(`${lastWord}-led`, m);
        }
      }
    }
  }
  if (!learned.size && !phrases.size) return [];
  const covered = new Uint8Array(tokens.length);
  for (const m of found) for (let t = m.t0; t < m.t1; t++) covered[t] = 1;
  const out: Mention[] = [];
  const ss = env.ctx.sentences;
  for (let si = 0; si < ss.length; si++) {
    if (!env.prose(si)) continue;
    const s = ss[si]!;
    for (let t = s.t0; t < s.t1; t++) {
      if (covered[t] || !tokens[t]!.word) continue;
      const w = tokens[t]!.text;
      // Every learned form starts with a capital letter or "ex-".
      if (!isCap(w) && !w.startsWith("ex-")) continue;
      let m = learned.get(bareDesignation(w)) ?? learned.get(w) ?? learned.get(w.replace(/'?s$/, ""));
      let t0 = t;
      let t1 = t + 1;
      if (!m && env.low[t - 1] === "the" && !covered[t - 1]) {
        m = learned.get(`the ${w.replace(/'s$/, "")}`);
        if (m) t0 = t - 1;
      }
      if (!m) {
        for (const p of phrases.get(w) ?? []) {
          const n = p.words.length;
          let ok = t + n <= s.t1;
          for (let q = 1; ok && q < n; q++) {
            const x = tokens[t + q]!.text;
            ok =
              !covered[t + q] && (x === p.words[q] || (q === n - 1 && x.replace(/'?s$/, "") === p.words[q]));
          }
          if (ok) {
            m = p.m;
            t1 = t + n;
            break;
          }
        }
      }
      if (!m) continue;
      out.push(
        mention(env, si, t0, t1, {
          shape: "repeat",
          named: true,
          name: m.name,
          nameScore: 0,
          keys: [...m.keys],
          category: m.category,
          categoryScore: 0,
          head: m.head,
          why: m.why,
        }),
      );
      t = t1 - 1;
    }
  }
  return out;
}
