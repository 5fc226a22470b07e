import type { Context } from "./context";
import { ownerKey, placeOwner, type Mention } from "./system-shapes";
import type { SystemStatus } from "./types";

/**
 * What the article says happened to a weapon at one mention, read from the words of its clause:
 *
 * 1. inside the mention: "Western-supplied" (sent), "drone attack" (used: mentioned);
 * 2. a participle right after it: "weapons supplied to X" (sent), "missiles fired by X" (mentioned);
 * 3. the nearest cue before it in the clause: a supply verb with its frame ("will send": pledged,
 *    "refused to send": withheld, "asked Germany to send": requested), a pledge, request or
 *    refusal verb, or a use verb ("fired", "intercepted", "struck ... with": mentioned);
 * 4. the predicate after it when it is the subject: "were delivered" (sent), "will still be
 *    prohibited" (withheld), "was intercepted" (mentioned), "hit the port" (mentioned);
 * 5. a noun before it: "the aid package includes" (pledged), "sales of" / "delivery of" (pledged);
 * 6. otherwise it is only mentioned.
 *
 * A supply verb whose object heads for a target ("sent drones toward Kyiv") is an attack, and
 * "sent to the bottom" is a sinking. Weapons a clear aid recipient fires or uses are sent.
 */

export type StatusReading = {
  status: SystemStatus;
  /** The words that decided, as in the text. */
  cue: string | null;
  how: "inside" | "relative" | "verb" | "predicate" | "noun" | "transfer" | "default";
  /** The cue is hedged ("could send", "considering whether to send"). */
  hedged: boolean;
  /** The decision rests on a weapon used by the side it was given to. */
  recipient?: string;
  /** ", and" stood between the cue and the mention (the mention may start a new clause). */
  clause?: boolean;
};

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

const SENT_PAST = set(
  "delivered sent supplied provided gave given shipped donated transferred received handed dispatched added obtained acquired lent loaned",
);
const SEND_ING = set("providing supplying sending delivering giving donating transferring handing lending");
const SEND_BASE = set("send provide supply deliver give donate transfer hand lend loan receive get release");
const PLEDGE_VERBS = set(
  "pledged pledge pledges pledging promised promise promises promising announced announce announces approved approve approves approving committed commit commits vowed vow vows offered offer offers earmarked authorized authorised authorize authorise accelerating accelerate accelerated expedite expediting expedited",
);
const PLEDGE_NOUNS = set(
  "package packages tranche tranches assistance aid commitment commitments delivery deliveries sale sales pledge pledges",
);
const INCLUDE = set("include includes including included");
const REQUEST_VERBS = set(
  "requested request requests requesting pleaded pleading plead pleads appealed appealing urged urging urge urges demanded demanding demand demands sought seeking seek seeks wanted want wants wanting lobbying lobbied lobby begged begging beg",
);
// Only with "for" within three words: "called for", "pushing hard for", "asked the US for".
const REQUEST_FOR = set(
  "asked asking ask asks called calling calls call pushing pushed push pushes pressing pressed press plea pleas appeal appeals requests hoped hoping hopes hope",
);
const WITHHOLD = set(
  "balked balking refused refuses refusing refuse declined declines declining reluctant hesitant hesitated hesitating resisted resisting resist withheld withholding withhold withholds vetoed veto rejected rejecting reject undecided stuck halted halt halts halting paused pause pauses pausing suspended suspend suspends suspending blocked block blocks blocking delayed delay delays delaying froze frozen freeze banned ban bans prohibited prohibit prohibits barred denied deny denies opposed oppose opposes opposing cautious wary",
);
const NEGATION = /^(not|never|no|cannot)$|n't$/;
const USE = set(
  "test-fired test-launched test-fire test-firing use used using uses resort fired firing fire fires launched launching launch launches threatened threatening destroyed downed captured shot shoot shooting intercepted intercepting intercept intercepts against struck strike striking hit hits hitting target targeted targeting targets tested testing test tests flying flew flown fly flies dropped dropping drop released deployed deploying deploy deploys sank sunk sinking sink attacked attacking attack damaged operating operated operates operate built building developed developing produced producing manufactured unveiled displayed paraded upgraded upgrading carrying carried carries escorted aboard onboard practiced practised bombed employed involving involved led leading sailed sailing patrolled patrolling joined escorting shadowed shadowing tracked tracking participated",
);
const BOUNDARY = set("; but while whereas although though however");
const AUX = set(
  "is are was were be been being has have had will would shall could can may might must should",
);
const ADVERBS = set(
  "also still now already not never yet reportedly currently then soon just first previously successfully later recently since even",
);
const FUTURE = set("will would shall could can may might must should be");
const HEDGE = set(
  "could may might whether considering consider weighing weigh debating debate discussing discuss possible possibly if",
);
const TARGET_DIRECTION = set("at toward towards against over");
const LIST = set("including include includes included like dubbed called named known");
const PREP_BREAK = set(
  "from in on at by into onto over under through during after before since via across within without upon among between toward towards near off",
);
const QUANTITY = set(
  "thousands hundreds dozens millions tens scores number numbers series slew lot lots batch batches range categories category types type kinds kind variety set sets couple pair pairs fleet fleets squadron batteries battery shipment shipments supply supplies stock stocks stockpile stockpiles arsenal barrage barrages salvo salvos wave waves volley swarm swarms consignment consignments total more most some all none each one two three four five six seven eight nine ten dozen hundred thousand rest remainder",
);
const SPEECH = set("said says say told tells added noted argued warned insisted explained stressed");
const DETERMINERS = set("the a an its their his her our this that these those more new further any some");
const NEED_ADVERB = set("still urgently badly desperately also really");
const TRANSFER_NOUNS = set("transfer transfers shipment shipments supply supplies export exports");
const PREDICATE_VERBS =
  /^(hit|struck|fired|launched|sank|destroyed|attacked|targeted|bombed|flew|dropped|released|intercepted|shot|downed|participated|carried|crashed|exploded|damaged|led|sailed|patrolled|joined|escorted|shadowed|tracked|took|tested|used|deployed|operated|test-fired)$/;
const SUPPLY_WORDS = new Set([SENT_PAST, SEND_ING, SEND_BASE, PLEDGE_NOUNS].flatMap((x) => [...x]));
/** Every word that can be (part of) a cue; all other words only count towards the distance. */
const CUE_WORDS = new Set([
  ...[
    SENT_PAST,
    SEND_ING,
    SEND_BASE,
    WITHHOLD,
    PLEDGE_VERBS,
    PLEDGE_NOUNS,
    REQUEST_VERBS,
    REQUEST_FOR,
    USE,
  ].flatMap((x) => [...x]),
  ..."short out back beyond up delivery need needs needed deny denies denied denying".split(" "),
]);
const SUBJECT_BREAK = set("at on against toward towards into in of from over by");

type W = { w: string; t: number };

const isUpper = (s: string) => {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(s);
};

const isShip = (m: Mention) =>
  m.shape === "ship" ||
  /^(warship|naval vessel|aircraft carrier|destroyer|frigate|corvette|cruiser|submarine|battleship)$/.test(
    m.head ?? "",
  ) ||
  /ship|destroyer|frigate|cruiser|carrier$|submarine|corvette/.test(m.category);

/** Words (and the punctuation that bounds clauses) of one sentence, lower-cased; built once per sentence. */
export class StatusReader {
  private cache = new Map<number, W[]>();
  /** Clear aid recipients: named at least twice as the destination of a supply (computed when first needed). */
  private recipientSet: Set<string> | null = null;
  get recipients(): Set<string> {
    return (this.recipientSet ??= this.findRecipients());
  }

  /** For each token, 1 + the index of the mention covering it (0 when none). */
  private covered: Int32Array;
  private ids = new Map<Mention, number>();

  constructor(
    private ctx: Context,
    mentions: Mention[],
    /** The tokens lower-cased, when the caller has them already. */
    private low: string[] = ctx.tokens.map((t) => t.text.toLowerCase()),
  ) {
    this.covered = new Int32Array(ctx.tokens.length);
    mentions.forEach((m, i) => {
      this.ids.set(m, i + 1);
      for (let t = m.t0; t < m.t1; t++) this.covered[t] = i + 1;
    });
  }

  private id(m: Mention): number {
    return this.ids.get(m) ?? -1;
  }

  private words(si: number): W[] {
    let ws = this.cache.get(si);
    if (ws) return ws;
    const s = this.ctx.sentences[si]!;
    ws = [];
    for (let t = s.t0; t < s.t1; t++) {
      const tk = this.ctx.tokens[t]!;
      if (tk.word || (tk.text.length === 1 && ";:,()".includes(tk.text))) ws.push({ w: this.low[t]!, t });
    }
    this.cache.set(si, ws);
    return ws;
  }

  private capital(ws: W[], k: number): boolean {
    const x = ws[k];
    return !!x && /^\p{Lu}/u.test(this.text(x.t));
  }

  /** The six words before word k. */
  private prev(ws: W[], k: number): string[] {
    const out: string[] = [];
    for (let j = Math.max(0, k - 6); j < k; j++) out.push(ws[j]!.w);
    return out;
  }

  private text(t: number): string {
    return this.ctx.tokens[t]!.text;
  }

  private findRecipients(): Set<string> {
    const count = new Map<string, number>();
    const { tokens, sentences } = this.ctx;
    const add = (x: string) => {
      const key = placeOwner(x) ?? ownerKey([x]);
      count.set(key, (count.get(key) ?? 0) + 1);
    };
    // Word tokens of one sentence from t on, skipping punctuation.
    const next = (t: number, end: number) => {
      while (t < end && !tokens[t]!.word) t++;
      return t;
    };
    for (const s of sentences) {
      if (s.prose === false) continue;
      for (let t = s.t0; t < s.t1; t++) {
        const w = tokens[t]!.text;
        if (!tokens[t]!.word || isUpper(w)) continue;
        if (!SUPPLY_WORDS.has(w)) continue;
        if (w === "received" || w === "receive" || w === "get") continue;
        // "sent tanks to Ukraine", "aid for Kyiv"
        for (let j = next(t + 1, s.t1), n = 0; j < s.t1 && n < 8; j = next(j + 1, s.t1), n++) {
          const x = tokens[j]!.text;
          if (x === "to" || x === "for") {
            let r = next(j + 1, s.t1);
            if (tokens[r]?.text === "the") r = next(r + 1, s.t1);
            if (r < s.t1 && isUpper(tokens[r]!.text)) add(tokens[r]!.text);
            break;
          }
        }
        // "giving Ukraine fighter jets"
        const io = next(t + 1, s.t1);
        if (io < s.t1 && (SEND_ING.has(w) || SEND_BASE.has(w) || w === "gave") && isUpper(tokens[io]!.text))
          add(tokens[io]!.text);
      }
    }
    return new Set([...count].filter(([, n]) => n >= 2).map(([k]) => k));
  }

  read(m: Mention): StatusReading {
    const none: StatusReading = { status: "mentioned", cue: null, how: "default", hedged: false };
    if (m.supplied) return { status: "sent", cue: `-${m.supplied}`, how: "inside", hedged: false };
    if (m.event) return { status: "mentioned", cue: m.event, how: "inside", hedged: false };
    const ws = this.words(m.sentence);
    let a = 0;
    while (a < ws.length && ws[a]!.t < m.t0) a++;
    let b = a;
    while (b < ws.length && ws[b]!.t < m.t1) b++;
    const lead = ws[a - 1];
    if (lead && /-(supplied|provided|donated|delivered)$/.test(lead.w))
      return { status: "sent", cue: this.text(lead.t), how: "inside", hedged: false };
    const relative = this.relative(ws, b, m);
    if (relative) return relative;
    const back = this.backward(ws, a, b, m);
    const fwd = this.predicate(ws, b, m);
    // "..., and the ex-Ogden was sunk": a subject with its own predicate after ", and".
    if (back && back.how === "verb" && !(back.clause && fwd)) return back;
    if (fwd) return fwd;
    if (back) return back;
    if (m.transfer) return { status: "sent", cue: m.transfer, how: "transfer", hedged: false };
    return none;
  }

  /** A participle right after the mention: "weapons supplied to the Houthis", "missiles fired by". */
  /** Past coordinated mentions after word b: "NASAMS and IRIS-T batteries, supplied by ..." */
  private pastCoordinated(ws: W[], b: number, m: Mention): number {
    let j = b;
    while (
      (ws[j]?.w === "and" || ws[j]?.w === ",") &&
      ws[j + 1] &&
      this.covered[ws[j + 1]!.t] &&
      this.covered[ws[j + 1]!.t] !== this.id(m)
    ) {
      const other = this.covered[ws[j + 1]!.t];
      j += 1;
      while (ws[j] && this.covered[ws[j]!.t] === other) j++;
    }
    return j;
  }

  private relative(ws: W[], b: number, m: Mention): StatusReading | null {
    b = this.pastCoordinated(ws, b, m);
    // ", which Germany delivered last year", "that were sent in March"
    const rel = ws[b]?.w === "," ? b + 1 : b;
    if (/^(which|that)$/.test(ws[rel]?.w ?? "")) {
      for (let j = rel + 1; j < Math.min(ws.length, rel + 8); j++) {
        const x = ws[j]!.w;
        if (x === "," || BOUNDARY.has(x)) break;
        const cue = this.text(ws[j]!.t);
        const neg = ws.slice(rel + 1, j).some((y) => NEGATION.test(y.w));
        const fut = ws
          .slice(rel + 1, j)
          .some(
            (y) => (FUTURE.has(y.w) && y.w !== "be") || /^(due|expected|set|scheduled|slated)$/.test(y.w),
          );
        if (SENT_PAST.has(x) && x !== "added")
          return { status: neg ? "withheld" : fut ? "pledged" : "sent", cue, how: "relative", hedged: false };
        if (/^(pledged|promised|approved|offered|committed)$/.test(x))
          return { status: neg ? "withheld" : "pledged", cue, how: "relative", hedged: false };
        if (WITHHOLD.has(x)) return { status: "withheld", cue, how: "relative", hedged: false };
        if (/^(requested|sought)$/.test(x))
          return { status: "requested", cue, how: "relative", hedged: false };
      }
    }
    let j = b;
    if (ws[j]?.w === ",") j++;
    const w = ws[j]?.w;
    if (!w) return null;
    const n = ws[j + 1]?.w ?? "";
    if (
      !/^(to|by|from|for|in|into|last|earlier|this|since|under|over|at|during|on|against|toward|towards|,|;|)$/.test(
        n,
      )
    )
      return null;
    const cue = this.text(ws[j]!.t);
    if (w === "sent" && this.bottom(ws, j + 1))
      return { status: "mentioned", cue: "sent to the bottom", how: "relative", hedged: false };
    if (SENT_PAST.has(w) && w !== "received" && w !== "added" && w !== "obtained" && w !== "acquired") {
      if (w === "sent" && TARGET_DIRECTION.has(n))
        return { status: "mentioned", cue, how: "relative", hedged: false };
      return { status: "sent", cue, how: "relative", hedged: false };
    }
    if (/^(pledged|promised|approved|announced|earmarked|offered|committed|authorized|authorised)$/.test(w))
      return { status: "pledged", cue, how: "relative", hedged: false };
    if (/^(requested|sought)$/.test(w)) return { status: "requested", cue, how: "relative", hedged: false };
    if (/^(withheld|blocked|banned|delayed|halted|frozen|prohibited)$/.test(w))
      return { status: "withheld", cue, how: "relative", hedged: false };
    if (
      /^(fired|launched|used|deployed|intercepted|dropped|tested|shot|downed|flown)$/.test(w) &&
      m.transfer === null
    )
      return this.use(ws, j, m, cue, "relative");
    return null;
  }

  private bottom(ws: W[], j: number): boolean {
    return (
      ws[j]?.w === "to" &&
      ws[j + 1]?.w === "the" &&
      /^(bottom|seabed|seafloor|ocean)$/.test(ws[j + 2]?.w ?? "")
    );
  }

  /** The status a supply verb has in its frame: "refused to send", "asked Germany to send", "will send". */
  private frame(prev: string[], fallback: SystemStatus): { status: SystemStatus; hedged: boolean } {
    const p = prev.slice(-6);
    const hedged = p.some((w) => HEDGE.has(w)) || (p.includes("ruled") && p.some((w) => NEGATION.test(w)));
    // "is considering sending", "weighing whether to send": not decided, so not given.
    const deliberating = p.some((w) =>
      /^(?:consider|considering|weighing|debating|mulling|discussing)$/.test(w),
    );
    if (
      deliberating ||
      p.some((w) => WITHHOLD.has(w) || NEGATION.test(w) || w === "whether" || w === "short" || w === "ruled")
    )
      return { status: "withheld", hedged };
    if (
      p.some(
        (w) =>
          REQUEST_VERBS.has(w) ||
          /^(asked|asking|ask|asks|urged|pushing|pressing|calling|called|calls)$/.test(w),
      )
    )
      return { status: "requested", hedged };
    // "the first country to send": done, unless still to come ("will be the first to send").
    if (
      fallback === "pledged" &&
      p.includes("first") &&
      !p.some((w) => /^(will|would|shall|could|may|might)$/.test(w))
    )
      return { status: "sent", hedged };
    if (
      p.some((w) =>
        /^(will|would|shall|'ll|plans|plan|planned|planning|agreed|agree|decided|set|going|expects|expected|continue|continues|soon|could|may|might|intends|intend|ready|prepared|promised|pledged|vowed|committed)$/.test(
          w,
        ),
      )
    )
      return { status: "pledged", hedged };
    return { status: fallback, hedged };
  }

  private backward(ws: W[], a: number, b: number, m: Mention): StatusReading | null {
    let noun: StatusReading | null = null;
    let negated = false;
    // Words between the cue and the mention (other mentions, commas and "and" not counted): a
    // supply verb governs the mention only across a short run without a breaking preposition.
    let gap = 0;
    let broken = false;
    let comma = false;
    let nounAt = a;
    // "the group included the cruiser X": membership, unless a verb further back decides.
    let included: string | null = null;
    const first = this.ctx.sentences[m.sentence]!.t0;
    const stop = Math.max(0, a - 30);
    let cue = "";
    const verb = (status: SystemStatus, hedged = false, words = cue): StatusReading => ({
      status,
      cue: words,
      how: "verb",
      hedged,
      clause: comma,
    });
    // Words that are no cue only move the cue further away (and may break its hold).
    const advance = (w: string, before: string, k: number) => {
      // "$60 billion in aid": an amount's "in" keeps the hold.
      const amount = w === "in" && /^(billion|million|thousand|worth|\$?\d[\d,.]*)$/.test(before);
      // "at least 30 tanks", "up to 40 drones": quantities, not prepositions.
      const quantity =
        (w === "at" && /^(least|most)$/.test(ws[k + 1]?.w ?? "")) || (w === "up" && ws[k + 1]?.w === "to");
      if ((PREP_BREAK.has(w) && !amount && !quantity) || SPEECH.has(w)) broken = true;
      else if (w === "to") {
        const n = ws[k + 1];
        if (n && !isUpper(this.text(n.t)) && !DETERMINERS.has(n.w) && !this.covered[n.t]) broken = true;
      } else if (w === "of" && !this.quantityBefore(ws, k)) broken = true;
      gap++;
    };
    for (let k = a - 1; k >= stop; k--) {
      const x = ws[k]!;
      if (this.covered[x.t] && this.covered[x.t] !== this.id(m)) continue;
      const w = x.w;
      if (BOUNDARY.has(w)) break;
      if (w === "," || w === "and" || w === "or" || w === "(" || w === ")") {
        if (w === "," && ws[k + 1]?.w === "and") comma = true;
        continue;
      }
      if (noun && nounAt - k > 12) break;
      const before = k > 0 ? ws[k - 1]!.w : "";
      if (
        w === ":" ||
        (LIST.has(w) && ws[k + 1]?.w !== "for") ||
        (w === "as" && (before === "such" || before === "known"))
      ) {
        if (INCLUDE.has(w) && !noun && this.prev(ws, k).some((y) => PLEDGE_NOUNS.has(y) || y === "aid"))
          noun = { status: "pledged", cue: this.text(x.t), how: "noun", hedged: false };
        else if (INCLUDE.has(w) && !included) included = this.text(x.t);
        if (noun) nounAt = k;
        gap = 0;
        broken = false;
        continue;
      }
      if (/^(no|not|never)$/.test(w) && !noun) negated = true;
      // Cue words are lower case ("Carrier Strike Group" is a name), except at the sentence start.
      const raw = this.text(x.t);
      if (isUpper(raw) && x.t !== first) {
        gap++;
        continue;
      }
      if (!CUE_WORDS.has(w)) {
        advance(w, before, k);
        continue;
      }
      cue = raw;
      const two = `${before} ${w}`;
      const governs = !broken && gap <= (noun ? 9 : 7);
      const supply =
        two === "stopped short" ||
        two === "ruled out" ||
        /^(held|holding|hold) back$/.test(two) ||
        (w === "short" && ws[k + 1]?.w === "of") ||
        two === "gone beyond" ||
        two === "moved beyond" ||
        two === "speeding up" ||
        two === "sped up" ||
        SENT_PAST.has(w) ||
        SEND_ING.has(w) ||
        SEND_BASE.has(w) ||
        WITHHOLD.has(w) ||
        PLEDGE_VERBS.has(w) ||
        REQUEST_VERBS.has(w) ||
        (REQUEST_FOR.has(w) && ws.slice(k + 1, Math.min(a, k + 4)).some((y) => y.w === "for"));
      // "Kyiv needs", "it still needed": a subject right before (not "the weapons they need").
      const subject = (j: number) => this.capital(ws, j) || /^(it|they|we|he|she)$/.test(ws[j]?.w ?? "");
      const need =
        /^(needs|need|needed)$/.test(w) &&
        !/^(to|,|including|like)$/.test(ws[k + 1]?.w ?? "") &&
        (subject(k - 1) || (NEED_ADVERB.has(before) && subject(k - 2)));
      if ((supply || need) && !governs) return noun;
      // "the 60 pledged Abrams tanks", "the promised F-16s": an adjective; the verb further back,
      // or the predicate after, decides.
      if (
        gap <= 1 &&
        /^(pledged|promised|requested|announced|approved|long-awaited)$/.test(w) &&
        /^(the|its|their|of|\d[\d,]*)$/.test(before)
      ) {
        noun ??= { status: w === "requested" ? "requested" : "pledged", cue, how: "noun", hedged: false };
        nounAt = k;
        continue;
      }
      if (/^(took|taken|taking|takes|take) delivery$/.test(two)) return verb("sent", false, two);
      if (
        two === "ruled out" &&
        this.prev(ws, k)
          .slice(-3)
          .some((y) => NEGATION.test(y))
      )
        return verb("withheld", true, `not ${two}`);
      if (two === "stopped short" || two === "ruled out" || /^(held|holding|hold) back$/.test(two))
        return verb("withheld", false, two);
      if (w === "short" && ws[k + 1]?.w === "of") return verb("withheld", false, "short of");
      if (two === "gone beyond" || two === "moved beyond") return verb("sent", false, two);
      if (two === "speeding up" || two === "sped up") return verb("pledged", false, two);
      if (SEND_BASE.has(w) && /^(the|a|an|new|its|their|more|further)$/.test(before)) {
        // "the new supply of": a noun, not a verb.
        if (!noun) noun = { status: "pledged", cue, how: "noun", hedged: false };
        gap++;
        continue;
      }
      if (SENT_PAST.has(w) || SEND_ING.has(w) || SEND_BASE.has(w)) {
        // "give the bombers the lethality of ...": the mention is who gets something, not what is given.
        if (/^(the|a|an|its|their|his|her|our)$/.test(ws[b]?.w ?? "") && gap === 0) return null;
        if (w === "added" && m.transfer) continue;
        if (this.targeted(ws, b)) return verb("mentioned", false, `${cue} ... toward`);
        // A navy "sends" its own ships and carriers somewhere: a deployment, not a transfer.
        if (/^(sent|send|sends|sending|dispatched)$/.test(w) && isShip(m))
          return verb("mentioned", false, `${cue} (deployed)`);
        if (SENT_PAST.has(w)) {
          const neg =
            negated ||
            this.prev(ws, k)
              .slice(-3)
              .some((y) => NEGATION.test(y) || y === "yet");
          return verb(neg ? "withheld" : "sent");
        }
        if (/^(deny|denies|denied|denying)$/.test(before)) return verb("mentioned", true, `${before} ${cue}`);
        const f = this.frame(
          this.prev(ws, k),
          SEND_ING.has(w) ? "sent" : w === "get" ? "requested" : "pledged",
        );
        return verb(negated && f.status !== "requested" ? "withheld" : f.status, f.hedged);
      }
      // "denies supplying": a denial of a claim, not a refusal.
      if (/^(deny|denies|denied|denying)$/.test(w) && /ing$/.test(ws[k + 1]?.w ?? ""))
        return verb("mentioned", true, `${cue} ${this.text(ws[k + 1]!.t)}`);
      if (WITHHOLD.has(w)) return verb("withheld");
      if (PLEDGE_VERBS.has(w)) {
        const f = this.frame(this.prev(ws, k), "pledged");
        return verb(f.status === "withheld" || negated ? "withheld" : "pledged", f.hedged);
      }
      if (REQUEST_VERBS.has(w)) return verb("requested");
      if (need) return verb("requested");
      if (REQUEST_FOR.has(w) && ws.slice(k + 1, Math.min(a, k + 4)).some((y) => y.w === "for"))
        return verb("requested");
      if (PLEDGE_NOUNS.has(w)) {
        // The noun is the object now: "provided ... military assistance, including X".
        noun ??= { status: "pledged", cue, how: "noun", hedged: false };
        nounAt = k;
        gap = 0;
        broken = false;
        continue;
      } else if (USE.has(w) && !m.transfer && !noun) {
        if (w === "against" && /^(sending|supplying|providing|giving|delivering)$/.test(ws[k + 1]?.w ?? ""))
          return verb("withheld");
        if (governs || gap <= 12) return { ...this.use(ws, k, m, cue, "verb", governs), clause: comma };
        return null;
      }
      advance(w, before, k);
    }
    return noun ?? (included ? { status: "mentioned", cue: included, how: "noun", hedged: false } : null);
  }

  /** "thousands of", "the delivery to Ukraine of": "of" after a quantity or supply noun keeps the verb's hold. */
  private quantityBefore(ws: W[], k: number): boolean {
    let j = k - 1;
    // Skip a recipient: "the delivery to Ukraine of two NASAMS".
    if (j >= 1 && /^\p{Lu}/u.test(this.text(ws[j]!.t)) && /^(to|for)$/.test(ws[j - 1]!.w)) j -= 2;
    const w = ws[j]?.w ?? "";
    return QUANTITY.has(w) || PLEDGE_NOUNS.has(w) || TRANSFER_NOUNS.has(w) || /^\d/.test(w);
  }

  /** "sent drones toward Kyiv": the object is aimed at a target. */
  private targeted(ws: W[], b: number): boolean {
    for (let j = b; j < Math.min(ws.length, b + 3); j++) if (TARGET_DIRECTION.has(ws[j]!.w)) return true;
    return false;
  }

  /** A use verb at k: mentioned, unless a clear aid recipient is the one using it (then sent). */
  private use(
    ws: W[],
    k: number,
    m: Mention,
    cue: string,
    how: StatusReading["how"],
    governs = true,
  ): StatusReading {
    const verbUse =
      governs &&
      /^(use|used|using|uses|fired|firing|fire|fires|launched|launching|launch|deployed|deploying|employed)$/.test(
        ws[k]!.w,
      );
    if (verbUse && this.recipients.size) {
      const user = m.owner && this.recipients.has(m.owner) ? m.owner : this.subject(ws, k);
      if (user) return { status: "sent", cue, how, hedged: false, recipient: user };
    }
    return { status: "mentioned", cue, how, hedged: false };
  }

  /** A recipient named as the subject in the few words before a verb. */
  private subject(ws: W[], k: number): string | null {
    for (let j = k - 1; j >= Math.max(0, k - 4); j--) {
      const x = ws[j]!;
      if (SUBJECT_BREAK.has(x.w) || x.w === ",") return null;
      const t = this.text(x.t);
      if (!/^\p{Lu}/u.test(t)) continue;
      const key = placeOwner(t) ?? ownerKey([t]);
      if (this.recipients.has(key)) return t;
    }
    return null;
  }

  /** The mention as subject: "were delivered", "will still be prohibited", "hit the port". */
  private predicate(ws: W[], b: number, m: Mention): StatusReading | null {
    let j = this.pastCoordinated(ws, b, m);
    // "The ex-USS Racine, a retired landing ship, was sunk": skip an appositive between commas.
    // Without the closing comma: "the ex-USS Dubuque, a 17,000-ton dock was sent to the bottom".
    if (ws[j]?.w === "," && /^(a|an|the)$/.test(ws[j + 1]?.w ?? "")) {
      let q = j + 1;
      while (q < Math.min(ws.length, j + 11) && ws[q]!.w !== "," && !AUX.has(ws[q]!.w)) q++;
      if (ws[q]?.w === ",") j = q + 1;
      else if (q < ws.length && AUX.has(ws[q]!.w)) j = q;
    } else if (ws[j]?.w === "," && (ADVERBS.has(ws[j + 1]?.w ?? "") || AUX.has(ws[j + 1]?.w ?? ""))) {
      // "USS Fitzgerald, also tested ...": the subject's predicate after a comma.
      j++;
    }
    // "A MiG-29 of the air force crashed": skip a short "of" phrase after the subject.
    if (ws[j]?.w === "of") {
      let q = j + 1;
      while (
        q < Math.min(ws.length, j + 6) &&
        ws[q]!.w !== "," &&
        !AUX.has(ws[q]!.w) &&
        !PREDICATE_VERBS.test(ws[q]!.w)
      )
        q++;
      if (q < ws.length && (AUX.has(ws[q]!.w) || PREDICATE_VERBS.test(ws[q]!.w))) j = q;
    }
    // "Sales of military equipment will ...": the mention may end a short subject.
    const aux: string[] = [];
    while (j < ws.length && (AUX.has(ws[j]!.w) || ADVERBS.has(ws[j]!.w)) && aux.length < 5)
      aux.push(ws[j++]!.w);
    const w = ws[j]?.w;
    if (!w) return null;
    const cue = this.text(ws[j]!.t);
    if (/^\p{Lu}/u.test(cue)) return null;
    const neg = aux.some((x) => NEGATION.test(x));
    const future = aux.some((x) => FUTURE.has(x)) && !aux.includes("been") && !aux.includes("being");
    const hedged = aux.some((x) => HEDGE.has(x));
    const say = (status: SystemStatus): StatusReading => ({ status, cue, how: "predicate", hedged });
    if (aux.some((x) => AUX.has(x))) {
      if (w === "sent" && this.bottom(ws, j + 1)) return { ...say("mentioned"), cue: "sent to the bottom" };
      if (SENT_PAST.has(w) && w !== "added") return say(neg ? "withheld" : future ? "pledged" : "sent");
      if (WITHHOLD.has(w) || (w === "held" && ws[j + 1]?.w === "back")) return say("withheld");
      if (/^(pledged|promised|approved|earmarked|offered|committed|announced)$/.test(w))
        return say(neg ? "withheld" : "pledged");
      if (/^(requested|sought)$/.test(w)) return say("requested");
      if (USE.has(w) && m.transfer === null) return { ...this.use(ws, j, m, cue, "predicate"), hedged };
      if (/^(arrive|arrived|arriving)$/.test(w)) return say(neg ? "withheld" : future ? "pledged" : "sent");
      // "are expected to arrive", "is due to be delivered"
      if (/^(expected|set|due|scheduled|slated|going)$/.test(w) && ws[j + 1]?.w === "to") {
        const v = ws[j + 2]?.w ?? "";
        const v2 = ws[j + 3]?.w ?? "";
        if (/^(arrive|reach)$/.test(v) || (v === "be" && (SENT_PAST.has(v2) || v2 === "handed")))
          return say(neg ? "withheld" : "pledged");
      }
      return null;
    }
    if (PREDICATE_VERBS.test(w)) return m.transfer ? null : this.use(ws, j, m, cue, "predicate");
    if (w === "arrived") return say("sent");
    return null;
  }
}
