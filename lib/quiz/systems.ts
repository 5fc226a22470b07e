import type { Context } from "./context";
import { findMentions, type Mention } from "./system-shapes";
import { StatusReader, type StatusReading } from "./system-status";
import type { SystemMention, SystemStatus, WeaponSystem } from "./types";

/**
 * Weapon systems of an article: mentions found by their shapes (system-shapes.ts) are grouped
 * into systems, each mention's status is read from its clause (system-status.ts), and across
 * mentions the furthest stage of the supply pipeline wins:
 * sent > pledged > withheld > requested > mentioned ("asked for, then held back" is withheld;
 * "held back, then sent" is sent). Only prose counts: captions, credits, bylines and headings
 * never decide anything (the shape finder skips them).
 *
 * Grouping: named mentions that share a key (designation, name, acronym, ship name) are one
 * system ("the B-2", "B-2 bomber", "B-2 Spirit stealth bomber"; "Naval Strike Missile (NSM)" and
 * "NSM"). A generic class joins an earlier one of the same weapon word when their owners and
 * kinds do not disagree ("missiles" joins "Houthi ballistic missiles").
 */

const RANK: Record<SystemStatus, number> = { sent: 4, pledged: 3, withheld: 2, requested: 1, mentioned: 0 };

type Group = {
  mentions: Mention[];
  readings: StatusReading[];
  named: boolean;
  owner: string | null;
  head: string | null;
  types: string;
  abstract: boolean;
  last: number;
};

function groupMentions(mentions: Mention[]): Group[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const generics: Group[] = [];
  const add = (g: Group, m: Mention, i: number) => {
    g.mentions.push(m);
    g.last = i;
    if (m.named && m.shape !== "reference" && m.shape !== "repeat") g.named = true;
    if (!g.owner && m.owner) g.owner = m.owner;
    if (!m.abstract) g.abstract = false;
  };
  mentions.forEach((m, i) => {
    if (m.named) {
      const found = m.keys.map((k) => byKey.get(k)).filter((g): g is Group => !!g);
      let g = found[0];
      if (!g) {
        g = {
          mentions: [],
          readings: [],
          named: false,
          owner: null,
          head: m.head,
          types: "",
          abstract: false,
          last: i,
        };
        groups.push(g);
      } else {
        // Two systems found to be one (a name and its acronym met in one mention): merge.
        for (const other of found.slice(1)) {
          if (other === g) continue;
          for (const x of other.mentions) for (const k of x.keys) byKey.set(k, g);
          g.mentions.push(...other.mentions);
          other.mentions = [];
        }
      }
      add(g, m, i);
      for (const k of m.keys) byKey.set(k, g);
      return;
    }
    const types = m.types.join(" ");
    const compatible = (g: Group) =>
      g.head === m.head && g.abstract === m.abstract && (!g.owner || !m.owner || g.owner === m.owner);
    let g = generics.find((x) => compatible(x) && x.types === types && x.owner === m.owner);
    if (!g) {
      const candidates = generics.filter((x) => compatible(x) && (!types || !x.types || x.types === types));
      g = candidates.sort((x, y) => y.last - x.last)[0];
    }
    if (!g) {
      g = {
        mentions: [],
        readings: [],
        named: false,
        owner: m.owner,
        head: m.head,
        types,
        abstract: m.abstract,
        last: i,
      };
      groups.push(g);
      generics.push(g);
    }
    if (!g.types && types) g.types = types;
    add(g, m, i);
  });
  return groups.filter((g) => g.mentions.length);
}

const phrase = (r: StatusReading): string => {
  const q = r.cue ? `"${r.cue}"` : "";
  if (r.recipient) return `${r.recipient} ${q ? `${q} it` : "used it"}, so it had been handed over`;
  switch (r.status) {
    case "sent":
      return r.how === "transfer" ? `${q} describes weapons handed over` : `${q} says it was handed over`;
    case "pledged":
      return `${q} says it was promised, not yet delivered`;
    case "requested":
      return `${q} says someone asked for it`;
    case "withheld":
      return `${q} says it was held back`;
    default:
      return r.cue
        ? `${q} says it was used, tested or seen, not handed over`
        : "nothing in the article says it was sent, promised, asked for or held back";
  }
};

export function findSystems(ctx: Context): WeaponSystem[] {
  const { mentions, low } = findMentions(ctx);
  if (!mentions.length) return [];
  const reader = new StatusReader(ctx, mentions, low);
  const out: (WeaponSystem & { order: number; tier: number })[] = [];
  for (const g of groupMentions(mentions)) {
    let best = -1;
    let rank = -1;
    let explicit = false;
    const sms: SystemMention[] = [];
    const readings = g.mentions.map((m) => reader.read(m));
    readings.forEach((r, i) => {
      const m = g.mentions[i]!;
      sms.push({
        start: m.start,
        end: m.end,
        sentence: m.sentence,
        text: m.surface,
        status: r.status,
        cue: r.cue,
      });
      const defective = ctx.sentences[m.sentence]!.defective;
      if (defective && best >= 0) return;
      const cued = r.how !== "default";
      const better =
        RANK[r.status] > rank ||
        (RANK[r.status] === rank && cued && !explicit) ||
        (best >= 0 &&
          ctx.sentences[g.mentions[best]!.sentence]!.defective &&
          !defective &&
          RANK[r.status] >= rank);
      if (better) {
        best = i;
        rank = RANK[r.status];
        explicit = cued;
      }
    });
    const decided = readings[best]!;
    const dm = g.mentions[best]!;
    // A class that names no particular equipment is a system only when the article says it moved.
    if (g.abstract && decided.status === "mentioned") continue;

    const namers = g.mentions.filter((m) => m.shape !== "reference" && m.shape !== "repeat");
    const pool = namers.length ? namers : g.mentions;
    const namer = pool.reduce((a, b) => (b.nameScore > a.nameScore ? b : a));
    const categorizer = pool.reduce((a, b) => (b.categoryScore > a.categoryScore ? b : a));
    let name = namer.name;
    if (!g.named) name = name.replace(/^\S+'s?\s+/, "");
    const aliases: string[] = [];
    for (const m of g.mentions) {
      const a = m.surface.replace(/^(the|this|that|a|an)\s+/i, "");
      if (a !== name && !aliases.includes(a) && !/^(the|this|that)\s/i.test(m.surface)) aliases.push(a);
      else if (/^(the|this|that)\s/i.test(m.surface) && m.shape === "repeat" && !aliases.includes(m.surface))
        aliases.push(m.surface);
    }

    const reasons = [namer.why, phrase(decided)];
    let high = decided.how !== "default";
    if (decided.hedged) {
      high = false;
      reasons.push("the words that decide are hedged (could, whether, considering)");
    }
    if (ctx.sentences[dm.sentence]!.defective) {
      high = false;
      reasons.push("words seem to be missing from the sentence that decides");
    }
    if (g.abstract) {
      high = false;
      reasons.push("it names no particular weapon");
    }
    const mass = /^(air defense|artillery|munition|weapons|military equipment)$/.test(g.head ?? "");
    if (!g.named && !g.owner && !g.types && !mass && !g.mentions.some((m) => /s$/.test(m.surface))) {
      high = false;
      reasons.push("only a single unnamed weapon is mentioned");
    }
    const cued = new Set(readings.filter((r) => r.how !== "default").map((r) => r.status));
    if (cued.has("withheld") && (cued.has("pledged") || cued.has("sent"))) {
      high = false;
      reasons.push(`the article gives it different statuses (${[...cued].join(", ")})`);
    }
    const s = ctx.sentences[dm.sentence]!;
    out.push({
      name,
      aliases,
      category: categorizer.category,
      kind: g.named ? "named" : "generic",
      status: decided.status,
      evidence: { start: s.start, end: s.end },
      mentions: sms,
      confidence: high ? "high" : "low",
      reasons,
      order: g.mentions[0]!.start,
      tier: g.named ? 0 : g.abstract ? 2 : 1,
    });
  }
  out.sort((a, b) => a.tier - b.tier || a.order - b.order);
  return out.map(({ order: _o, tier: _t, ...rest }) => rest);
}
