import {
  cutQuote,
  gate,
  normalizeOption,
  valueType,
  type GateInput,
  type GateReason,
  type OptionType,
} from "./gates";
import { personNameShape } from "./names";
import { hash, mulberry32, shuffle } from "./rng";
import type {
  Analysis,
  Fact,
  Option,
  Question,
  QuestionKind,
  Quiz,
  QuizOptions,
  Quote,
  Sentence,
  Skill,
  Span,
  Speaker,
  SystemStatus,
  WeaponSystem,
} from "./types";

/**
 * Quiz generation: over-generate candidates of every kind, pass each through the gates
 * (gates.ts), rank the ones that pass, and let the seed choose among the best while covering who
 * said what and which systems were sent. Attribution and system questions rest only on items the
 * analysis is confident about; a who-said distractor never said the words, a what-said
 * distractor is always another speaker's statement. `questionBank` is seed-independent (stable
 * ids = kind + content hash; options in an order derived from the id, never key first).
 */
export const GENERATOR_VERSION = "newsquiz-gen/2.2.0";

type Candidate = { q: Question; topic: string; score: number; g: GateInput; place?: boolean };
export type DroppedCandidate = { id: string; kind: QuestionKind; prompt: string; reasons: GateReason[] };

const opt = (text: string): Option => ({ id: `o-${hash(normalizeOption(text))}`, text });
const qid = (kind: string, content: string) => `${kind}-${hash(`${kind}|${content}`)}`;
const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean).length;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plain = (s: string) => s.replace(/\u00AD/g, "");
const uniqSpans = (xs: (Span | undefined)[]) => {
  const seen = new Set<string>();
  return xs
    .filter((x): x is Span => !!x && !seen.has(`${x.start}:${x.end}`) && !!seen.add(`${x.start}:${x.end}`))
    .sort((a, b) => a.start - b.start);
};

const STATUS_LABEL: Record<Exclude<SystemStatus, "mentioned">, string> = {
  sent: "It was sent or delivered",
  pledged: "It was promised or is on its way (pledged)",
  requested: "It was asked for (requested)",
  withheld: "It was held back or not decided (withheld)",
};
const STATUS_PHRASE: Record<SystemStatus, string> = {
  sent: "had been sent or delivered",
  pledged: "had been promised or sped up",
  requested: "had been requested",
  withheld: "had been held back or left undecided",
  mentioned: "had only been mentioned, not supplied",
};
const STATUS_PLAIN: Record<SystemStatus, string> = {
  sent: "was sent or delivered",
  pledged: "was promised but not yet delivered",
  requested: "was asked for",
  withheld: "was held back",
  mentioned: "is mentioned (used or fired), not supplied",
};

/** The status in a sentence about the system, the verb agreeing: "Patriot launchers were sent". */
function statusSentence(name: string, status: SystemStatus): string {
  const last = name.split(" ").pop() ?? "";
  const plural = /[a-z0-9]s$/.test(last) && !/(?:ss|us|is)$/.test(last);
  const phrase = STATUS_PLAIN[status];
  return plural ? phrase.replace(/^was /, "were ").replace(/^is /, "are ") : phrase;
}
const NUMBER_WORDS =
  "two three four five six seven eight nine ten twelve twenty dozens hundreds thousands millions".split(" ");

// Coarse families: a category distractor must come from another family, so it is never defensible.
const FAMILY: [RegExp, string][] = [
  [/anti-tank/, "anti-tank"],
  [/air defen|anti-aircraft/, "air defense"],
  [/artillery|howitzer|rocket system/, "artillery"],
  [/tank|vehicle|carrier/, "armor"],
  [/jet|aircraft|helicopter|bomber|fighter/, "aircraft"],
  [/drone/, "drone"],
  [/missile/, "missile"],
  [/munition|mine|bomb/, "munition"],
  [/naval|ship|destroyer|frigate|submarine|vessel/, "naval"],
  [/nuclear|mass destruction/, "wmd"],
];
const family = (c: string) => FAMILY.find(([re]) => re.test(c))?.[1] ?? c;
const FALLBACK_CATEGORIES = [
  "battle tank",
  "fighter jet",
  "drone",
  "howitzer",
  "anti-tank missile",
  "air defense system",
  "cruise missile",
  "mine",
];

/** How much a kind is worth asking, before the per-question evidence counts. */
const KIND_VALUE: Record<QuestionKind, number> = {
  "who-said": 3,
  "systems-sent": 3,
  "what-said": 2.6,
  "system-status": 2.5,
  "quote-or-paraphrase": 2.2,
  "not-said": 2.2,
  "true-false": 2,
  "speaker-role": 2,
  "match-roles": 1.8,
  "system-category": 1.2,
  detail: 1.2,
  cloze: 1,
};

// Words two names of one speaker may share without making them two people.
const GENERIC = new Set(
  "the a an of for and at in on to us u.s uk u.k american british officials official spokesperson spokesman spokeswoman analysts analyst sources source group groups office department ministry government administration".split(
    " ",
  ),
);
const contentWords = (s: string) =>
  normalizeOption(s)
    .split(" ")
    .map((w) => w.replace(/'s$/, ""))
    .filter((w) => w.length > 1 && !GENERIC.has(w));

const speakerWords = new WeakMap<Speaker, Set<string>>();
const wordsOfSpeaker = (s: Speaker) => {
  let w = speakerWords.get(s);
  if (!w) speakerWords.set(s, (w = new Set([s.name, ...s.aliases].flatMap(contentWords))));
  return w;
};

/** Could two speaker names stand for the same speaker ("the Navy" / "US Navy", "Stein" / "William Stein")? */
/** Related speakers, memoised per pair (the generator asks for every statement and every speaker). */
const relatedPairs = new WeakMap<Speaker, Map<Speaker, boolean>>();
function related(a: Speaker, b: Speaker): boolean {
  let row = relatedPairs.get(a);
  if (!row) relatedPairs.set(a, (row = new Map()));
  let hit = row.get(b);
  if (hit === undefined) row.set(b, (hit = relatedUncached(a, b)));
  return hit;
}
// A military unit speaks for its service: "Carrier Strike Group 2" and "the Navy" may be one release.
const MILITARY_UNIT =
  /\b(?:Fleet|Squadron|Wing|Brigade|Division|Battalion|Regiment|Task Force|Strike Group|Battle Group|Command)\b/;
const ARMED_SERVICE =
  /\b(?:Navy|Army|Air Force|Marines?|Marine Corps|Coast Guard|Space Force|military|armed forces|Pentagon|Defen[cs]e (?:Department|Ministry)|Ministry of Defen[cs]e)\b/i;
const unitAndService = (a: Speaker, b: Speaker) =>
  a.type === "organisation" &&
  MILITARY_UNIT.test(a.name) &&
  [b.name, ...b.aliases].some((n) => ARMED_SERVICE.test(n));
function relatedUncached(a: Speaker, b: Speaker): boolean {
  if (a.name === b.name) return true;
  if (unitAndService(a, b) || unitAndService(b, a)) return true;
  const an = wordsOfSpeaker(a);
  for (const w of wordsOfSpeaker(b)) {
    if (an.has(w)) return true;
    // A name spelled two ways in one article ("Yahya Sare'e" / "Yehya Saree").
    if (w.length >= 4) for (const x of an) if (x.length >= 4 && close(w, x)) return true;
  }
  return false;
}

/** Edit distance of at most two, for words of four letters or more. */
function close(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  const prev = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    let rowMin = prev[0];
    for (let k = 1; k <= b.length; k++) {
      const tmp = prev[k]!;
      prev[k] = Math.min(prev[k]! + 1, prev[k - 1]! + 1, diag + (a[i - 1] === b[k - 1] ? 0 : 1));
      diag = tmp;
      rowMin = Math.min(rowMin, prev[k]!);
    }
    if (rowMin > 2) return false;
  }
  return prev[b.length]! <= 2;
}

/** Organisations read better with their article: "the Pentagon". */
const display = (s: Speaker) =>
  s.type !== "person" && s.aliases.includes(`the ${s.name}`) ? `the ${s.name}` : s.name;

function withArticle(role: string): string {
  if (
    /^(?:a|an|the)\s/i.test(role) ||
    /'s\s/.test(role) ||
    /^\p{Lu}[\p{L}.]*'s$/u.test(role.split(" ")[0] ?? "")
  )
    return role;
  return `the ${role}`;
}

/** "Maria Lopez, the city's mayor," for an explanation; just the name when the role is unknown. */
function who(s: Speaker | undefined, name: string): string {
  const role = s?.type === "person" ? s.role : null;
  return role && !/\d/.test(role) && role.length < 70 ? `${name}, ${withArticle(role)},` : name;
}

export function questionBank(analysis: Analysis): Question[] {
  return passing(analysis).map((c) => c.q);
}

/** The bank with the candidates the gates dropped, and why (`npm run quiz -- FILE --explain`). */
export function explainBank(analysis: Analysis): { kept: Question[]; dropped: DroppedCandidate[] } {
  const all = candidates(analysis);
  const kept: Question[] = [];
  const dropped: DroppedCandidate[] = [];
  const ids = new Set<string>();
  for (const c of all) {
    const reasons = gate(analysis, c.g);
    if (reasons.length) dropped.push({ id: c.q.id, kind: c.q.kind, prompt: c.q.prompt, reasons });
    else if (!ids.has(c.q.id)) {
      ids.add(c.q.id);
      kept.push(c.q);
    }
  }
  return { kept, dropped };
}

function passing(a: Analysis): Candidate[] {
  const ids = new Set<string>();
  return candidates(a).filter((c) => {
    if (ids.has(c.q.id) || gate(a, c.g).length) return false;
    ids.add(c.q.id);
    return true;
  });
}

/** Options in an order fixed by the question's id: the same everywhere, the key in no fixed place. */
function ordered(q: Question): Question {
  if (q.kind === "true-false" || q.kind === "quote-or-paraphrase" || q.options.length < 2) return q;
  const n = parseInt(hash(`order|${q.id}`), 36);
  return { ...q, options: shuffle(q.options, mulberry32(n)) };
}

/**
 * A statement that reads as one when it stands alone as an option: not a quoted fragment that
 * continues the reporter's sentence ("that cleans up the mess ...", "in the new year, not
 * tonight"): a direct quote that starts in lower case.
 */
function readsAlone(q: Quote): boolean {
  return q.kind === "indirect" || !/^\p{Ll}/u.test(q.text);
}

/**
 * What a teacher should check before trusting a question on this quote: the speaker is not named
 * in the quote's own sentence (a pronoun, a description, a quotation carried on from before), or
 * is named by one word only. Empty when the sentence itself names the speaker.
 */
function attributionNotes(
  a: Analysis,
  q: Quote,
  sentenceOf: (pos: number) => Sentence | undefined,
): string[] {
  const notes: string[] = [];
  const how = q.reasons.find((r) => /^".+" refers to |continues|carries on/.test(r));
  const named = q.attribution ? sentenceOf(q.attribution.start) : undefined;
  const own = a.sentences[q.sentence];
  let where = "";
  if (named && own && named.index < own.index) {
    const paragraphs = own.paragraph - named.paragraph;
    const sentences = own.index - named.index;
    where =
      paragraphs > 1
        ? `${paragraphs} paragraphs earlier`
        : paragraphs === 1
          ? "in the paragraph before"
          : sentences === 1
            ? "in the sentence before"
            : `${sentences} sentences earlier`;
  }
  if (how)
    notes.push(`The quote's sentence does not name the speaker: ${how}${where ? ` (named ${where})` : ""}.`);
  else if (where) notes.push(`The speaker is named ${where}.`);
  if (q.reasons.some((r) => r.includes("named only by one word")))
    notes.push("The article names the speaker by one word only.");
  return notes;
}

function candidates(a: Analysis): Candidate[] {
  const out: Candidate[] = [];
  // An explanation is a sentence: "The Kiel Institute ... said this.", not "the Kiel ...".
  const push = (c: Candidate) => {
    const q = { ...c.q, explanation: cap(c.q.explanation) };
    out.push({ ...c, q: ordered(q), g: { ...c.g, question: q } });
  };
  const sentenceOf = (pos: number) => {
    let lo = 0;
    let hi = a.sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (a.sentences[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return a.sentences[lo];
  };

  // ---- speakers and statements ------------------------------------------------------
  const speakerByName = new Map(a.speakers.map((s) => [s.name, s]));
  const named = (s: Speaker | undefined) => !!s && (s.type === "person" || s.type === "organisation");
  const sure = (q: Quote) => q.confidence === "high" && !q.defective && wordsOf(q.text) >= 4;
  const byText = new Map<string, Set<string>>();
  for (const q of a.quotes) {
    const k = normalizeOption(q.text);
    byText.set(k, (byText.get(k) ?? new Set()).add(q.speaker));
  }
  // Options name people by a person's name ("Radio Redmarsh" is not one) and organisations by theirs.
  const optionSpeakers = a.speakers.filter(
    (s) =>
      named(s) && s.confidence === "high" && (s.type !== "person" || personNameShape(s.name.split(" ")).ok),
  );
  // Short quoted fragments of the article ("a lot"): a question quoting words that contain one
  // could send a careful reader to that other quotation.
  const fragments = a.quotes
    .filter((q) => wordsOf(q.text) <= 3)
    .map((q) => ` ${normalizeOption(q.text)} `)
    .concat(shortMarks(a));
  const ambiguous = (q: Quote) =>
    fragments.some(
      (f) => f.trim() && ` ${normalizeOption(q.text)} `.includes(f) && f.trim() !== normalizeOption(q.text),
    );
  const statements = a.quotes.filter((q) => sure(q) && named(speakerByName.get(q.speaker)) && !ambiguous(q));
  const typeOf = (s: Speaker): OptionType =>
    s.type === "person" ? "speaker-person" : "speaker-organisation";
  /**
   * Other speakers of the same type, unrelated to the key and to each other ("the Air Force" and
   * "the US Air Force" are one option, not two), who did not say these words.
   */
  const distractorsFor = (key: Speaker, words: string | null) =>
    optionSpeakers
      .filter(
        (s) =>
          s.name !== key.name &&
          s.type === key.type &&
          !related(s, key) &&
          !(words && byText.get(normalizeOption(words))?.has(s.name)),
      )
      .reduce<Speaker[]>((kept, s) => (kept.some((k) => related(k, s)) ? kept : [...kept, s]), []);
  const evidenceOf = (q: Quote) => (q.clause ? [q.clause] : uniqSpans([q.evidence, q.attribution]));
  const namesOf = (s: Speaker) => [
    s.name,
    ...s.aliases.filter((x) => !/^(?:the )?(?:company|group|agency)$/i.test(x)),
  ];
  const notesOf = (q: Quote) => attributionNotes(a, q, sentenceOf);

  statements.forEach((q, i) => {
    const sp = speakerByName.get(q.speaker)!;
    const name = display(sp);
    const topic = `quote:${q.span.start}`;
    const ev = evidenceOf(q);
    const single = ev.length === 1 ? 0.5 : 0;
    const quoted = cutQuote(q.text);
    const conf = q.confidence === "high";
    // who-said: direct quotes only.
    const ds = distractorsFor(sp, q.text).slice(0, 3);
    if (q.kind === "direct" && (byText.get(normalizeOption(q.text))?.size ?? 0) === 1) {
      const options = [opt(name), ...ds.map((d) => opt(display(d)))];
      const question: Question = {
        id: qid("who-said", q.text),
        kind: "who-said",
        skill: "attribution",
        prompt: `Who said: "${quoted}"?`,
        options,
        answer: { type: "single", optionId: options[0]!.id },
        explanation: `${who(sp, name)} said this.${q.cue.startsWith("continues") ? " The quote carries on words the article gives to them just before." : ""}`,
        evidence: ev,
        confidence: "high",
        notes: notesOf(q),
      };
      push({
        q: question,
        topic,
        score: KIND_VALUE["who-said"] + single + (ds.length >= 3 ? 0.3 : 0),
        g: {
          question,
          keys: [name],
          optionTypes: [sp, ...ds].map(typeOf),
          confident: conf && ds.length >= 2,
          trueDistractors: [],
          quoted,
          answerForms: namesOf(sp),
        },
      });
    }
    // what-said: the statement among other speakers' statements.
    const others: Quote[] = [];
    for (const o of statements) {
      if (others.length >= 3) break;
      const os = speakerByName.get(o.speaker)!;
      if (o === q || os.name === sp.name || related(os, sp) || !readsAlone(o)) continue;
      if (byText.get(normalizeOption(o.text))?.has(sp.name)) continue;
      if (others.some((x) => x.speaker === o.speaker) && others.length < 2) continue;
      others.push(o);
    }
    if (readsAlone(q)) {
      const options = [opt(cutQuote(q.text, 22)), ...others.map((o) => opt(cutQuote(o.text, 22)))];
      const question: Question = {
        id: qid("what-said", `${q.speaker}|${q.text}`),
        kind: "what-said",
        skill: "attribution",
        prompt: `Which of these statements does the article attribute to ${name}?`,
        options,
        answer: { type: "single", optionId: options[0]!.id },
        explanation: `${who(sp, name)} said this; each of the other statements is by someone else in the article.`,
        evidence: ev,
        confidence: "high",
        notes: notesOf(q),
      };
      push({
        q: question,
        topic,
        score: KIND_VALUE["what-said"] + single,
        g: {
          question,
          keys: [options[0]!.text],
          optionTypes: options.map(() => "statement"),
          confident: conf && others.length >= 2,
          trueDistractors: [],
          answerForms: namesOf(sp),
        },
      });
    }
    // true/false: the statement with its speaker, or with another speaker of the article.
    const liar = ds[i % Math.max(1, ds.length)];
    const isTrue = i % 2 === 0 || !liar;
    const claimed = isTrue ? sp : liar!;
    {
      const tf = [opt("True"), opt("False")];
      const question: Question = {
        id: qid("true-false", `${claimed.name}|${q.text}`),
        kind: "true-false",
        skill: "attribution",
        prompt: `True or false: according to the article, ${display(claimed)} ${q.kind === "direct" ? "said" : "said that"} "${quoted}"`,
        options: tf,
        answer: { type: "single", optionId: tf[isTrue ? 0 : 1]!.id },
        explanation: isTrue
          ? `True: ${who(sp, name)} said this.`
          : `False: ${who(sp, name)} said this, not ${display(claimed)}.`,
        evidence: ev,
        confidence: "high",
        notes: notesOf(q),
      };
      push({
        q: question,
        topic,
        score: KIND_VALUE["true-false"] + single,
        g: {
          question,
          keys: [isTrue ? "True" : "False"],
          optionTypes: ["boolean", "boolean"],
          confident: conf,
          trueDistractors: [],
          quoted,
          answerForms: namesOf(sp),
        },
      });
    }
    // Direct quote or paraphrase? The words as the article gives them, without their marks.
    {
      const options = [
        opt("A direct quote: the speaker's own words"),
        opt("The reporter's paraphrase of what was said"),
      ];
      const key = q.kind === "direct" ? 0 : 1;
      const question: Question = {
        id: qid("quote-or-paraphrase", q.text),
        kind: "quote-or-paraphrase",
        skill: "attribution",
        prompt: `In the article, is this a direct quote or the reporter's paraphrase? "${quoted}"`,
        options,
        answer: { type: "single", optionId: options[key]!.id },
        explanation:
          q.kind === "direct"
            ? `These are ${name}'s own words: the article puts them in quotation marks.`
            : `The reporter puts what ${name} said in their own words, without quotation marks.`,
        evidence: ev,
        confidence: "high",
        notes: notesOf(q),
      };
      push({
        q: question,
        topic: `${topic}:form`,
        score: KIND_VALUE["quote-or-paraphrase"] + single - 0.4,
        g: {
          question,
          keys: [options[key]!.text],
          optionTypes: ["kind-of-report", "kind-of-report"],
          confident: conf,
          trueDistractors: [],
          quoted,
          answerForms: [],
        },
      });
    }
  });

  // Which of these did X NOT say? Three of X's statements and one by someone unrelated.
  for (const sp of optionSpeakers) {
    const theirs = statements.filter((q) => q.speaker === sp.name && readsAlone(q));
    if (theirs.length < 3) continue;
    const other = statements.find((o) => {
      const os = speakerByName.get(o.speaker)!;
      return !related(os, sp) && readsAlone(o) && !byText.get(normalizeOption(o.text))?.has(sp.name);
    });
    if (!other) continue;
    const picked = theirs.slice(0, 3);
    const options = [opt(cutQuote(other.text, 22)), ...picked.map((q) => opt(cutQuote(q.text, 22)))];
    const name = display(sp);
    const os = speakerByName.get(other.speaker)!;
    const question: Question = {
      id: qid("not-said", `${sp.name}|${picked.map((q) => q.text).join("|")}|${other.text}`),
      kind: "not-said",
      skill: "attribution",
      prompt: `Which of these did ${name} NOT say, according to the article?`,
      options,
      answer: { type: "single", optionId: options[0]!.id },
      explanation: `${who(os, display(os))} said that, not ${name}; the other three are ${name}'s.`,
      evidence: uniqSpans([...picked, other].flatMap(evidenceOf)),
      confidence: "high",
      notes: [...new Set([...picked, other].flatMap(notesOf))],
    };
    push({
      q: question,
      topic: `not-said:${sp.name}`,
      score: KIND_VALUE["not-said"],
      g: {
        question,
        keys: [options[0]!.text],
        optionTypes: options.map(() => "statement"),
        confident: true,
        trueDistractors: [],
        answerForms: namesOf(sp),
      },
    });
  }

  // ---- roles -----------------------------------------------------------------------
  const roleOk = (r: string | null): r is string =>
    !!r && r.length <= 80 && wordsOf(r) <= 10 && !/[".;]/.test(r) && !/^\p{Lu}[\p{L}-]*$/u.test(r.trim());
  const withRoles = optionSpeakers.filter(
    (s) => s.type === "person" && roleOk(s.role) && statements.some((q) => q.speaker === s.name),
  );
  const roleSeen = new Set<string>();
  const roled = withRoles.filter(
    (s) => !roleSeen.has(normalizeOption(s.role!)) && !!roleSeen.add(normalizeOption(s.role!)),
  );
  for (const s of roled) {
    const others = roled.filter((o) => o !== s && !related(o, s)).slice(0, 3);
    const options = [opt(s.role!), ...others.map((o) => opt(o.role!))];
    const question: Question = {
      id: qid("speaker-role", `${s.name}|${s.role}`),
      kind: "speaker-role",
      skill: "roles",
      prompt: `In what role does the article quote ${s.name}?`,
      options,
      answer: { type: "single", optionId: options[0]!.id },
      explanation: `The article describes ${s.name} as ${withArticle(s.role!)}.`,
      evidence: [s.evidence],
      confidence: "high",
      notes: [],
    };
    push({
      q: question,
      topic: `role:${s.name}`,
      score: KIND_VALUE["speaker-role"],
      g: {
        question,
        keys: [s.role!],
        optionTypes: options.map(() => "role"),
        confident: others.length >= 2,
        trueDistractors: [],
        answerForms: [s.role!],
      },
    });
  }
  for (let start = 0; roled.length >= 3 && start < roled.length; start += 4) {
    const group = roled.slice(start, start + 4);
    if (group.length < 3) group.unshift(...roled.slice(0, 3 - group.length));
    const items = group.map((s) => ({ id: `i-${hash(s.name)}`, text: s.name }));
    const options = group.map((s) => opt(s.role!));
    const question: Question = {
      id: qid("match-roles", group.map((s) => s.name).join("|")),
      kind: "match-roles",
      skill: "roles",
      prompt: "Match each person to the role the article gives them.",
      items,
      options,
      answer: { type: "match", pairs: items.map((it, k) => ({ itemId: it.id, optionId: options[k]!.id })) },
      explanation: group.map((s) => `${s.name}: ${s.role}`).join("; "),
      evidence: uniqSpans(group.map((s) => s.evidence)),
      confidence: "high",
      notes: [],
    };
    push({
      q: question,
      topic: `roles:${start}`,
      score: KIND_VALUE["match-roles"],
      g: {
        question,
        keys: options.map((o) => o.text),
        optionTypes: options.map(() => "role"),
        confident: true,
        trueDistractors: [],
        answerForms: group.map((s) => s.role!),
      },
    });
    if (roled.length < 6) break;
  }

  // ---- systems -----------------------------------------------------------------------
  // A system whose name begins another system's name ("Patriot" / "Patriot interceptors") is named
  // by a longer form the article uses ("Patriot launchers"), or not asked about.
  const allNames = a.systems.map((x) => plain(x.name).toLowerCase());
  const label = (s: WeaponSystem): string | null => {
    const n = plain(s.name);
    const shadowed = allNames.some((o) => o !== n.toLowerCase() && o.startsWith(`${n.toLowerCase()} `));
    if (!shadowed) return n;
    const longer = s.aliases
      .map(plain)
      .find((x) => x.toLowerCase().startsWith(`${n.toLowerCase()} `) && !allNames.includes(x.toLowerCase()));
    return longer ?? null;
  };
  const systems = a.systems.filter((s) => s.confidence === "high" && label(s) !== null);
  const theName = (s: WeaponSystem) => (s.kind === "named" ? label(s)! : `the ${label(s)!}`);
  const overlap = (x: string, y: string) => {
    const a1 = new Set(x.toLowerCase().split(/\W+/));
    return y
      .toLowerCase()
      .split(/\W+/)
      .some((w) => w.length > 3 && a1.has(w));
  };
  const sent = systems.filter((s) => s.status === "sent");
  const notSent = systems.filter(
    (s) => s.status === "withheld" || s.status === "mentioned" || s.status === "requested",
  );
  for (let v = 0; v < 3 && sent.length && notSent.length; v++) {
    const chosen: WeaponSystem[] = [];
    const add = (xs: WeaponSystem[], n: number, from: number) => {
      for (let k = 0; k < xs.length && n > 0; k++) {
        const s = xs[(from + k) % xs.length]!;
        if (chosen.includes(s) || chosen.some((c) => overlap(c.name, s.name))) continue;
        chosen.push(s);
        n--;
      }
    };
    add(sent, Math.min(3, sent.length), v * 2);
    add(notSent, 6 - chosen.length >= 3 ? 3 : 6 - chosen.length, v * 2);
    const keys = chosen.filter((s) => s.status === "sent");
    if (keys.length === 0 || keys.length === chosen.length || chosen.length < 3) continue;
    const options = chosen.map((s) => opt(cap(label(s)!)));
    const question: Question = {
      id: qid(
        "systems-sent",
        chosen
          .map((s) => s.name)
          .sort()
          .join("|"),
      ),
      kind: "systems-sent",
      skill: "systems",
      prompt: "Which of these weapons does the article say had already been sent? Select all that apply.",
      options,
      answer: {
        type: "multi",
        optionIds: chosen.flatMap((s, k) => (s.status === "sent" ? [options[k]!.id] : [])),
      },
      explanation: chosen.map((s) => `${cap(label(s)!)} ${statusSentence(label(s)!, s.status)}.`).join(" "),
      evidence: uniqSpans(chosen.map((s) => s.evidence)),
      confidence: "high",
      notes: [],
    };
    push({
      q: question,
      topic: `systems-sent:${v}`,
      score: KIND_VALUE["systems-sent"],
      g: {
        question,
        keys: keys.map((s) => s.name),
        optionTypes: options.map(() => "system"),
        confident: true,
        trueDistractors: [],
        answerForms: [],
      },
    });
  }
  const labels = (Object.keys(STATUS_LABEL) as (keyof typeof STATUS_LABEL)[]).map((k) => ({
    k,
    o: opt(STATUS_LABEL[k]),
  }));
  systems.forEach((s, i) => {
    const forms = [s.name, ...s.aliases].map(plain);
    if (s.status !== "mentioned") {
      const question: Question = {
        id: qid("system-status", s.name),
        kind: "system-status",
        skill: "systems",
        prompt: `What does the article say happened to ${theName(s)}?`,
        options: labels.map((l) => l.o),
        answer: { type: "single", optionId: labels.find((l) => l.k === s.status)!.o.id },
        explanation: `According to the article, ${theName(s)} ${statusSentence(theName(s), s.status)}.`,
        evidence: [s.evidence],
        confidence: "high",
        notes: [],
      };
      push({
        q: question,
        topic: `sys:${s.name}`,
        score: KIND_VALUE["system-status"],
        g: {
          question,
          keys: [STATUS_LABEL[s.status]],
          optionTypes: labels.map(() => "status"),
          confident: true,
          trueDistractors: [],
          answerForms: forms,
        },
      });
    }
    const statuses: SystemStatus[] = ["sent", "pledged", "requested", "withheld", "mentioned"];
    const isTrue = i % 2 === 1;
    const claimed = isTrue ? s.status : statuses[(statuses.indexOf(s.status) + 1 + (i % 3)) % 5]!;
    const claimedOk = isTrue || (claimed !== s.status && !(s.status === "pledged" && claimed === "sent"));
    if (claimedOk) {
      const tf = [opt("True"), opt("False")];
      const question: Question = {
        id: qid("true-false", `${s.name}|${claimed}`),
        kind: "true-false",
        skill: "systems",
        prompt: `True or false: according to the article, ${theName(s)} ${STATUS_PHRASE[claimed]}.`,
        options: tf,
        answer: { type: "single", optionId: tf[isTrue ? 0 : 1]!.id },
        explanation: `${isTrue ? "True" : "False"}: according to the article, ${theName(s)} ${statusSentence(theName(s), s.status)}.`,
        evidence: [s.evidence],
        confidence: "high",
        notes: [],
      };
      push({
        q: question,
        topic: `sys:${s.name}`,
        score: KIND_VALUE["true-false"],
        g: {
          question,
          keys: [isTrue ? "True" : "False"],
          optionTypes: ["boolean", "boolean"],
          confident: true,
          trueDistractors: [],
          answerForms: forms,
        },
      });
    }
    if (s.kind === "named") {
      const fam = family(s.category);
      const pool = [...new Set([...a.systems.map((x) => x.category), ...FALLBACK_CATEGORIES])].filter(
        (c) => family(c) !== fam,
      );
      const fams = new Set<string>();
      const ds = pool.filter((c) => !fams.has(family(c)) && !!fams.add(family(c))).slice(0, 3);
      const m = s.mentions.find((x) => sentenceOf(x.start)?.prose && !sentenceOf(x.start)?.defective);
      const sen = m ? sentenceOf(m.start) : undefined;
      if (sen) {
        const options = [opt(s.category), ...ds.map(opt)];
        const question: Question = {
          id: qid("system-category", s.name),
          kind: "system-category",
          skill: "systems",
          prompt: `What kind of weapon is ${plain(s.name)}?`,
          options,
          answer: { type: "single", optionId: options[0]!.id },
          explanation: `${plain(s.name)} is a ${s.category}.`,
          evidence: [{ start: sen.start, end: sen.end }],
          confidence: "high",
          notes: [],
        };
        push({
          q: question,
          topic: `syscat:${s.name}`,
          score: KIND_VALUE["system-category"],
          g: {
            question,
            keys: [s.category],
            optionTypes: options.map(() => "category"),
            confident: ds.length >= 2,
            trueDistractors: [],
            answerForms: forms,
          },
        });
      }
    }
  });

  // ---- details: numbers and dates as multiple choice, names as typed answers ------------
  const facts = a.facts.filter((f) => {
    const s = a.sentences[f.sentence];
    return !!s && s.prose && !s.defective;
  });
  const byKind = (k: Fact["kind"]) => facts.filter((f) => f.kind === k);
  for (const kind of ["number", "date"] as const) {
    const fs = byKind(kind);
    for (const f of fs) {
      const sen = a.sentences[f.sentence]!;
      if (wordsOf(sen.text) > 45 || wordsOf(sen.text) < 6 || contextPoor(sen.text)) continue;
      const type = valueType(f.value);
      if (type === "date-relative") continue;
      const local = f.span.start - sen.start;
      if (sen.text.indexOf(f.value) !== sen.text.lastIndexOf(f.value)) continue;
      // Other values of the same type from the article, then (for counts, money, percents) neighbours.
      const values: string[] = [];
      for (const x of fs) {
        if (values.length >= 3) break;
        if (
          valueType(x.value) !== type ||
          normalizeOption(x.value) === normalizeOption(f.value) ||
          sen.text.includes(x.value)
        )
          continue;
        if (!values.some((v) => normalizeOption(v) === normalizeOption(x.value))) values.push(x.value);
      }
      const ds = (kind === "number" ? numberDistractors(f.value, values) : values)
        .filter((v) => !sen.text.includes(v))
        .slice(0, 3);
      const blanked = `${sen.text.slice(0, local)}_____${sen.text.slice(local + f.value.length)}`;
      const options = [opt(f.value), ...ds.map(opt)];
      const question: Question = {
        id: qid("detail", `${f.sentence}|${f.value}`),
        kind: "detail",
        skill: "details",
        prompt: `Complete the sentence from the article: "${plain(blanked)}"`,
        options,
        answer: { type: "single", optionId: options[0]!.id },
        explanation: `The article gives ${f.value} here.`,
        evidence: [f.evidence],
        confidence: "high",
        notes: [],
      };
      push({
        q: question,
        topic: `sentence:${f.sentence}`,
        score: KIND_VALUE.detail,
        g: {
          question,
          keys: [f.value],
          optionTypes: options.map((o) => valueType(o.text)),
          confident: ds.length >= 2,
          trueDistractors: [],
          answerForms: [f.value],
        },
      });
    }
  }
  type Target = {
    value: string;
    accepted: string[];
    sentence: number;
    start: number;
    place: boolean;
    what: string;
  };
  const targets: Target[] = [];
  for (const s of systems)
    for (const m of s.mentions)
      if (s.kind === "named")
        targets.push({
          value: m.text,
          accepted: [m.text, s.name],
          sentence: m.sentence,
          start: m.start,
          place: false,
          what: "system",
        });
  for (const f of byKind("place"))
    targets.push({
      value: f.value,
      accepted: [f.value],
      sentence: f.sentence,
      start: f.span.start,
      place: true,
      what: "place",
    });
  for (const f of byKind("who-did-what")) {
    const sp = speakerByName.get(f.actor ?? "");
    if (!sp || sp.type !== "organisation") continue;
    const text = a.text.slice(f.span.start, f.span.end);
    if (wordsOf(text) > 4) continue;
    targets.push({
      value: text,
      accepted: [text, sp.name],
      sentence: f.sentence,
      start: f.span.start,
      place: false,
      what: "organisation",
    });
  }
  for (const t of targets) {
    const sen = a.sentences[t.sentence];
    if (
      !sen ||
      !sen.prose ||
      sen.defective ||
      wordsOf(sen.text) > 45 ||
      wordsOf(sen.text) < 6 ||
      contextPoor(sen.text)
    )
      continue;
    const local = t.start - sen.start;
    if (sen.text.indexOf(t.value) !== local || sen.text.lastIndexOf(t.value) !== local) continue;
    if (local === 0) continue; // a blank opening the sentence gives no context
    const blanked = `${sen.text.slice(0, local)}_____${sen.text.slice(local + t.value.length)}`;
    const question: Question = {
      id: qid("cloze", `${t.sentence}|${t.value}`),
      kind: "cloze",
      skill: "details",
      prompt: `Type the missing word(s) from the article: "${plain(blanked)}"`,
      options: [],
      answer: { type: "text", accepted: [...new Set(t.accepted.map(plain))] },
      explanation: `The missing words are "${plain(t.value)}".`,
      evidence: [{ start: sen.start, end: sen.end }],
      confidence: "high",
      notes: [],
    };
    push({
      q: question,
      topic: `sentence:${t.sentence}`,
      score: KIND_VALUE.cloze - (t.place ? 0.4 : 0),
      place: t.place,
      g: {
        question,
        keys: t.accepted,
        optionTypes: [],
        confident: true,
        trueDistractors: [],
        answerForms: t.accepted,
      },
    });
  }
  return out;
}

/** A sentence that leans on the one before ("They named three, and got one wrong."): no context to answer from. */
const contextPoor = (sentence: string) =>
  /^["']?(?:they|he|she|it|this|that|these|those|we|i|you|there)\b/i.test(sentence.trim());

/** The article's own short quoted words (scare quotes, fragments), one to three words. */
function shortMarks(a: Analysis): string[] {
  const out: string[] = [];
  for (const p of a.paragraphs) {
    const body = a.text.slice(p.start, p.end);
    for (const m of body.matchAll(/"([^"]{1,40})"/g)) {
      const n = normalizeOption(m[1]!);
      if (n && n.split(" ").length <= 3) out.push(` ${n} `);
    }
  }
  return out;
}

/** A number's size ("1,200", "$4.5", "six"), or null when it is not one plain number. */
function magnitude(v: string): number | null {
  const m = /^\$?([\d,]+(?:\.\d+)?)/.exec(v);
  if (m) return Number(m[1]!.replace(/,/g, "")) || null;
  return WORD_VALUES[v.toLowerCase()] ?? null;
}

const WORD_VALUES: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  twenty: 20,
};

/** Wrong but same-kind values for a number: other values of the article first, then neighbours. */
function numberDistractors(value: string, article: string[]): string[] {
  // The article's other numbers of the same kind, when they are of a like size: "720,000" beside
  // "14 (months)" gives the answer away.
  const size = magnitude(value);
  const out = article.filter((v) => {
    if (v.toLowerCase() === value.toLowerCase()) return false;
    const other = magnitude(v);
    return size === null || other === null || (other <= size * 20 && size <= other * 20);
  });
  const m = /^(\$?)([\d,]+(?:\.\d+)?)(.*)$/.exec(value);
  if (m) {
    const n = Number(m[2]!.replace(/,/g, ""));
    const fmt = (x: number) => `${m[1]}${m[2]!.includes(",") ? x.toLocaleString("en-US") : String(x)}${m[3]}`;
    // Near values a reader could believe: halves and doubles; small steps only for small numbers
    // ("720,010" beside "720,000" is no distractor).
    const near = [
      n * 2,
      Math.round(n / 2),
      ...(n < 100 ? [n + 10] : [Math.round(n * 1.5)]),
      ...(n < 20 ? [n + 1] : []),
    ];
    for (const x of near) if (x > 0 && x !== n) out.push(fmt(x));
  } else {
    const i = NUMBER_WORDS.indexOf(value.toLowerCase());
    if (i >= 0)
      for (const d of [1, -1, 2, 3]) {
        const w = NUMBER_WORDS[i + d];
        if (w) out.push(w);
      }
  }
  // One option per value: "3" and "three" are the same answer, and neither may be the key's.
  const seen = new Set(size === null ? [] : [size]);
  return [...new Set(out)].filter((v) => {
    if (v.toLowerCase() === value.toLowerCase()) return false;
    const x = magnitude(v);
    if (x === null) return true;
    if (seen.has(x)) return false;
    seen.add(x);
    return true;
  });
}

/**
 * Picks `count` questions by seed from the bank: the best who-said and systems-sent question
 * first when the article has them, then rounds over the skills (attribution twice a round), one
 * question per topic, at most two typed answers and one of them a place, and no more than a third
 * true/false. Within a skill the seed shuffles the ranking a little, so quizzes differ but the
 * strongest questions come first.
 */
export function generateQuiz(analysis: Analysis, options: QuizOptions): Quiz {
  const seed = Number.isFinite(options.seed) ? Math.trunc(options.seed) : 0;
  const count = Math.max(0, Math.trunc(options.count ?? 10));
  const skills: Skill[] = options.skills?.length
    ? options.skills
    : ["attribution", "systems", "roles", "details"];
  const rnd = mulberry32(seed);
  const bank = passing(analysis).filter((c) => skills.includes(c.q.skill));
  const ranked = bank
    .map((c) => ({ c, r: c.score + rnd() * 1.6 }))
    .sort((x, y) => y.r - x.r)
    .map((x) => x.c);
  const chosen: Candidate[] = [];
  const topics = new Set<string>();
  const kinds = new Map<QuestionKind, number>();
  let clozes = 0;
  let places = 0;
  const take = (c: Candidate | undefined) => {
    if (!c || chosen.length >= count || topics.has(c.topic) || chosen.includes(c)) return false;
    const baseTopic = c.topic.replace(/:form$/, "");
    if (topics.has(baseTopic) && c.topic !== baseTopic) return false;
    if (c.q.kind === "cloze" && (clozes >= 2 || (c.place && places >= 1))) return false;
    if (c.q.kind === "true-false" && (kinds.get("true-false") ?? 0) >= Math.max(1, Math.floor(count / 3)))
      return false;
    chosen.push(c);
    topics.add(c.topic);
    if (c.topic.endsWith(":form")) topics.add(baseTopic);
    else topics.add(`${c.topic}:form`);
    kinds.set(c.q.kind, (kinds.get(c.q.kind) ?? 0) + 1);
    if (c.q.kind === "cloze") {
      clozes++;
      if (c.place) places++;
    }
    return true;
  };
  for (const kind of ["who-said", "systems-sent"] as const) take(ranked.find((c) => c.q.kind === kind));
  const order: Skill[] = [];
  for (const s of shuffle(skills, rnd)) {
    order.push(s);
    if (s === "attribution") order.push(s);
  }
  const pools = new Map<Skill, Candidate[]>(skills.map((s) => [s, ranked.filter((c) => c.q.skill === s)]));
  const next = new Map<Skill, number>();
  let progress = true;
  while (chosen.length < count && progress) {
    progress = false;
    for (const s of order) {
      const pool = pools.get(s)!;
      while ((next.get(s) ?? 0) < pool.length) {
        const k = next.get(s) ?? 0;
        next.set(s, k + 1);
        if (take(pool[k])) {
          progress = true;
          break;
        }
      }
    }
  }
  // If the caps left the quiz short, fill it from whatever remains, best first.
  for (const c of ranked) {
    if (chosen.length >= count) break;
    if (topics.has(c.topic) || chosen.includes(c)) continue;
    if (c.q.kind === "cloze" && (clozes >= 2 || (c.place && places >= 1))) continue;
    chosen.push(c);
    topics.add(c.topic);
  }
  const questions = shuffle(chosen, rnd).map((c) => c.q);
  return { generatorVersion: GENERATOR_VERSION, seed, questions };
}
