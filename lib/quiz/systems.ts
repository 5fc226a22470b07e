import { sentenceAt, type Context } from "./context";
import { GENERIC_PREFIX, GENERIC_SYSTEMS, NAMED_DESCRIPTOR, NAMED_SYSTEMS } from "./systems-gazetteer";
import type { SystemMention, SystemStatus, WeaponSystem } from "./types";

/**
 * Finds weapon systems (gazetteer names and generic classes) and reads what the article says
 * happened to each from the clause around each mention: the nearest governing cue before it
 * (a supply verb with its modal, negation or request frame), or a passive after it.
 * Across mentions the furthest stage of the supply pipeline wins:
 * sent > pledged > withheld > requested > mentioned ("asked for, then held back" is withheld;
 * "held back, then sent" is sent).
 */

const RANK: Record<SystemStatus, number> = { sent: 4, pledged: 3, withheld: 2, requested: 1, mentioned: 0 };

// Named systems: one alternation of every full entry (with its class descriptor) is large and
// irregexp tries all of it at every position of the text, which was most of the analysis time.
// Instead a cheap alternation of the bare names (no descriptor, no groups) finds every position
// where some name could start; only there are the full per-entry patterns tried, sticky and in
// gazetteer order. That is the same leftmost-first match an alternation of the full entries
// would give, since any full match at a position implies its bare name matches there too.
const NAMED_HEAD_RE = new RegExp(
  `(?<![\\w-])(?:${NAMED_SYSTEMS.map((s) => `(?:${s.pattern})`).join("|")})`,
  "g",
);
const NAMED_FULL_RE = NAMED_SYSTEMS.map(
  (s) => new RegExp(`(?<![\\w-])(?:${s.pattern})${NAMED_DESCRIPTOR}(?![\\w-])`, "y"),
);

/** Matches of named systems in text order: leftmost, first gazetteer row wins, no overlaps. */
function namedMatches(text: string): { start: number; end: number; idx: number }[] {
  const out: { start: number; end: number; idx: number }[] = [];
  let lastEnd = 0;
  NAMED_HEAD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAMED_HEAD_RE.exec(text))) {
    const at = m.index;
    // Every candidate start, including ones inside a previous head ("Black Hawk" / "Hawk").
    NAMED_HEAD_RE.lastIndex = at + 1;
    if (at < lastEnd) continue;
    for (let i = 0; i < NAMED_FULL_RE.length; i++) {
      const re = NAMED_FULL_RE[i]!;
      re.lastIndex = at;
      const f = re.exec(text);
      if (!f) continue;
      out.push({ start: at, end: at + f[0].length, idx: i });
      lastEnd = at + f[0].length;
      break;
    }
  }
  return out;
}
const GENERIC_RE = new RegExp(
  GENERIC_SYSTEMS.map((s, i) => `(?<g${i}>(?<![\\w-])(?:${s.pattern})(?![\\w-]))`).join("|"),
  "gi",
);
// Evaluative adjectives are matched backwards from the class, on a short window: running the
// repeated prefix at every position of the text was the most expensive step of the analysis.
const PREFIX_RE = new RegExp(`(?<![\\w-])${GENERIC_PREFIX}$`, "i");

const SEND_PAST =
  /^(delivered|sent|supplied|provided|gave|given|shipped|donated|transferred|received|got|handed|dispatched|arrived|added|equipped|armed|obtained|acquired|fielded)$/;
const SEND_ING = /^(providing|supplying|sending|delivering|giving|shipping|donating|transferring|handing)$/;
const SEND_BASE = /^(send|provide|supply|deliver|give|ship|donate|transfer|hand)$/;
const PLEDGE =
  /^(pledged|pledge|pledges|promised|promise|promises|announced|approved|committed|commit|vowed|delivery|deliveries|accelerating|accelerate|accelerated|speeding|sped|expedite|expediting|package)$/;
const REQUEST =
  /^(requested|request|requests|requesting|asked|asking|ask|pushing|push|pressing|press|calls|called|calling|demanded|demanding|demand|sought|seeking|seek|wants|wanted|want|urged|urging|pleaded|pleading|appealed|lobbying|lobbied|get|obtain|acquire)$/;
const WITHHOLD =
  /^(balked|balking|refused|refuses|refusing|declined|declines|declining|reluctant|hesitant|hesitated|hesitating|resisted|resisting|withheld|withholding|vetoed|rejected|rejecting|undecided|stuck)$/;
const NEGATION = /^(not|never|no)$|n't$/;
const MENTION =
  /^(use|used|using|resort|fired|firing|launched|launching|threatened|threatening|warned|destroyed|downed|captured|shot|intercepted|against)$/;
const BOUNDARY = /^(;|but|while|whereas|although|though|however)$/;

type W = { w: string; start: number };

function words(s: string, base: number): W[] {
  const out: W[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}'\-]*|[;:]/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push({ w: m[0].toLowerCase(), start: base + m.index });
  return out;
}

/** Status of a supply verb given the few words before it ("whether to send", "would continue providing"). */
function frame(prev: string[], fallback: SystemStatus): SystemStatus {
  const p = prev.slice(-6);
  if (
    p.some((w) => WITHHOLD.test(w) || NEGATION.test(w) || w === "whether" || w === "short" || w === "ruled")
  )
    return "withheld";
  if (p.some((w) => REQUEST.test(w) && w !== "get")) return "requested";
  if (
    p.some((w) =>
      /^(will|would|shall|'ll|plans|plan|planned|agreed|decided|set|going|expects|expected|continue|continues|soon)$/.test(
        w,
      ),
    )
  )
    return "pledged";
  return fallback;
}

export function statusAt(
  ctx: Context,
  start: number,
  end: number,
): { status: SystemStatus; cue: string | null } {
  const s = ctx.sentences[sentenceAt(ctx, start)]!;
  // Supply adjectives inside the phrase itself: "Western-supplied anti-missile systems".
  if (/-(supplied|provided|donated)\b/i.test(ctx.text.slice(start, end)))
    return { status: "sent", cue: "supplied" };
  const before = words(ctx.text.slice(s.start, start), s.start);
  const ws = before.map((x) => x.w);
  for (let k = ws.length - 1, n = 0; k >= 0 && n < 30; k--, n++) {
    const w = ws[k]!;
    if (BOUNDARY.test(w)) break;
    const prev = ws.slice(Math.max(0, k - 6), k);
    const two = `${ws[k - 1] ?? ""} ${w}`;
    if (
      two === "stopped short" ||
      two === "ruled out" ||
      two === "held back" ||
      (w === "short" && ws[k + 1] === "of")
    )
      return { status: "withheld", cue: two };
    if (two === "gone beyond" || two === "moved beyond") return { status: "sent", cue: two };
    if (two === "speeding up" || two === "sped up") return { status: "pledged", cue: two };
    if (SEND_PAST.test(w))
      return {
        status:
          NEGATION.test(prev.slice(-3).join(" ")) ||
          prev.slice(-3).some((x) => NEGATION.test(x) || x === "yet")
            ? "withheld"
            : "sent",
        cue: w,
      };
    if (SEND_ING.test(w)) return { status: frame(prev, "sent"), cue: w };
    if (SEND_BASE.test(w)) return { status: frame(prev, "pledged"), cue: w };
    if (WITHHOLD.test(w)) return { status: "withheld", cue: w };
    if (PLEDGE.test(w))
      return { status: frame(prev, "pledged") === "withheld" ? "withheld" : "pledged", cue: w };
    if (REQUEST.test(w)) return { status: "requested", cue: w };
    if (MENTION.test(w)) return { status: "mentioned", cue: w };
  }
  // Passive after the mention: "Leopards were delivered", "tanks will be sent".
  const after = words(ctx.text.slice(end, s.end), end)
    .map((x) => x.w)
    .slice(0, 5);
  const aux = after.findIndex((w) => /^(were|was|have|has|had|are|is|will|would|be|being|been)$/.test(w));
  if (aux >= 0 && aux <= 1) {
    for (let k = aux; k < after.length; k++) {
      const w = after[k]!;
      if (SEND_PAST.test(w)) {
        const pre = after.slice(0, k);
        if (pre.some((x) => NEGATION.test(x))) return { status: "withheld", cue: w };
        return {
          status: pre.some((x) => /^(will|would|be)$/.test(x) && !pre.includes("been")) ? "pledged" : "sent",
          cue: w,
        };
      }
    }
  }
  return { status: "mentioned", cue: null };
}

export function findSystems(ctx: Context): WeaponSystem[] {
  const { text } = ctx;
  type Hit = { start: number; end: number; surface: string; named: boolean; idx: number };
  const hits: Hit[] = [];
  for (const m of namedMatches(text)) hits.push({ ...m, surface: text.slice(m.start, m.end), named: true });
  const namedSpans = hits.slice();
  let np = 0;
  for (const m of text.matchAll(GENERIC_RE)) {
    const g = m.groups ?? {};
    const idx = GENERIC_SYSTEMS.findIndex((_, i) => g[`g${i}`] !== undefined);
    const pre = PREFIX_RE.exec(text.slice(Math.max(0, m.index! - 80), m.index!));
    const start = m.index! - (pre ? pre[0].length : 0);
    const end = m.index! + m[0].length;
    // Named spans are sorted and disjoint, generic matches come in text order and reach back at
    // most 80 characters: a moving pointer keeps the overlap checks linear.
    while (np < namedSpans.length && namedSpans[np]!.end <= m.index! - 80) np++;
    let k = np;
    while (k < namedSpans.length && namedSpans[k]!.end <= start) k++;
    if (k < namedSpans.length && namedSpans[k]!.start < end) continue;
    // "an anti-missile system known as NASAMS": the class only describes the named system.
    const follow = text.slice(end, end + 40);
    if (
      /^,?\s+(?:known as|called|dubbed|named)\s+/.test(follow) &&
      namedSpans[k] &&
      namedSpans[k]!.start < end + 40
    )
      continue;
    hits.push({ start, end, surface: text.slice(start, end), named: false, idx });
  }
  hits.sort((a, b) => a.start - b.start);

  const byKey = new Map<string, WeaponSystem & { rank: number; order: number }>();
  for (const h of hits) {
    const sentence = sentenceAt(ctx, h.start);
    const s = ctx.sentences[sentence]!;
    const { status, cue } = statusAt(ctx, h.start, h.end);
    const mention: SystemMention = { start: h.start, end: h.end, sentence, text: h.surface, status, cue };
    const entry = h.named ? NAMED_SYSTEMS[h.idx]! : GENERIC_SYSTEMS[h.idx]!;
    const key = h.named ? `n:${(entry as { name: string }).name}` : `g:${(entry as { key: string }).key}`;
    let sys = byKey.get(key);
    if (!sys) {
      sys = {
        name: h.named ? (entry as { name: string }).name : h.surface,
        aliases: [],
        category: entry.category,
        kind: h.named ? "named" : "generic",
        status,
        evidence: { start: s.start, end: s.end },
        mentions: [],
        rank: -1,
        order: byKey.size,
        confidence: "high",
        reasons: [],
      };
      byKey.set(key, sys);
    }
    sys.mentions.push(mention);
    if (h.surface !== sys.name && !sys.aliases.includes(h.surface)) sys.aliases.push(h.surface);
    const usable = !s.defective || sys.rank < 0;
    if (RANK[status] > sys.rank && usable) {
      sys.rank = RANK[status];
      sys.status = status;
      sys.evidence = { start: s.start, end: s.end };
      if (!h.named && h.surface !== sys.name) {
        // A generic class is named after the mention that decided its status.
        sys.aliases = sys.aliases.filter((a) => a !== h.surface);
        sys.aliases.push(sys.name);
        sys.name = h.surface;
      }
    }
  }
  const all = [...byKey.values()];
  all.sort((a, b) => (a.kind === b.kind ? a.order - b.order : a.kind === "named" ? -1 : 1));
  return all.map(({ rank: _r, order: _o, ...rest }) => ({
    ...rest,
    aliases: rest.aliases.filter((a) => a !== rest.name),
  }));
}
