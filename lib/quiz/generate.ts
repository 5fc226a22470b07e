import { hash, mulberry32, shuffle } from "./rng";
import type {
  Analysis,
  Fact,
  Option,
  Question,
  Quiz,
  QuizOptions,
  Quote,
  Skill,
  Span,
  SystemStatus,
  WeaponSystem,
} from "./types";

/**
 * Quiz generation. `questionBank` lists every question the article supports (deterministic,
 * independent of any seed); `generateQuiz` picks from it by seed, covering who-said-what and
 * which-systems-were-sent first, then balancing the skills. Nothing is built on a defective
 * sentence, and distractors are always other items of the same type from the same article.
 */
export const GENERATOR_VERSION = "newsquiz-gen/1.0.0";

type Banked = Question & { topic: string };

const opt = (text: string): Option => ({ id: `o-${hash(text.toLowerCase())}`, text });
const qid = (kind: string, content: string) => `${kind}-${hash(`${kind}|${content}`)}`;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const clip = (s: string, n = 28) => {
  const w = s.split(/\s+/);
  return w.length <= n ? s : `${w.slice(0, n).join(" ")} ...`;
};
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
const NUMBER_WORDS = [
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "twelve",
  "twenty",
  "dozens",
  "hundreds",
  "thousands",
  "millions",
];

/** Wrong but same-kind values for a number: other counts of the article first, then neighbours. */
function numberDistractors(value: string, article: string[]): string[] {
  const out = article.filter((v) => v.toLowerCase() !== value.toLowerCase());
  const m = /^(\$?)([\d,]+(?:\.\d+)?)(.*)$/.exec(value);
  if (m) {
    const n = Number(m[2]!.replace(/,/g, ""));
    const fmt = (x: number) => `${m[1]}${m[2]!.includes(",") ? x.toLocaleString("en-US") : String(x)}${m[3]}`;
    for (const x of [n * 2, Math.round(n / 2), n + 10, n + 1]) if (x > 0 && x !== n) out.push(fmt(x));
  } else {
    const i = NUMBER_WORDS.indexOf(value.toLowerCase());
    if (i >= 0)
      for (const d of [1, -1, 2, 3]) {
        const w = NUMBER_WORDS[i + d];
        if (w) out.push(w);
      }
  }
  return [...new Set(out)].filter((v) => v.toLowerCase() !== value.toLowerCase());
}
// Coarse families: a category distractor must come from another family, so it is never defensible.
const FAMILY: [RegExp, string][] = [
  [/anti-tank/, "anti-tank"],
  [/air defen|anti-aircraft/, "air defense"],
  [/artillery|howitzer|rocket system/, "artillery"],
  [/tank|vehicle|carrier/, "armor"],
  [/jet|aircraft|helicopter/, "aircraft"],
  [/drone/, "drone"],
  [/missile/, "missile"],
  [/munition|mine/, "munition"],
  [/naval/, "naval"],
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

export function questionBank(analysis: Analysis): Question[] {
  return bank(analysis).map(({ topic: _t, ...q }) => q);
}

/** Organisations read better with their article: "the Pentagon". */
const display = (s: { name: string; aliases: string[]; type: string }) =>
  s.type !== "person" && s.aliases.includes(`the ${s.name}`) ? `the ${s.name}` : s.name;

function bank(a: Analysis): Banked[] {
  const out: Banked[] = [];
  const bad = new Set(a.sentences.filter((s) => s.defective).map((s) => s.index));
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
  const clean = (span: Span | undefined) => {
    if (!span) return true;
    for (let s = sentenceOf(span.start); s && s.start < span.end; s = a.sentences[s.index + 1])
      if (bad.has(s.index)) return false;
    return true;
  };
  const within = (x: Span | undefined, y: Span) => !!x && x.start >= y.start && x.end <= y.end;
  const speakers = a.speakers.map((s) => ({ ...s, name: display(s) }));
  const renamed = new Map(a.speakers.map((s) => [s.name, display(s)]));
  a = { ...a, quotes: a.quotes.map((q) => ({ ...q, speaker: renamed.get(q.speaker) ?? q.speaker })) };
  const typeOf = new Map(speakers.map((s) => [s.name, s.type]));
  const quotes = a.quotes.filter(
    (q) =>
      // q.defective covers every sentence of the quote, clause by clause (analyze.ts); the
      // attribution sentence must be clean too unless it is one of the quote's own sentences.
      !q.defective &&
      (q.clause ? within(q.attribution, q.evidence) : clean(q.evidence) && clean(q.attribution)) &&
      words(q.text) >= 4 &&
      typeOf.has(q.speaker),
  );
  const seenText = new Map<string, Set<string>>();
  for (const q of a.quotes) {
    const k = q.text.toLowerCase();
    seenText.set(k, (seenText.get(k) ?? new Set()).add(q.speaker));
  }

  // --- attribution ---
  const speakerNames = speakers.map((s) => s.name);
  const distractSpeakers = (who: string, n: number) => {
    const t = typeOf.get(who);
    const others = speakerNames.filter((s) => s !== who);
    return [...others.filter((s) => typeOf.get(s) === t), ...others.filter((s) => typeOf.get(s) !== t)].slice(
      0,
      n,
    );
  };
  quotes.forEach((q, i) => {
    const topic = `quote:${q.span.start}`;
    // A quote cleared clause by clause points at its clause only, never at the broken one.
    const ev = q.clause ? [q.clause] : uniqSpans([q.evidence, q.attribution]);
    if ((seenText.get(q.text.toLowerCase())?.size ?? 0) > 1) return;
    const ds = distractSpeakers(q.speaker, 3);
    if (q.kind === "direct" && ds.length >= 2) {
      const options = [opt(q.speaker), ...ds.map(opt)];
      out.push({
        id: qid("who-said", q.text),
        kind: "who-said",
        skill: "attribution",
        prompt: `Who said: "${clip(q.text)}"?`,
        options,
        answer: { type: "single", optionId: options[0]!.id },
        explanation: attributionExplanation(q),
        evidence: ev,
        topic,
      });
    }
    // Lazy scan (stops at three): filtering every other quote first made long articles quadratic.
    const picked: Quote[] = [];
    for (const o of quotes) {
      if (picked.length >= 3) break;
      if (o.speaker === q.speaker || o.text === q.text) continue;
      if (!picked.some((p) => p.speaker === o.speaker && picked.length < 2)) picked.push(o);
    }
    if (picked.length >= 2) {
      const options = [opt(clip(q.text, 22)), ...picked.map((o) => opt(clip(o.text, 22)))];
      if (new Set(options.map((o) => o.id)).size === options.length) {
        out.push({
          id: qid("what-said", `${q.speaker}|${q.text}`),
          kind: "what-said",
          skill: "attribution",
          prompt: `Which of these statements does the article attribute to ${q.speaker}?`,
          options,
          answer: { type: "single", optionId: options[0]!.id },
          explanation: `${q.speaker}: "${clip(q.text)}"`,
          evidence: ev,
          topic,
        });
      }
    }
    // True/false: the quote with its real speaker, or with another speaker of the article.
    const liar = ds[i % Math.max(1, ds.length)];
    const isTrue = i % 2 === 0 || !liar;
    const who = isTrue ? q.speaker : liar!;
    const tf = [opt("True"), opt("False")];
    out.push({
      id: qid("true-false", `${who}|${q.text}`),
      kind: "true-false",
      skill: "attribution",
      prompt: `True or false: according to the article, ${who} ${q.kind === "direct" ? "said" : "said that"} "${clip(q.text)}"`,
      options: tf,
      answer: { type: "single", optionId: tf[isTrue ? 0 : 1]!.id },
      explanation: `It was ${q.speaker} who said this (${q.cue}).`,
      evidence: ev,
      topic,
    });
  });

  // --- roles ---
  const withRoles = speakers.filter((s) => s.type === "person" && s.role && clean(s.evidence));
  const roleSeen = new Set<string>();
  const roled = withRoles.filter(
    (s) => !roleSeen.has(s.role!.toLowerCase()) && !!roleSeen.add(s.role!.toLowerCase()),
  );
  for (let start = 0; roled.length >= 3 && start < roled.length; start += 4) {
    const group = roled.slice(start, start + 4);
    if (group.length < 3) group.unshift(...roled.slice(0, 3 - group.length));
    const items = group.map((s) => ({ id: `i-${hash(s.name)}`, text: s.name }));
    const options = group.map((s) => opt(s.role!));
    out.push({
      id: qid("match-roles", group.map((s) => s.name).join("|")),
      kind: "match-roles",
      skill: "roles",
      prompt: "Match each person to the role the article gives them.",
      items,
      options,
      answer: { type: "match", pairs: items.map((it, k) => ({ itemId: it.id, optionId: options[k]!.id })) },
      explanation: group.map((s) => `${s.name}: ${s.role}`).join("; "),
      evidence: uniqSpans(group.map((s) => s.evidence)),
      topic: `roles:${start}`,
    });
    if (roled.length < 6) break;
  }

  // --- systems ---
  const systems = a.systems.filter((s) => clean(s.evidence));
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
    const options = chosen.map((s) => opt(cap(s.name)));
    const qidv = qid(
      "systems-sent",
      chosen
        .map((s) => s.name)
        .sort()
        .join("|"),
    );
    if (out.some((q) => q.id === qidv)) continue;
    out.push({
      id: qidv,
      kind: "systems-sent",
      skill: "systems",
      prompt: "Which of these weapons does the article say had already been sent? Select all that apply.",
      options,
      answer: {
        type: "multi",
        optionIds: chosen.flatMap((s, k) => (s.status === "sent" ? [options[k]!.id] : [])),
      },
      explanation: chosen.map((s) => `${cap(s.name)}: ${s.status}`).join("; "),
      evidence: uniqSpans(chosen.map((s) => s.evidence)),
      topic: `systems-sent:${v}`,
    });
  }
  const labels = (Object.keys(STATUS_LABEL) as (keyof typeof STATUS_LABEL)[]).map((k) => ({
    k,
    o: opt(STATUS_LABEL[k]),
  }));
  systems.forEach((s, i) => {
    if (s.status !== "mentioned") {
      out.push({
        id: qid("system-status", s.name),
        kind: "system-status",
        skill: "systems",
        prompt: `What does the article say happened to ${s.kind === "named" ? s.name : `the ${s.name}`}?`,
        options: labels.map((l) => l.o),
        answer: { type: "single", optionId: labels.find((l) => l.k === s.status)!.o.id },
        explanation: `${cap(s.name)} ${STATUS_PHRASE[s.status]}.`,
        evidence: [s.evidence],
        topic: `sys:${s.name}`,
      });
    }
    const statuses: SystemStatus[] = ["sent", "pledged", "requested", "withheld", "mentioned"];
    const isTrue = i % 2 === 1;
    const claimed = isTrue ? s.status : statuses[(statuses.indexOf(s.status) + 1 + (i % 3)) % 5]!;
    const claimedOk = isTrue || (claimed !== s.status && !(s.status === "pledged" && claimed === "sent"));
    if (claimedOk) {
      const tf = [opt("True"), opt("False")];
      out.push({
        id: qid("true-false", `${s.name}|${claimed}`),
        kind: "true-false",
        skill: "systems",
        prompt: `True or false: according to the article, ${s.kind === "named" ? s.name : `the ${s.name}`} ${STATUS_PHRASE[claimed]}.`,
        options: tf,
        answer: { type: "single", optionId: tf[isTrue ? 0 : 1]!.id },
        explanation: `${cap(s.name)} ${STATUS_PHRASE[s.status]}.`,
        evidence: [s.evidence],
        topic: `sys:${s.name}`,
      });
    }
    if (s.kind === "named") {
      const fam = family(s.category);
      const pool = [...new Set([...a.systems.map((x) => x.category), ...FALLBACK_CATEGORIES])].filter(
        (c) => family(c) !== fam,
      );
      const fams = new Set<string>();
      const ds = pool.filter((c) => !fams.has(family(c)) && !!fams.add(family(c))).slice(0, 3);
      const m =
        s.mentions.find((x) => x.text !== s.name && clean(sentenceOf(x.start))) ??
        s.mentions.find((x) => clean(sentenceOf(x.start)));
      const sen = m ? sentenceOf(m.start) : undefined;
      if (ds.length >= 2 && sen) {
        const options = [opt(s.category), ...ds.map(opt)];
        out.push({
          id: qid("system-category", s.name),
          kind: "system-category",
          skill: "systems",
          prompt: `What kind of weapon is ${s.name}?`,
          options,
          answer: { type: "single", optionId: options[0]!.id },
          explanation: `${s.name} is a ${s.category}${m && m.text !== s.name ? ` ("${m.text}")` : ""}.`,
          evidence: [{ start: sen.start, end: sen.end }],
          topic: `syscat:${s.name}`,
        });
      }
    }
  });

  // --- details: numbers and dates as multiple choice, names as cloze ---
  const facts = a.facts.filter((f) => !bad.has(f.sentence));
  const byKind = (k: Fact["kind"]) => facts.filter((f) => f.kind === k);
  for (const kind of ["number", "date"] as const) {
    const fs = byKind(kind);
    const distinct = [...new Set(fs.map((x) => x.value))];
    for (const f of fs) {
      const sen = a.sentences[f.sentence]!;
      if (words(sen.text) > 45) continue;
      const local = f.span.start - sen.start;
      if (sen.text.indexOf(f.value) !== sen.text.lastIndexOf(f.value)) continue;
      const blanked = `${sen.text.slice(0, local)}_____${sen.text.slice(local + f.value.length)}`;
      // Only the first three usable values can be chosen, so stop there (keeps long articles linear).
      const values: string[] = [];
      for (const v of distinct) {
        if (values.length >= 3) break;
        if (v.toLowerCase() !== f.value.toLowerCase() && !sen.text.includes(v)) values.push(v);
      }
      const ds = (kind === "number" ? numberDistractors(f.value, values) : values)
        .filter((v) => !sen.text.includes(v))
        .slice(0, 3);
      if (ds.length < 2) continue;
      const options = [opt(f.value), ...ds.map(opt)];
      out.push({
        id: qid("detail", `${f.sentence}|${f.value}`),
        kind: "detail",
        skill: "details",
        prompt: `Complete the sentence from the article: "${blanked}"`,
        options,
        answer: { type: "single", optionId: options[0]!.id },
        explanation: `The article says: "${sen.text}"`,
        evidence: [f.evidence],
        topic: `sentence:${f.sentence}`,
      });
    }
  }
  const clozeTargets: { value: string; accepted: string[]; sentence: number; start: number }[] = [];
  for (const s of systems) {
    for (const m of s.mentions) {
      if (!bad.has(m.sentence) && s.kind === "named")
        clozeTargets.push({
          value: m.text,
          accepted: [m.text, s.name],
          sentence: m.sentence,
          start: m.start,
        });
    }
  }
  for (const f of byKind("place"))
    clozeTargets.push({ value: f.value, accepted: [f.value], sentence: f.sentence, start: f.span.start });
  for (const t of clozeTargets) {
    const sen = a.sentences[t.sentence]!;
    if (words(sen.text) > 45 || words(sen.text) < 6) continue;
    const local = t.start - sen.start;
    if (sen.text.indexOf(t.value) !== local || sen.text.lastIndexOf(t.value) !== local) continue;
    const blanked = `${sen.text.slice(0, local)}_____${sen.text.slice(local + t.value.length)}`;
    out.push({
      id: qid("cloze", `${t.sentence}|${t.value}`),
      kind: "cloze",
      skill: "details",
      prompt: `Type the missing word(s) from the article: "${blanked}"`,
      options: [],
      answer: { type: "text", accepted: [...new Set(t.accepted)] },
      explanation: `The article says: "${sen.text}"`,
      evidence: [{ start: sen.start, end: sen.end }],
      topic: `sentence:${t.sentence}`,
    });
  }
  const ids = new Set<string>();
  return out.filter((q) => !ids.has(q.id) && !!ids.add(q.id));
}

/** Picks `count` questions by seed: who-said and systems-sent first when present, then round-robin over skills. */
export function generateQuiz(analysis: Analysis, options: QuizOptions): Quiz {
  const seed = Number.isFinite(options.seed) ? Math.trunc(options.seed) : 0;
  const count = Math.max(0, Math.trunc(options.count ?? 10));
  const skills: Skill[] = options.skills?.length
    ? options.skills
    : ["attribution", "systems", "roles", "details"];
  const rnd = mulberry32(seed);
  const all = bank(analysis).filter((q) => skills.includes(q.skill));
  const pools = new Map<Skill, Banked[]>(
    skills.map((s) => [
      s,
      shuffle(
        all.filter((q) => q.skill === s),
        rnd,
      ),
    ]),
  );
  const chosen: Banked[] = [];
  const topics = new Set<string>();
  const take = (q: Banked | undefined) => {
    if (!q || chosen.length >= count || topics.has(q.topic)) return false;
    chosen.push(q);
    topics.add(q.topic);
    return true;
  };
  for (const kind of ["who-said", "systems-sent"] as const) {
    const pool = all.filter((q) => q.kind === kind);
    take(pool[Math.floor(rnd() * pool.length)]);
  }
  const order = shuffle(skills, rnd);
  const next = new Map<Skill, number>();
  let progress = true;
  while (chosen.length < count && progress) {
    progress = false;
    for (const s of order) {
      const pool = pools.get(s)!;
      while (pool.length > (next.get(s) ?? 0)) {
        const k = next.get(s) ?? 0;
        next.set(s, k + 1);
        const q = pool[k]!;
        if (take(q)) {
          progress = true;
          break;
        }
      }
    }
  }
  const questions = shuffle(chosen, rnd).map(({ topic: _t, ...q }) =>
    q.kind === "true-false" ? q : { ...q, options: shuffle(q.options, rnd) },
  );
  return { generatorVersion: GENERATOR_VERSION, seed, questions };
}

/** "Jake Sullivan said it.", or how the article tied it to them when that is not a plain "said". */
function attributionExplanation(q: Quote): string {
  const who = cap(q.speaker);
  if (q.cue === "continues paragraph")
    return `${who} said it: the quote continues ${who}'s words from the same passage.`;
  if (/^(said|says|say)$/i.test(q.cue)) return `The article quotes ${who}.`;
  if (/^according to/i.test(q.cue)) return `The article attributes it to ${who} ("according to").`;
  return `The article attributes it to ${who} ("${q.cue}").`;
}
