import { sentenceAt, tokenAt, type Context, type QuoteMark } from "./context";
import {
  INDIRECT_VERBS,
  ORG_NOUNS,
  PHRASE_CUES,
  PRONOUNS,
  SPEECH_VERBS,
  STATEMENT_NOUNS,
  TITLE_WORDS,
  WEEKDAYS,
} from "./lexicon";
import {
  capitalisedRuns,
  isGroupNoun,
  isNpAdjective,
  isOrgNoun,
  isPersonNoun,
  parseNameRun,
  genderOfTitle,
  Registry,
  type Entity,
} from "./speakers";
import { isCapitalised, type Token } from "./tokens";
import type { Quote, Span } from "./types";

/**
 * Attribution: who said what. Direct quotations come from the paired quote marks; each is
 * attributed from its cue (after the closing mark, then before the opening mark, then
 * "according to"), else it continues the speaker of its paragraph or of the previous one.
 * Indirect statements are clauses governed by a speech verb ("said that ..."), a statement
 * noun ("his suggestion that ...") or "according to X".
 */

const AUX = new Set(
  "has have had also later then previously repeatedly again once already would will did does do recently separately further earlier often publicly privately just been has reportedly".split(
    " ",
  ),
);
const SUBORDINATE_OPENERS = new Set(
  "in after before on when while as since despite under during following speaking at with for by from asked".split(
    " ",
  ),
);
const NP_INNER = new Set(["the", "of", "de", "van", "von", "al", "bin"]);

const PHRASE_FIRST = new Set(PHRASE_CUES.map((p) => p[0]!));
const HONORIFIC = /^(Dr|Mr|Mrs|Ms|Prof|Sir)\.?$/;
const low = (t: Token | undefined) => (t ? t.text.toLowerCase() : "");
const isSpeech = (t: Token | undefined) =>
  !!t && t.word && SPEECH_VERBS.has(t.text) && !isCapitalised(t.text);

type Resolved = { entity: Entity; via: Span };

export class Attributor {
  readonly reg = new Registry();
  constructor(private ctx: Context) {}

  /** Is this token a plausible part of a subject noun phrase? */
  private npish(t: Token | undefined): boolean {
    if (!t || !t.word) return false;
    const w = t.text;
    if (isCapitalised(w)) return !SPEECH_VERBS.has(w.toLowerCase()) || TITLE_WORDS.has(w);
    const l = w.toLowerCase();
    return (
      NP_INNER.has(l) ||
      isGroupNoun(l) ||
      isPersonNoun(l) ||
      isOrgNoun(l) ||
      isNpAdjective(l) ||
      TITLE_WORDS.has(l[0]!.toUpperCase() + l.slice(1))
    );
  }

  // ---- mention pass -------------------------------------------------------------------

  /** Walks the article once, front to back, registering named entities and their mentions. */
  collectMentions() {
    const { tokens, sentences } = this.ctx;
    for (const s of sentences) {
      // Descriptive organisations ("The local taxpayers group") interleave with the named runs.
      const described = this.describedOrgs(s.t0, s.t1);
      let dn = 0;
      const flushDescribed = (before: number) => {
        for (; dn < described.length && described[dn]!.i < before; dn++) {
          const d = described[dn]!;
          const span = { start: tokens[d.i]!.start, end: tokens[d.j - 1]!.end };
          const name = tokens
            .slice(d.i, d.j)
            .map((t) => t.text.toLowerCase())
            .join(" ");
          const e = this.reg.collective(name, "organisation", span, true);
          if (!e) continue;
          if (low(tokens[d.i - 1]) === "the") e.aliases.add(`the ${name}`);
          this.reg.mention(e, span);
        }
      };
      for (const run of capitalisedRuns(tokens, s.t0, s.t1)) {
        flushDescribed(run.i);
        const words = tokens.slice(run.i, run.j).map((t) => t.text);
        const span = { start: tokens[run.i]!.start, end: tokens[run.j - 1]!.end };
        const next = tokens[run.j];
        // "G-7 leaders", "Russian officials": a group named by its capitalised modifiers.
        if (next && next.word && isGroupNoun(next.text) && next.text === next.text.toLowerCase()) {
          const mods = words.filter((w, i) => !(i === 0 && (w === "The" || w === "the")));
          const clean =
            mods[0] && /^(Those|These|Some|Many|Other|Both|All)$/.test(mods[0]) ? mods.slice(1) : mods;
          if (clean.length) {
            const e = this.reg.collective(
              `${clean.join(" ")} ${next.text}`,
              "group",
              { start: span.start, end: next.end },
              true,
            );
            if (e) this.reg.mention(e, { start: span.start, end: next.end });
            continue;
          }
        }
        const parsed = parseNameRun(words);
        if (!parsed) continue;
        let e: Entity | undefined;
        if (parsed.type === "person")
          e = this.reg.person(parsed, span, parsed.nameTokens.length > 1 || !!parsed.title);
        else if (parsed.type === "organisation") {
          const prev = tokens[run.i - 1];
          const withThe = low(prev) === "the" || words[0] === "The";
          e = this.reg.collective(parsed.name, "organisation", span, true);
          if (e && withThe) e.aliases.add(`the ${parsed.name}`);
        } else if (parsed.type === "unknown") {
          e = this.reg.findPerson(parsed.nameTokens) ?? this.reg.orgByPrefix(parsed.name);
          if (e && e.name !== parsed.name) e.aliases.add(parsed.name);
        }
        if (e) {
          this.reg.mention(e, span);
          if (e.type === "person") {
            this.roleBefore(e, run.i, run.j, s.t0);
            this.appositive(e, run.j);
          }
        }
      }
      flushDescribed(s.t1);
    }
  }

  /**
   * Lower-case noun phrases that introduce an organisation rather than refer back to one:
   * "the local taxpayers group", "a regional business council". Two or more modifiers, or a
   * plural noun modifier, before an organisation noun; "the company" alone is an anaphor.
   */
  private describedOrgs(t0: number, t1: number): { i: number; j: number }[] {
    const { tokens, quoteOf } = this.ctx;
    const out: { i: number; j: number }[] = [];
    for (let h = t0 + 1; h < t1; h++) {
      const head = tokens[h]!;
      // Lower-case heads only: a plain set lookup on the raw text filters almost every token.
      if (!head.word || !ORG_NOUNS.has(head.text)) continue;
      if (quoteOf[h]! >= 0) continue;
      let i = h;
      while (i - 1 >= t0 && i > h - 5) {
        const t = tokens[i - 1]!;
        if (!t.word || t.text !== t.text.toLowerCase() || /^(a|an|the)$/.test(t.text)) break;
        if (/'s?$/.test(t.text) || PRONOUNS.has(t.text) || AUX.has(t.text) || SPEECH_VERBS.has(t.text)) break;
        if (
          !/^[a-z][a-z-]+$/.test(t.text) ||
          /^(of|in|on|at|for|with|by|to|from|and|or|that|which|who|same|other|new|whole|entire|former|latter|its|his|her|their|this)$/.test(
            t.text,
          )
        )
          break;
        i--;
      }
      if (!/^(a|an|the)$/.test(low(tokens[i - 1])) || i === h) continue;
      // "Aramco, the state-owned oil company," / "the oil company Aramco": a description of a named one.
      if (tokens[i - 2]?.text === "," || (tokens[h + 1]?.word && isCapitalised(tokens[h + 1]!.text)))
        continue;
      const mods = tokens.slice(i, h).map((t) => t.text);
      const pluralNoun = mods.some((w) => /[^s]s$/.test(w) && !isNpAdjective(w));
      if (mods.length < 2 && !pluralNoun) continue;
      out.push({ i, j: h + 1 });
    }
    return out;
  }

  /**
   * A role given before the name, between commas: "NASA's chief scientist, Kate Morrow, said",
   * "According to the city's finance director, Maria Chen, ...". Only when the phrase opens the
   * sentence or follows "according to", its head is a singular person noun or title, and the
   * name is closed by a comma or a speech verb.
   */
  private roleBefore(e: Entity, i: number, j: number, t0: number) {
    const { tokens, text } = this.ctx;
    if (e.role && !HONORIFIC.test(e.role)) return;
    if (low(tokens[i - 1]) !== "," || i - 2 < t0) return;
    const after = tokens[j];
    if (!after || !(after.text === "," || isSpeech(after))) return;
    const head = tokens[i - 2]!;
    const hl = head.text.toLowerCase();
    if (!head.word || (/s$/.test(hl) && !isPersonNoun(hl))) return;
    if (!(
      isPersonNoun(hl) ||
      TITLE_WORDS.has(hl.charAt(0).toUpperCase() + hl.slice(1)) ||
      (head.text === hl && /(ist|ian)$/.test(hl))
    ))
      return;
    let k = i - 2;
    while (k - 1 >= t0 && i - 2 - k < 6) {
      const t = tokens[k - 1]!;
      if (!t.word) break;
      const l = t.text.toLowerCase();
      if (/^(a|an|the|according|to)$/.test(l) || PRONOUNS.has(l)) break;
      if (/^(in|on|at|for|with|by|from|of|after|before|and|or|but|said|says|told)$/.test(l)) break;
      k--;
    }
    let start = k;
    if (/^(the)$/.test(low(tokens[k - 1])) && /'s?$/.test(tokens[k]!.text)) start = k - 1;
    else if (/^(a|an|the)$/.test(low(tokens[k - 1]))) start = k; // "the chief scientist" -> "chief scientist"
    const opener = start - (/^(a|an|the)$/.test(low(tokens[start - 1])) && start === k ? 1 : 0);
    const atStart = opener === t0;
    const afterAccording = low(tokens[opener - 1]) === "to" && low(tokens[opener - 2]) === "according";
    if (!atStart && !afterAccording) return;
    const role = text.slice(tokens[start]!.start, head.end);
    e.role = tokens[start]!.text === "The" ? `the${role.slice(3)}` : role;
    e.roleSpan = { start: tokens[start]!.start, end: head.end };
    const g = genderOfTitle(hl);
    if (g) {
      e.gender = g;
      e.genderFromTitle = true;
    }
  }

  /** "Samuel Charap, a senior political scientist at the RAND Corp., who ..." -> role. */
  private appositive(e: Entity, j: number) {
    const { tokens } = this.ctx;
    if (low(tokens[j]) !== "," || (e.role && !HONORIFIC.test(e.role))) return;
    const first = tokens[j + 1];
    if (!first || !first.word) return;
    if (!/^(a|an|the)$/.test(low(first)) && !(isCapitalised(first.text) && TITLE_WORDS.has(first.text)))
      return;
    const start = j + 1;
    let k = start;
    while (k < tokens.length && k - start < 16) {
      const t = tokens[k]!;
      if (!t.word && t.text !== "'" && t.text !== "-") break;
      if (/^(who|which|that)$/.test(low(t))) break;
      if (/^(said|says|told)$/.test(low(t))) return;
      k++;
    }
    if (k === start + 1) return;
    const term = tokens[k];
    if (term && !/^(,|\.|who|which|that)$/.test(low(term))) return;
    const words = tokens.slice(start, k).map((t) => t.text);
    if (!words.some((w) => isPersonNoun(w) || TITLE_WORDS.has(w) || /(ist|er|or|ian|ant|ent)s?$/.test(w)))
      return;
    const s = this.ctx.text.slice(tokens[start]!.start, tokens[k - 1]!.end).replace(/^(a|an|the)\s+/i, "");
    e.role = s;
    e.roleSpan = { start: tokens[start]!.start, end: tokens[k - 1]!.end };
  }

  // ---- noun phrase resolution ---------------------------------------------------------

  /** Resolves the noun phrase tokens[i..j) at text position `pos` to an entity. */
  resolve(i: number, j: number): Resolved | null {
    const { tokens } = this.ctx;
    while (i < j && /^(the|a|an)$/.test(low(tokens[i]))) i++;
    if (i >= j) return null;
    const pos = tokens[i]!.start;
    const span = { start: tokens[i]!.start, end: tokens[j - 1]!.end };
    const words = tokens.slice(i, j).map((t) => t.text);
    const last = words[words.length - 1]!;
    const lastLow = last.toLowerCase();
    if (j - i === 1 && PRONOUNS.has(lastLow)) return this.pronoun(lastLow, pos);
    if (isGroupNoun(lastLow) && last === lastLow) {
      const firstCap = words.findIndex((w) => isCapitalised(w) || /\d/.test(w));
      const mods = firstCap >= 0 ? words.slice(firstCap, -1) : [];
      if (mods.length) {
        const e = this.reg.collective(`${mods.join(" ")} ${lastLow}`, "group", span, true);
        return e ? { entity: e, via: span } : null;
      }
      const g = this.reg.groupByHead(lastLow, pos);
      const e =
        g ??
        this.reg.collective(
          words.join(" ").replace(/^\p{Lu}/u, (c) => c.toLowerCase()),
          "group",
          span,
          true,
        );
      if (!e) return null;
      const m = g ? this.reg.latestMention(pos, g.id) : undefined;
      return { entity: e, via: m ? { start: m.start, end: m.end } : span };
    }
    const caps = words.filter((w) => isCapitalised(w));
    if (!caps.length) {
      if (isPersonNoun(lastLow)) return this.description(lastLow, pos, (e) => e.type === "person");
      if (isOrgNoun(lastLow)) return this.description(lastLow, pos, (e) => e.type !== "person");
      return null;
    }
    // Use the last capitalised run of the phrase: "Defense Secretary Lloyd Austin".
    const runs = capitalisedRuns(tokens, i, j);
    const run = runs[runs.length - 1];
    if (!run) return null;
    const runWords = tokens.slice(run.i, run.j).map((t) => t.text);
    const parsed = parseNameRun(runWords);
    if (!parsed) return null;
    let e: Entity | undefined;
    if (parsed.type === "person") e = this.reg.person(parsed, span, true);
    else if (parsed.type === "organisation" || parsed.type === "place")
      e = this.reg.collective(parsed.name, "organisation", span, true);
    else {
      e =
        this.reg.findPerson(parsed.nameTokens) ??
        this.reg.findByName(parsed.name) ??
        this.reg.orgByPrefix(parsed.name);
      if (!e) {
        const withThe = low(tokens[run.i - 1]) === "the";
        e = withThe
          ? this.reg.collective(parsed.name, "organisation", span, true)
          : this.reg.person({ ...parsed, type: "person" }, span, true);
      }
    }
    if (!e) return null;
    if (run.j < j && isOrgNoun(lastLow) && e.type === "person" && !parsed.title) {
      // "the United Auto Workers union": a capitalised name before an organisation noun.
      e = this.reg.collective(parsed.name, "organisation", span, true) ?? e;
    }
    if (run.j < j && isPersonNoun(lastLow) && e.type !== "person") {
      // "a Pentagon spokesman": the organisation speaks through an unnamed person.
      return { entity: e, via: span };
    }
    return { entity: e, via: span };
  }

  private pronoun(p: string, pos: number): Resolved | null {
    const person = /^(he|she|him|his|her|i)$/.test(p);
    let e: Entity | undefined;
    if (person) {
      // Gender: "she" prefers a recent person whose title shows she is female ("Ms.", "Queen",
      // "spokeswoman"); otherwise the latest person not known to be male (by title or by an
      // earlier "he"); otherwise plain recency. Likewise "he".
      const want = /^(she|her)$/.test(p) ? "f" : /^(he|him|his)$/.test(p) ? "m" : null;
      const cands = this.reg.recent(pos, 4, (x) => x.type === "person", false).map((c) => c.entity);
      e = want
        ? (cands.find((x) => x.genderFromTitle && x.gender === want) ??
          cands.find((x) => x.gender === null || x.gender === want) ??
          cands[0])
        : cands[0];
      if (e && want && !e.gender) e.gender = want;
    } else if (p === "it" || p === "its") {
      e = this.topicalOrg(pos, (x) => x.type === "organisation", true);
    } else e = this.reg.latest(pos, (x) => x.type !== "person");
    if (!e) return null;
    const m = this.reg.latestMention(pos, e.id)!;
    return { entity: e, via: { start: m.start, end: m.end } };
  }

  /**
   * "it" / "the company": the organisation the story is about, not merely the last one named.
   * An organisation named earlier in the same sentence wins ("X said it would"); otherwise the
   * most-mentioned of the last three organisations, ties to the most recent.
   */
  private topicalOrg(pos: number, ok: (e: Entity) => boolean, pronoun = false): Entity | undefined {
    const cands = this.reg.recent(pos, 3, ok);
    if (!cands.length) return undefined;
    const si = sentenceAt(this.ctx, pos);
    const s = this.ctx.sentences[si]!;
    const latest = this.reg.latestMention(pos, cands[0]!.entity.id);
    if (latest && latest.start >= s.start) return cands[0]!.entity;
    // A bare "it" continues the subject of the previous sentence ("Acme shares fell. It said ...").
    const prev = this.ctx.sentences[si - 1];
    if (pronoun && prev && prev.paragraph === s.paragraph) {
      let t = prev.t0;
      if (low(this.ctx.tokens[t]) === "the") t++;
      const m = this.ctx.tokens[t] ? this.reg.mentionAt(this.ctx.tokens[t]!.start) : undefined;
      const subj = m && cands.find((c) => c.entity.id === m.entity);
      if (subj) return subj.entity;
    }
    // An organisation already quoted ("X said ...") is the story's subject: it outweighs a
    // passing mention. Score = mentions in the window, +2 when one of them is a speech subject.
    const { tokens } = this.ctx;
    const spoke = (id: number) =>
      this.reg.mentionsBefore(pos, 400).some((m) => {
        if (m.entity !== id) return false;
        let k = tokenAt(this.ctx, m.end);
        while (k < tokens.length && AUX.has(low(tokens[k]))) k++;
        return isSpeech(tokens[k]);
      });
    let best = cands[0]!;
    let bestScore = -1;
    for (const c of cands) {
      const score = c.count + (spoke(c.entity.id) ? 2 : 0);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best.entity;
  }

  private description(noun: string, pos: number, ok: (e: Entity) => boolean): Resolved | null {
    const org = isOrgNoun(noun);
    const e =
      this.reg.latest(pos, (x) => ok(x) && !!x.role && x.role.toLowerCase().includes(noun)) ??
      (org ? this.reg.latest(pos, (x) => ok(x) && x.key.split(" ").includes(noun)) : undefined) ??
      (org ? this.topicalOrg(pos, ok) : this.reg.latest(pos, ok));
    if (!e) return null;
    const m = this.reg.latestMention(pos, e.id)!;
    return { entity: e, via: { start: m.start, end: m.end } };
  }

  // ---- cue finding ------------------------------------------------------------------

  /** Subject noun phrase ending right before token v (a verb), skipping auxiliaries. */
  private subjectBefore(v: number, floor: number): Resolved | null {
    const { tokens } = this.ctx;
    let j = v - 1;
    while (j >= floor && AUX.has(low(tokens[j]))) j--;
    if (j < floor) return null;
    if (/^(and|but)$/.test(low(tokens[j]))) return this.clauseSubject(floor, j);
    // "The group, which calls itself the "Watchdogs," said": the comma sits inside the closing mark.
    if (tokens[j]!.text === '"' && tokens[j - 1]?.text === "," && j - 1 >= floor) {
      if (this.ctx.quoteOf[j - 1]! >= 0) return this.clauseSubject(floor, j - 1);
    }
    if (tokens[j]!.text === ",") {
      // "Tom Baxter, ..., said" / "Mayor Linda Okafor, who proposed the plan, called ...":
      // the name right before the comma, else the subject the sentence opened with.
      let i = j - 1;
      while (i >= floor && this.npish(tokens[i]) && j - i < 6) i--;
      const near = i < j - 1 ? this.resolve(i + 1, j) : null;
      if (near && near.entity.type === "person") return near;
      const subj = this.clauseSubject(floor, j);
      return subj;
    }
    if (PRONOUNS.has(low(tokens[j])) && tokens[j]!.word) return this.resolve(j, j + 1);
    let i = j;
    while (i >= floor && this.npish(tokens[i]) && j - i < 9) i--;
    if (i === j) return null;
    return this.resolve(i + 1, j + 1);
  }

  /** The subject of the clause starting at `floor`, past a leading adverbial ("In a statement, ..."). */
  private clauseSubject(floor: number, limit: number): Resolved | null {
    const { tokens } = this.ctx;
    let i = floor;
    if (SUBORDINATE_OPENERS.has(low(tokens[i]))) {
      while (i < limit && tokens[i]!.text !== ",") i++;
      i++;
    }
    if (PRONOUNS.has(low(tokens[i]))) return this.resolve(i, i + 1);
    // A described organisation registered by the mention pass ("The local taxpayers group").
    const d = /^(the|a|an)$/.test(low(tokens[i])) ? i + 1 : i;
    const known = d < limit ? this.reg.mentionAt(tokens[d]!.start) : undefined;
    const ke = known ? this.reg.get(known.entity) : undefined;
    if (known && ke && ke.type === "organisation" && ke.name === ke.key && ke.name.includes(" "))
      return { entity: ke, via: { start: known.start, end: known.end } };
    let j = i;
    while (j < limit && this.npish(tokens[j]) && j - i < 9) j++;
    return j > i ? this.resolve(i, j) : null;
  }

  /** Noun phrase starting at i (after an inverted "said"): "said Samuel Charap, a ...". */
  private npAfter(i: number, limit: number): Resolved | null {
    const { tokens } = this.ctx;
    if (i < limit && PRONOUNS.has(low(tokens[i]))) return this.resolve(i, i + 1);
    let j = i;
    while (j < limit && this.npish(tokens[j]) && j - i < 10) j++;
    return j > i ? this.resolve(i, j) : null;
  }

  private isPhraseCue(k: number): number {
    const { tokens } = this.ctx;
    const t = tokens[k];
    if (!t || !PHRASE_FIRST.has(t.text.toLowerCase())) return 0;
    for (const ph of PHRASE_CUES) {
      if (ph.every((w, n) => low(tokens[k + n]) === w)) return ph.length;
    }
    return 0;
  }

  /** Cue after a closing mark, in the same sentence: `," said X`, `," X said`, `," according to X`. */
  private cueAfter(mark: QuoteMark): { r: Resolved; cue: string; weak: boolean } | null {
    const { tokens, sentences } = this.ctx;
    if (mark.openEnded) return null;
    let k = tokenAt(this.ctx, mark.close + 1);
    const s = sentences[sentenceAt(this.ctx, mark.close)]!;
    if (k >= s.t1) return null;
    if (low(tokens[k]) === "," || tokens[k]?.text === "\u2014") k++;
    const limit = s.t1;
    if (isSpeech(tokens[k])) {
      const r = this.npAfter(k + 1, limit);
      if (r) return { r, cue: tokens[k]!.text, weak: false };
    }
    if (low(tokens[k]) === "according" && low(tokens[k + 1]) === "to") {
      const r = this.npAfter(k + 2, limit);
      if (r) return { r, cue: "according to", weak: true };
    }
    let j = k;
    if (PRONOUNS.has(low(tokens[j]))) j++;
    else while (j < limit && this.npish(tokens[j]) && j - k < 10) j++;
    let v = j;
    while (v < limit && AUX.has(low(tokens[v]))) v++;
    if (j > k && (isSpeech(tokens[v]) || this.isPhraseCue(v))) {
      const r = this.resolve(k, j);
      if (r) return { r, cue: tokens[v]!.text, weak: false };
    }
    return null;
  }

  /** Latest speech verb before the opening mark in its sentence, outside other quotes, and its subject. */
  private cueBefore(mark: QuoteMark): { r: Resolved; cue: string } | null {
    const { tokens, sentences, quoteOf } = this.ctx;
    const s = sentences[sentenceAt(this.ctx, mark.open)]!;
    const end = tokenAt(this.ctx, mark.open);
    for (let v = end - 1; v >= s.t0; v--) {
      if (quoteOf[v]! >= 0) continue;
      const t = tokens[v]!;
      if (isSpeech(t) || this.isPhraseCue(v)) {
        // "what he called ...": the speaker is the pronoun or name right before "called".
        const r = this.subjectBefore(v, s.t0);
        if (r) return { r, cue: t.text };
      }
      if (STATEMENT_NOUNS.has(low(t))) {
        const r = this.possessor(v, s.t0);
        if (r) return { r, cue: t.text };
      }
    }
    return null;
  }

  /** Owner of a statement noun: "his renewed suggestion" -> he; "Putin's warning" -> Putin. */
  private possessor(v: number, floor: number): Resolved | null {
    const { tokens } = this.ctx;
    for (let k = v - 1; k >= floor && k >= v - 3; k--) {
      const w = low(tokens[k]);
      if (/^(his|her|their|its)$/.test(w)) return this.resolve(k, k + 1);
      if (/'s$/.test(tokens[k]!.text) && isCapitalised(tokens[k]!.text)) {
        const e = this.resolve(k, k + 1);
        return e;
      }
    }
    return null;
  }

  // ---- direct quotes ------------------------------------------------------------------

  /** Scare quotes, titles and defined terms are not speech. */
  isSpeechQuote(mark: QuoteMark): boolean {
    const { text, tokens } = this.ctx;
    const inner = text.slice(mark.inner.start, mark.inner.end).trim();
    const words = inner.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
    if (!words.length) return false;
    const endsPunct = /[.,?!:;]$/.test(inner);
    const k = tokenAt(this.ctx, mark.open) - 1;
    const prev = low(tokens[k]);
    const prev2 = low(tokens[k - 1]);
    const termCue =
      /^(called|dubbed|titled|entitled|named|nicknamed|so-called|term|word|words|phrase|slogan|hashtag|headline|book|film|movie|song|album|novel|series|show|play|program|programme|campaign|operation|label|as)$/.test(
        prev,
      );
    const titleCase =
      words.filter((w) => w.length > 3).every((w) => isCapitalised(w)) && words.some((w) => isCapitalised(w));
    if (termCue && !/^what$/.test(prev2) && (words.length <= 6 || titleCase)) {
      // "what he called 'X'" is still speech.
      const what = tokens.slice(Math.max(0, k - 3), k).some((t) => low(t) === "what");
      if (!what) return false;
    }
    if (titleCase && words.length > 1 && (words.length <= 5 || (words.length <= 10 && !endsPunct)))
      return false;
    if (words.length <= 3 && !endsPunct && !mark.openEnded) return false;
    return true;
  }

  /** Attributes every speech quote; returns them in text order. */
  directQuotes(): (Quote & { via: Span })[] {
    const { marks, text } = this.ctx;
    type Item = { mark: QuoteMark; r: Resolved | null; cue: string };
    const items: Item[] = [];
    for (const mark of marks) {
      if (!this.isSpeechQuote(mark)) continue;
      const after = this.cueAfter(mark);
      let r: Resolved | null = null;
      let cue = "";
      if (after && !after.weak) ({ r, cue } = after);
      if (!r) {
        const before = this.cueBefore(mark);
        if (before) ({ r, cue } = before);
      }
      if (!r && after) ({ r, cue } = after);
      items.push({ mark, r, cue });
    }
    // Uncued quotes continue the speaker of their paragraph, else of the previous paragraph's last quote.
    for (let n = 0; n < items.length; n++) {
      const it = items[n]!;
      if (it.r) continue;
      const prev = items[n - 1];
      const next = items[n + 1];
      if (prev?.r && prev.mark.paragraph === it.mark.paragraph) {
        it.r = prev.r;
        it.cue = "continues paragraph";
      } else if (next?.r && next.mark.paragraph === it.mark.paragraph && next.cue !== "continues paragraph") {
        it.r = next.r;
        it.cue = "continues paragraph";
      } else if (prev?.r && prev.mark.paragraph === it.mark.paragraph - 1 && this.startsParagraph(it.mark)) {
        it.r = prev.r;
        it.cue = prev.mark.openEnded ? "continues quote" : "continues previous paragraph";
      }
    }
    const out: (Quote & { via: Span })[] = [];
    for (const it of items) {
      if (!it.r) continue;
      const si = sentenceAt(this.ctx, it.mark.inner.start);
      const se = sentenceAt(this.ctx, Math.max(it.mark.inner.start, it.mark.close - 1));
      const s0 = this.ctx.sentences[si]!;
      const s1 = this.ctx.sentences[se]!;
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
      } as Quote & { via: Span; speakerId: number });
    }
    return out;
  }

  private startsParagraph(mark: QuoteMark): boolean {
    const { text } = this.ctx;
    return mark.open === 0 || text.slice(Math.max(0, mark.open - 2), mark.open) === "\n\n";
  }

  // ---- indirect statements ------------------------------------------------------------

  indirectQuotes(): (Quote & { via: Span })[] {
    const { tokens, sentences, quoteOf, text, marks } = this.ctx;
    const out: (Quote & { via: Span })[] = [];
    const speech = marks.map((m) => this.isSpeechQuote(m));
    const markByOpen = new Map(marks.map((m, i) => [m.open, i]));
    let mp = 0;
    for (const s of sentences) {
      let hasCue = false;
      for (let v = s.t0; v < s.t1; v++) {
        if (quoteOf[v]! >= 0) continue;
        const t = tokens[v]!;
        const phrase = this.isPhraseCue(v);
        const verb = t.word && !isCapitalised(t.text) && INDIRECT_VERBS.has(t.text);
        const noun = STATEMENT_NOUNS.has(low(t));
        if (!verb && !phrase && !noun) continue;
        const r = noun ? this.possessor(v, s.t0) : this.subjectBefore(v, s.t0);
        if (!r) continue;
        if (!noun) hasCue = true;
        // Find the clause: "that" within a few tokens, or a bare clause opened by a pronoun or "the".
        let c = v + (phrase || 1);
        let found = -1;
        for (let k = c; k < s.t1 && k < c + 8; k++) {
          if (quoteOf[k]! >= 0 || /^[.;:"]$/.test(tokens[k]!.text)) break;
          if (low(tokens[k]) === "that") {
            found = k + 1;
            break;
          }
        }
        if (found < 0 && !noun) {
          while (
            c < s.t1 &&
            (WEEKDAYS.has(tokens[c]!.text) ||
              /^(on|last|this|today|yesterday|week|recently|earlier|later)$/.test(low(tokens[c])))
          )
            c++;
          if (/^(he|she|they|it|we|i|the)$/.test(low(tokens[c])) && quoteOf[c]! < 0) found = c;
        }
        if (found < 0 || found >= s.t1) continue;
        // "Marsh said she ...": the reported clause's own pronoun shows the speaker's gender.
        if (r.entity.type === "person" && !r.entity.gender && found === v + (phrase || 1)) {
          const pw = low(tokens[found]);
          if (/^(she|her)$/.test(pw)) r.entity.gender = "f";
          else if (/^(he|his)$/.test(pw)) r.entity.gender = "m";
        }
        // The clause runs to the sentence end, "; ", ", according to", or a direct quote.
        let e = found;
        let words = 0;
        let hitQuote = false;
        while (e < s.t1) {
          const tk = tokens[e]!;
          if (quoteOf[e]! >= 0 || tk.text === '"') {
            // A scare quote inside the clause ("had "switched off" at ...") is part of it.
            const mi = quoteOf[e]! >= 0 ? quoteOf[e]! : (markByOpen.get(tk.start) ?? -1);
            if (mi >= 0 && !speech[mi] && !marks[mi]!.openEnded) {
              while (e < s.t1 && tokens[e]!.start <= marks[mi]!.close) {
                if (tokens[e]!.word) words++;
                e++;
              }
              continue;
            }
            hitQuote = true;
            break;
          }
          // A new coordinated clause ("..., and Russian officials argue ...") ends the statement.
          if (
            tk.text === ";" ||
            (tk.text === "," && /^(according|and|but|while|whereas)$/.test(low(tokens[e + 1])))
          )
            break;
          if (tk.word) words++;
          e++;
        }
        // A partial quote inside reported speech is the direct quote; the paraphrase only
        // counts when it says something on its own before the quote begins.
        if (hitQuote && words < 6) continue;
        if (words < 2) continue;
        const clause = text.slice(tokens[found]!.start, tokens[e - 1]!.end).replace(/[\s,\u2014.]+$/, "");
        if (!clause) continue;
        const span = { start: tokens[found]!.start, start2: 0, end: tokens[found]!.start + clause.length };
        out.push({
          text: clause,
          speaker: r.entity.name,
          kind: "indirect",
          span: { start: span.start, end: span.end },
          evidence: { start: s.start, end: s.end },
          sentence: s.index,
          cue: noun
            ? `${t.text} that`
            : phrase
              ? tokens
                  .slice(v, v + phrase)
                  .map((x) => x.text)
                  .join(" ")
              : t.text,
          defective: s.defective,
          via: r.via,
          speakerId: r.entity.id,
        } as Quote & { via: Span; speakerId: number });
        v = e;
      }
      // "..., according to X." / "According to X, ...": only when nothing else attributes the sentence.
      if (hasCue) continue;
      while (mp < marks.length && marks[mp]!.open < s.start) mp++;
      const hasDirect = mp < marks.length && marks[mp]!.open < s.end;
      if (hasDirect) continue;
      for (let v = s.t0; v + 1 < s.t1; v++) {
        if (low(tokens[v]) !== "according" || low(tokens[v + 1]) !== "to" || quoteOf[v]! >= 0) continue;
        let j = v + 2;
        while (j < s.t1 && this.npish(tokens[j]) && j - v < 12) j++;
        const r = this.resolve(v + 2, j);
        if (!r) break;
        let a: number, b: number;
        if (v === s.t0) {
          a = low(tokens[j]) === "," ? j + 1 : j;
          b = s.t1;
        } else {
          a = s.t0;
          b = low(tokens[v - 1]) === "," ? v - 1 : v;
        }
        if (b - a < 3) break;
        const clause = text.slice(tokens[a]!.start, tokens[b - 1]!.end).replace(/[\s,.]+$/, "");
        out.push({
          text: clause,
          speaker: r.entity.name,
          kind: "indirect",
          span: { start: tokens[a]!.start, end: tokens[a]!.start + clause.length },
          evidence: { start: s.start, end: s.end },
          sentence: s.index,
          cue: "according to",
          defective: s.defective,
          via: r.via,
          speakerId: r.entity.id,
        } as Quote & { via: Span; speakerId: number });
        break;
      }
    }
    return out;
  }
}
