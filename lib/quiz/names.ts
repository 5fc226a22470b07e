import {
  ADJECTIVES,
  COMMON_NOUNS,
  DEMONYMS,
  FEMALE_NAMES,
  MALE_NAMES,
  MULTIWORD_PLACES,
  PERSON_NOUNS as LEXICON_PERSON_NOUNS,
  PLACES as LEXICON_PLACES,
  UNISEX_NAMES,
} from "./lexicon-data";
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
import { isFiniteVerb, SPEECH } from "./verbs";

/**
 * What a run of capitalised words names: a person ("Maria Lopez", "Prime Minister Ana Ruiz"), an
 * organisation ("the Defense Ministry", "NATO"), a place, a nationality adjective ("Israeli"), a
 * thing (a model or weapon: "Model Y", "F-16", "Naval Strike Missile"), or nothing (a sentence
 * that starts with a common word: "Studies show"). Decided from the shape of the words and closed
 * English word lists; no list of anybody's names.
 */

const split = (s: string) => s.split(/\s+/).filter(Boolean);
const ADJECTIVE = new Set(split(ADJECTIVES));
const COMMON = new Set([...split(COMMON_NOUNS), ...ADJECTIVE]);
const FEMALE = new Set(split(FEMALE_NAMES));
const MALE = new Set(split(MALE_NAMES));
const UNISEX = new Set(split(UNISEX_NAMES));
/** Nationalities the build-time lexicon lacks (mostly the "-ish" adjectives), with their plurals where English has one. */
const MORE_DEMONYMS =
  "polish turkish finnish danish swedish irish spanish kurdish kurds yemeni yemenis moldovan moldovans kosovar kosovars cypriot cypriots maltese burmese nepali nepalis uzbek uzbeks somali somalis tanzanian tanzanians british english scots";
const DEMONYM = new Set([...split(DEMONYMS), ...split(MORE_DEMONYMS)]);
const PLACE_SET = new Set([...split(LEXICON_PLACES), ...[...PLACES].map((p) => p.toLowerCase())]);
const MULTI_PLACES = new Set(MULTIWORD_PLACES.split("|"));
const ROLE_NOUNS = new Set([...split(LEXICON_PERSON_NOUNS), ...PERSON_NOUNS]);

/** Class nouns of things, not speakers: a run with one of these names an object. */
/** Head nouns of military and government units: "Carrier Strike Group 2", "Task Force 51". */
const UNIT_HEADS = new Set(
  "Group Fleet Command Force Forces Squadron Wing Division Brigade Regiment Battalion Corps Agency Guard".split(
    " ",
  ),
);
const THING_NOUNS = new Set(
  `missile missiles rocket rockets bomb bombs drone drones aircraft jet jets fighter fighters bomber bombers
  helicopter helicopters tank tanks ship ships destroyer destroyers frigate frigates cruiser cruisers carrier
  carriers submarine submarines vessel vessels howitzer howitzers launcher launchers system systems munition
  munitions torpedo torpedoes warhead warheads satellite satellites rover lander landers spacecraft rifle rifles
  gun guns vehicle vehicles truck trucks car cars phone phones app apps
  engine engines reactor device devices chip chips`.split(/\s+/),
);

/** Countries written as abbreviations: places (and their governments), not organisations. */
const COUNTRY_ABBREVIATIONS = new Set("US USA UK UAE DRC PRC ROK DPRK".split(" "));

const NAME_PARTICLES = new Set(
  "de van von der den bin al da del la le di du ibn dos das do ter ten".split(" "),
);
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lady|Lord|Madam|Madame|Mme|Mlle|Rev|Fr)\.?$/;
const FEMALE_TITLE =
  /^(?:Ms|Mrs|Miss|Madam|Madame|Mme|Mlle|Dame|Lady|Queen|Princess|Duchess|Countess|Sister|Baroness|Chairwoman|Spokeswoman|Councilwoman|Congresswoman|Assemblywoman|Businesswoman|Sportswoman)\.?$/i;
const MALE_TITLE =
  /^(?:Mr|Sir|Lord|King|Prince|Duke|Count|Father|Brother|Baron|Chairman|Spokesman|Councilman|Congressman|Assemblyman|Businessman|Sportsman)\.?$/i;

export type Gender = "f" | "m" | null;

export const clean = (s: string) => s.replace(/\u00AD/g, "");
export const stripPossessive = (w: string) => w.replace(/(?:'s|'|\u2019s|\u2019)$/, "");
export const isPossessive = (w: string) => /(?:'s|s'|\u2019s|s\u2019)$/.test(w);

/** Gender shown by a title or role word ("Ms.", "Queen", "spokeswoman"), else null. */
export function genderOfTitle(title: string | null): Gender {
  if (!title) return null;
  for (const w of title.split(/\s+/)) {
    if (FEMALE_TITLE.test(w)) return "f";
    if (MALE_TITLE.test(w)) return "m";
  }
  return null;
}

/** The usual gender of a first name, when the name is one. */
export function genderOfFirstName(w: string | undefined): Gender {
  if (!w) return null;
  const l = clean(w).toLowerCase();
  if (FEMALE.has(l)) return "f";
  if (MALE.has(l)) return "m";
  return null;
}

const isFirstName = (w: string) => {
  const l = clean(w).toLowerCase();
  return FEMALE.has(l) || MALE.has(l) || UNISEX.has(l);
};
const GEOGRAPHIC_HEADS =
  /^(?:Peninsula|Sea|Ocean|Strait|Straits|Gulf|Bay|Coast|Island|Islands|Valley|River|Lake|Mountains|Desert|Basin|Plateau|Delta|Canal|Channel)$/;
export const isDemonym = (w: string) => DEMONYM.has(clean(w).toLowerCase());
export const isPlaceName = (words: string[]) => {
  const l = clean(words.join(" ")).toLowerCase();
  return PLACE_SET.has(l) || MULTI_PLACES.has(l);
};
export const isTitleWord = (w: string) => TITLE_WORDS.has(w) || TITLE_WORDS.has(w.replace(/\.$/, ""));
export const isHonorific = (w: string) => HONORIFIC.test(w);
/** A title, an honorific, or a hyphenated title: "Major-Gen", "Lieutenant-General". */
const titleLike = (w: string) =>
  isTitleWord(w) ||
  isHonorific(w) ||
  (w.includes("-") && w.split("-").every((p) => isTitleWord(p) || isTitleWord(`${p}.`)));
export const isOrgWord = (w: string) => ORG_WORDS.has(w) || ORG_WORDS.has(w.replace(/\.$/, ""));
export const isRoleNoun = (w: string) => ROLE_NOUNS.has(w.toLowerCase());
/** Plural people: a listed group noun, a person noun's plural, or an agent noun's ("providers"). */
export const isGroupNoun = (w: string) => {
  const l = w.toLowerCase();
  if (GROUP_NOUNS.has(l)) return true;
  if (!l.endsWith("s") || l.endsWith("ss")) return false;
  return (
    ROLE_NOUNS.has(l.slice(0, -1)) || (/(?:ers|ors|ists|ians|ants|ents|ives)$/.test(l) && !DOC_LIKE.test(l))
  );
};
const DOC_LIKE =
  /^(?:papers|reports|documents|orders|letters|members|numbers|centers|centres|offers|powers|waters|quarters|headquarters|matters|markets|comments|statements|arguments|payments|investments|agreements|governments|elements|events|ants|incidents|accidents|presidents)$/;
export const isOrgNoun = (w: string) => ORG_NOUNS.has(w.toLowerCase());
const isThingNoun = (w: string) => THING_NOUNS.has(w.toLowerCase());
/**
 * A finite verb by its ending when the lexicon does not know it: "employs", "expanded" after a
 * subject. Known nouns and adjectives are not ("tariffs", "related").
 */
export const looksFinite = (w: string) => {
  const l = clean(w).toLowerCase();
  if (isFiniteVerb(l)) return true;
  if (l !== w || l.length < 4 || COMMON.has(l)) return false;
  // "officials", "providers": the plural of a known noun.
  if (l.endsWith("s") && (COMMON.has(l.slice(0, -1)) || ROLE_NOUNS.has(l.slice(0, -1)))) return false;
  return /(?:[^su]s|ed)$/.test(l) && !/(?:ness|ous|ss|ics)$/.test(l);
};
const commonWords = new Map<string, boolean>();
export const isCommonWord = (w: string) => {
  const hit = commonWords.get(w);
  if (hit !== undefined) return hit;
  const l = clean(w).toLowerCase();
  const out = COMMON.has(l) || /ly$/.test(l) || isFiniteVerb(l) || SPEECH.has(l);
  if (commonWords.size > 20000) commonWords.clear();
  commonWords.set(w, out);
  return out;
};

export const isAdjective = (w: string) => ADJECTIVE.has(w.toLowerCase());

export const isAcronym = (w: string) => /^(?:\p{Lu}\.?){2,6}s?$|^\p{Lu}{2,6}\d*$/u.test(w);
/** A model or weapon designation: "F-16", "B-2", "MQ-9", "Type 075", "S-400", "GBU-39". */
const isDesignation = (w: string) =>
  /\d/.test(w) &&
  /^[\p{Lu}\d][\p{L}\d/.-]*$/u.test(w) &&
  !/^\d+(?:st|nd|rd|th)$/.test(w) &&
  !/^(?:19|20)\d{2}$/.test(w);

/** A word that can be part of a person's name: "Lopez", "O'Brien", "Zuma-Sambudla", "J.", "JD". */
function nameLike(w: string, next: string | undefined): boolean {
  const c = clean(w);
  if (/^\p{Lu}\.$/u.test(c)) return true; // an initial
  if (/^\p{Lu}{2}$/u.test(c) && next !== undefined) return true; // "JD Vance", "AJ Smith"
  return /^(?:\p{Lu}['\u2019]?\p{Ll}*\p{Lu}?)?\p{Lu}?\p{Ll}[\p{L}'\u2019-]*$/u.test(c) && /^\p{Lu}/u.test(c);
}

type NameType = "person" | "organisation" | "place" | "group" | "demonym" | "thing";

export type ParsedName = {
  type: NameType;
  /** The name without titles, possessive or leading article ("Benjamin Netanyahu", "Defense Ministry"). */
  name: string;
  /** Title words before the name ("Prime Minister", "Vice Adm."), or null. */
  title: string | null;
  /** A possessive or capitalised prefix that places the person ("NASA" in "NASA's Kate Morrow"). */
  affiliation: string | null;
  nameTokens: string[];
  /** The run ended in a possessive ("Stein's"): it names the owner of what follows. */
  possessive: boolean;
  /** How sure the shape is: a known first name, a title or an organisation word make it "high". */
  sure: boolean;
};

/** Is this sequence of words a plausible personal name (without titles)? */
export function personNameShape(ws: string[]): { ok: boolean; sure: boolean } {
  if (!ws.length || ws.length > 5) return { ok: false, sure: false };
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (NAME_PARTICLES.has(w) && i > 0 && i < ws.length - 1) continue;
    if (/^(?:al|el)-\p{Lu}/u.test(w)) continue;
    if (!nameLike(w, ws[i + 1])) return { ok: false, sure: false };
    const bare = w.replace(/\.$/, "");
    if (titleLike(w) || isOrgWord(w) || MONTHS.has(w) || WEEKDAYS.has(w) || MONTHS.has(bare))
      return { ok: false, sure: false };
    if (isThingNoun(w) || isDesignation(w)) return { ok: false, sure: false };
    if (isDemonym(w) && ws.length === 1) return { ok: false, sure: false };
  }
  const first = ws[0]!;
  // "St. Clair Avenue", "Harbour Street": a place word at the end names a place.
  if (ws.length > 1 && PLACE_WORDS.has(ws[ws.length - 1]!)) return { ok: false, sure: false };
  if (isFirstName(first) && ws.length > 1) return { ok: true, sure: true };
  // "Bellrock Foods", "Northwind Motors": a plural common noun at the end names a company.
  const lastWord = clean(ws[ws.length - 1]!).toLowerCase();
  if (ws.length > 1 && /[^s]s$/.test(lastWord) && COMMON.has(lastWord.slice(0, -1)))
    return { ok: false, sure: false };
  if (ws.length === 1) return { ok: true, sure: false };
  // Two or more words, none of them a common English word: "Gopaul Govender", "Tasos Georgelis".
  const common = ws.filter((w) => isCommonWord(w) && !isFirstName(w) && !/^\p{Lu}\.$/u.test(w));
  if (isPlaceName(ws) || ws.some((w, i) => i === 0 && PLACE_WORDS.has(w))) return { ok: false, sure: false };
  return {
    ok: common.length === 0 || (common.length === 1 && common[0] === ws[ws.length - 1] && isFirstName(first)),
    sure: false,
  };
}

/**
 * Reads a run of capitalised words. `initial` is true when the run opens its sentence (so its
 * first word may be an ordinary word written with a capital).
 */
const parsedRuns = new Map<string, ParsedName | null>();

/** Memoised: the analysis reads the same runs of names many times over. */
export function parseNameRun(words: string[], initial = false): ParsedName | null {
  const key = `${initial ? 1 : 0}|${words.join(" ")}`;
  const hit = parsedRuns.get(key);
  if (hit !== undefined) return hit && { ...hit, nameTokens: [...hit.nameTokens] };
  const out = parseNameRunUncached(words, initial);
  if (parsedRuns.size > 20000) parsedRuns.clear();
  parsedRuns.set(key, out);
  return out && { ...out, nameTokens: [...out.nameTokens] };
}

function parseNameRunUncached(words: string[], initial: boolean): ParsedName | null {
  let ws = words.map(clean).filter((w) => w.length > 0);
  while (
    ws.length &&
    (NON_NAME_CAPITALS.has(ws[0]!) || /^the$/i.test(ws[0]!)) &&
    !(ws.length === 2 && /^\d+$/.test(ws[1]!)) &&
    // "The New York Times": "New" opens a place's name here.
    !(ws.length >= 2 && isPlaceName(ws.slice(0, 2)))
  )
    ws.shift();
  // A sentence-opening ordinary word: "Studies show", "Hopefully I've", "Officials say".
  if (
    initial &&
    ws.length &&
    isCommonWord(ws[0]!) &&
    !isFirstName(ws[0]!) &&
    !isTitleWord(ws[0]!) &&
    !isOrgWord(ws[0]!) &&
    !isDemonym(ws[0]!) &&
    !isPlaceName([ws[0]!]) &&
    !isAcronym(ws[0]!)
  ) {
    // Only a lone word, an adverb or a verb: "Harbour City FC" keeps its first word.
    const l = ws[0]!.toLowerCase();
    if (ws.length === 1 || /ly$/.test(l) || isFiniteVerb(l) || SPEECH.has(l)) ws.shift();
  }
  // "Two people familiar with the matter": a number opens a phrase, never a name.
  if (
    ws.length &&
    /^(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Dozens|Hundreds|Thousands|Several|Both)$/.test(
      ws[0]!,
    )
  )
    ws.shift();
  if (!ws.length) return null;
  let possessive = false;
  const last = ws[ws.length - 1]!;
  if (isPossessive(last)) {
    possessive = true;
    ws[ws.length - 1] = stripPossessive(last);
  }
  let affiliation: string | null = null;
  const pos = ws.findIndex((w, i) => i < ws.length - 1 && isPossessive(w));
  if (pos >= 0) {
    affiliation = ws
      .slice(0, pos + 1)
      .map((w, i) => (i === pos ? stripPossessive(w) : w))
      .join(" ");
    const rest = ws.slice(pos + 1);
    // "Russia's Defense Ministry": the organisation keeps its owner in its name.
    if (rest.some(isOrgWord)) {
      const name = `${affiliation}'s ${rest.join(" ")}`;
      return {
        type: "organisation",
        name,
        title: null,
        affiliation,
        nameTokens: rest,
        possessive,
        sure: true,
      };
    }
    ws = rest;
  }
  if (ws.every((w) => !/\p{L}/u.test(w))) return null;
  // "Engineer Piet Vos", "Nurse Lena Ochs": an occupation before a full name is the person's role.
  if (ws.length >= 3 && !titleLike(ws[0]!) && isRoleNoun(ws[0]!) && !isFirstName(ws[0]!)) {
    const tail = ws.slice(1);
    const shape = personNameShape(tail);
    if (shape.ok && tail.length >= 2)
      return {
        type: "person",
        name: tail.join(" "),
        title: ws[0]!,
        affiliation,
        nameTokens: tail,
        possessive,
        sure: true,
      };
  }
  // "Residents of Tolvik", "Workers at the plant": people named by what they are.
  if (ws.length >= 3 && isGroupNoun(ws[0]!) && /^(?:of|in|at|from)$/.test(ws[1]!))
    return {
      type: "group",
      name: ws.join(" "),
      title: null,
      affiliation,
      nameTokens: ws,
      possessive,
      sure: true,
    };
  // "No 10", "Number 10": a capitalised word and a number name an office.
  if (
    ws.length === 2 &&
    /^\d{1,3}$/.test(ws[1]!) &&
    !MONTHS.has(ws[0]!) &&
    !MONTHS.has(ws[0]!.replace(/\.$/, ""))
  )
    return {
      type: "organisation",
      name: ws.join(" "),
      title: null,
      affiliation: null,
      nameTokens: ws,
      possessive,
      sure: true,
    };
  // "the Prime Minister", "Defense Secretary": a title alone describes a person, names no one.
  if (ws.every((w) => titleLike(w) || /^(?:of|the|for|and)$/.test(w))) return null;
  // "Peter McNally of Third Bridge": a full personal name, then where the person works.
  // "Ambassador Julián Otero-Valdés of Ecuador": the same, after a title.
  const of = ws.indexOf("of");
  if (of >= 2) {
    const left = ws.slice(0, of);
    const who = personNameShape(left);
    if (who.ok && who.sure) {
      return {
        type: "person",
        name: left.join(" "),
        title: null,
        affiliation: ws.slice(of + 1).join(" "),
        nameTokens: left,
        possessive,
        sure: true,
      };
    }
    const titled = parseNameRunUncached(left, false);
    if (titled?.type === "person" && titled.title && titled.nameTokens.length > 1)
      return { ...titled, affiliation: ws.slice(of + 1).join(" "), possessive };
  }
  if (
    ws.some((w) => MONTHS.has(w) || MONTHS.has(w.replace(/\.$/, "")) || WEEKDAYS.has(w)) &&
    !ws.some(isOrgWord)
  )
    return null;
  // A person name at the end, titles or an organisation before it: "US Navy Vice Adm. John Wade".
  for (let k = Math.max(0, ws.length - 4); k < ws.length; k++) {
    const tail = ws.slice(k);
    const head = ws.slice(0, k);
    const shape = personNameShape(tail);
    if (!shape.ok) continue;
    if (tail.length === 1 && !head.length) break; // a lone word: decided below
    const lastHead = head[head.length - 1];
    // Anything may come before a title: "Alameda County District Attorney Pamela Price".
    const titled = !!lastHead && titleLike(lastHead);
    if (
      head.length &&
      !titled &&
      !head.every(
        (w) =>
          isTitleWord(w) ||
          isOrgWord(w) ||
          isAcronym(w) ||
          isDemonym(w) ||
          isPlaceName([w]) ||
          isHonorific(w) ||
          /^(?:of|the|and|for)$/.test(w) ||
          !isCommonWord(w),
      )
    )
      continue;
    // "Shia Islam", "Air Force": a head word that cannot precede a name makes the tail not a name.
    if (tail.length === 1 && lastHead && !titleLike(lastHead)) continue;
    return {
      type: "person",
      name: tail.join(" "),
      title: head.length ? head.join(" ") : null,
      affiliation,
      nameTokens: tail,
      possessive,
      sure: shape.sure || head.some(titleLike),
    };
  }
  const name = ws.join(" ");
  // "Carrier Strike Group 2", "Task Force 51", "Strike Fighter Squadron 32": a unit is named by its
  // head noun (before any number), whatever equipment words come first.
  const head = [...ws].reverse().find((w) => !/^\d/.test(w));
  if (ws.length > 1 && head && UNIT_HEADS.has(head) && /^\p{Lu}/u.test(ws[0]!))
    return { type: "organisation", name, title: null, affiliation, nameTokens: ws, possessive, sure: true };
  if (
    ws.some((w) => isThingNoun(w) || isDesignation(w)) ||
    (ws.length > 1 && ws.some((w) => /^\p{Lu}$/u.test(w)))
  )
    return { type: "thing", name, title: null, affiliation, nameTokens: ws, possessive, sure: true };
  if (ws.length === 1 && isTitleWord(ws[0]!)) return null; // "CEO", "MP": a title, not a name
  if (ws.length === 1 && COUNTRY_ABBREVIATIONS.has(ws[0]!.replace(/\./g, "")))
    return { type: "place", name, title: null, affiliation, nameTokens: ws, possessive, sure: true };
  // "the Korean Peninsula", "the Red Sea", "the Taiwan Strait": a geographic name is a place.
  if (ws.length > 1 && GEOGRAPHIC_HEADS.test(ws[ws.length - 1]!))
    return { type: "place", name, title: null, affiliation, nameTokens: ws, possessive, sure: true };
  if (ws.some(isOrgWord) || (ws.length === 1 && isAcronym(ws[0]!)))
    return { type: "organisation", name, title: null, affiliation, nameTokens: ws, possessive, sure: true };
  if (ws.length === 1 && isDemonym(ws[0]!)) {
    const plural = /s$/.test(ws[0]!) && !/ese$|ss$/.test(ws[0]!);
    return {
      type: plural ? "group" : "demonym",
      name,
      title: null,
      affiliation,
      nameTokens: ws,
      possessive,
      sure: true,
    };
  }
  if (isPlaceName(ws) || PLACE_WORDS.has(ws[0]!) || ws.some((w) => PLACES.has(w)))
    return { type: "place", name, title: null, affiliation, nameTokens: ws, possessive, sure: true };
  if (ws.every(isAcronym))
    return { type: "organisation", name, title: null, affiliation, nameTokens: ws, possessive, sure: true };
  const shape = personNameShape(ws);
  if (shape.ok) {
    // A lone word with nothing to show it is a person is decided by its context (see the registry).
    return { type: "person", name, title: null, affiliation, nameTokens: ws, possessive, sure: shape.sure };
  }
  // "United Nations High Commissioner for Human Rights": capitalised words joined by "for", "of".
  if (ws.length > 1 && ws.every((w) => /^\p{Lu}/u.test(w) || /^(?:of|for|and|the)$/.test(w)))
    return { type: "organisation", name, title: null, affiliation, nameTokens: ws, possessive, sure: false };
  return null;
}

/**
 * A role as a phrase: "Harbour master", "Engineer" (capitalised only because they open the
 * sentence) become "harbour master", "engineer"; a title ("Defense Minister", "Democratic Senator"), a nationality ("Spanish finance
 * minister") or a name keeps its capitals.
 */
export function plainPhrase(phrase: string): string {
  const [first, second] = phrase.split(" ");
  if (!first || !/^\p{Lu}\p{Ll}+$/u.test(first)) return phrase;
  if (second !== undefined && !/^\p{Ll}/u.test(second)) return phrase;
  if (isTitleWord(first) || isDemonym(first)) return phrase;
  if (!isCommonWord(first.toLowerCase()) && !isRoleNoun(first)) return phrase;
  return first.toLowerCase() + phrase.slice(first.length);
}
