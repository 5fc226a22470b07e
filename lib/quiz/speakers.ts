import { acronymOf } from "./acronyms";
import {
  clean,
  genderOfFirstName,
  genderOfTitle,
  isDemonym,
  isOrgWord,
  plainPhrase,
  type Gender,
  type ParsedName,
} from "./names";
import type { Span, SpeakerType } from "./types";

/**
 * Entity registry: the people, organisations, groups and unnamed individuals the article names,
 * with every form the text uses and the role it gives them. Mentions are kept in text order so
 * that pronouns and descriptions ("the official", "the company") resolve to the most salient
 * compatible entity before them.
 */

export type Entity = {
  id: number;
  name: string;
  type: SpeakerType;
  role: string | null;
  roleSpan: Span | null;
  aliases: Set<string>;
  first: Span;
  /** Lower-case surname for people, head noun for groups and unnamed individuals, name otherwise. */
  key: string;
  /** Lower-case first name of a person, when the text gives one. */
  firstName: string | null;
  gender: Gender;
  /** The gender comes from a title, a first name or a gendered role, not only from a pronoun. */
  genderSure: boolean;
  /** Age the text gives ("Murray, 36,"), for "the 36-year-old". */
  age: number | null;
  /** The name's shape shows a person (a known first name, a title), not only its capitals. */
  nameSure: boolean;
  /** A country or city speaking as its government ("Egypt said"). */
  place: boolean;
  /** Lower-case words the text describes it with ("investment banking giant"), stemmed. */
  descriptors: Set<string>;
};

export type Mention = {
  entity: number;
  start: number;
  end: number;
  sentence: number;
  paragraph: number;
  /** The mention opens its clause (a likely subject), which makes it more salient. */
  subject: boolean;
  /** The entity is the speaker of a statement here. */
  speaks: boolean;
};

export class Registry {
  entities: Entity[] = [];
  mentions: Mention[] = [];
  private byName = new Map<string, number>();

  get(id: number): Entity {
    return this.entities[id]!;
  }

  add(name: string, type: SpeakerType, span: Span, key: string): Entity {
    const e: Entity = {
      id: this.entities.length,
      name,
      type,
      role: null,
      roleSpan: null,
      aliases: new Set(),
      first: span,
      key,
      firstName: null,
      gender: null,
      genderSure: false,
      age: null,
      nameSure: false,
      place: false,
      descriptors: new Set(),
    };
    this.entities.push(e);
    this.byName.set(name.toLowerCase(), e.id);
    return e;
  }

  findByName(name: string): Entity | undefined {
    const id = this.byName.get(clean(name).toLowerCase());
    if (id !== undefined) return this.entities[id];
    const l = clean(name).toLowerCase();
    return this.entities.find((e) => [...e.aliases].some((a) => a.toLowerCase() === l));
  }

  private rename(e: Entity, name: string) {
    this.byName.delete(e.name.toLowerCase());
    e.aliases.add(e.name);
    e.name = name;
    this.byName.set(name.toLowerCase(), e.id);
  }

  /**
   * A person by full name; by surname when one person has it (the latest, if several); by a
   * first name alone ("Keir" after "Keir Starmer") when exactly one person has that first name.
   */
  findPerson(tokens: string[]): Entity | undefined {
    const name = tokens.join(" ");
    const full = this.findByName(name);
    if (full && full.type === "person") return full;
    const last = tokens[tokens.length - 1]!.toLowerCase();
    const people = this.entities.filter((e) => e.type === "person");
    if (tokens.length === 1) {
      const bySurname = people.filter((e) => e.key === last);
      if (bySurname.length) return bySurname[bySurname.length - 1];
      const byFirst = people.filter((e) => e.firstName === last);
      if (byFirst.length === 1) return byFirst[0];
      return undefined;
    }
    // "Emma Roma Jayne" and a later "Roma Jayne": the shorter form ends the longer one.
    const tail = people.filter(
      (e) =>
        e.name.toLowerCase().endsWith(` ${name.toLowerCase()}`) ||
        name.toLowerCase().endsWith(` ${e.name.toLowerCase()}`),
    );
    if (tail.length === 1) {
      const e = tail[0]!;
      if (name.length > e.name.length) this.rename(e, name);
      return e;
    }
    // "Joe Biden" after a bare "Biden": upgrade the single-name entity.
    const single = people.find((e) => !e.name.includes(" ") && e.key === last);
    if (single) {
      this.rename(single, name);
      single.firstName = tokens[0]!.toLowerCase();
      return single;
    }
    return undefined;
  }

  /** Registers (or finds) the person a parsed name refers to and records what the name shows. */
  person(parsed: ParsedName, span: Span, register: boolean): Entity | undefined {
    let e = this.findPerson(parsed.nameTokens);
    if (!e && !register) return undefined;
    if (!e) {
      e = this.add(
        parsed.name,
        "person",
        span,
        parsed.nameTokens[parsed.nameTokens.length - 1]!.toLowerCase(),
      );
      if (parsed.nameTokens.length > 1) e.firstName = parsed.nameTokens[0]!.toLowerCase();
    }
    if (parsed.name !== e.name) e.aliases.add(parsed.name);
    if (parsed.sure) e.nameSure = true;
    const g =
      genderOfTitle(parsed.title) ??
      (parsed.nameTokens.length > 1 ? genderOfFirstName(parsed.nameTokens[0]) : null);
    if (g && !e.genderSure) {
      e.gender = g;
      e.genderSure = true;
    }
    if (parsed.title) {
      e.aliases.add(`${parsed.title} ${parsed.name}`);
      if (!e.role && !/^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lady|Lord)\.?$/.test(parsed.title))
        this.setRole(e, parsed.title, span);
    }
    if (parsed.affiliation && !e.role) this.setRole(e, parsed.affiliation, span);
    return e;
  }

  setRole(e: Entity, role: string, span: Span) {
    e.role = plainPhrase(clean(role).replace(/\s+/g, " ").trim());
    e.roleSpan = span;
    const g = genderOfTitle(e.role);
    if (g && !e.genderSure) {
      e.gender = g;
      e.genderSure = true;
    }
  }

  /** Organisations and groups match by exact name, a known alias or an acronym ("G-7" ~ "Group of Seven"). */
  collective(
    name: string,
    type: SpeakerType,
    span: Span,
    register: boolean,
    headNoun?: string,
  ): Entity | undefined {
    const words = name.split(" ");
    // "Polish", "French": a nationality adjective alone names no one ("the Israelis" is a group).
    if (words.length === 1 && type === "organisation" && isDemonym(name) && !/s$/.test(name))
      return undefined;
    const head =
      headNoun ?? (type === "group" || type === "anonymous" ? words[words.length - 1]!.toLowerCase() : "");
    const found = this.findByName(name);
    let e = found && found.type !== "person" ? found : undefined;
    if (!e && type === "organisation") e = this.orgByPrefix(name);
    if (!e && type === "organisation") {
      const acr = acronymOf(words);
      if (acr.length > 1)
        e = this.entities.find(
          (x) => x.type === "organisation" && acronymOf(x.name.split(" ")) === acr && x.name !== name,
        );
    }
    if (!e && register) e = this.add(name, type, span, type === "organisation" ? name.toLowerCase() : head);
    if (e && e.name !== name) e.aliases.add(name);
    return e;
  }

  /**
   * "Northwind" after "Northwind Motors Inc.", "Harbour City" after "Harbour City FC": the name of
   * exactly one organisation without its trailing organisation words.
   */
  orgByPrefix(name: string, loose = false): Entity | undefined {
    const cands = this.entities.filter(
      (e) =>
        e.type === "organisation" &&
        e.name.startsWith(`${name} `) &&
        (loose ||
          e.name
            .slice(name.length + 1)
            .split(" ")
            .every((w) => isOrgWord(w))),
    );
    if (cands.length !== 1) return undefined;
    cands[0]!.aliases.add(name);
    return cands[0];
  }

  /** Records a mention, keeping the list in text order. */
  mention(entity: Entity, m: Omit<Mention, "entity">): Mention {
    const at = this.indexAt(m.start);
    const here = this.mentions[at];
    if (here && here.start === m.start) {
      if (here.entity === entity.id) {
        here.subject ||= m.subject;
        here.speaks ||= m.speaks;
        return here;
      }
      const replaced = { ...m, entity: entity.id };
      this.mentions[at] = replaced;
      return replaced;
    }
    const added = { ...m, entity: entity.id };
    this.mentions.splice(at, 0, added);
    return added;
  }

  /** Index of the first mention starting at or after `pos`. */
  indexAt(pos: number): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  mentionAt(pos: number): Mention | undefined {
    const m = this.mentions[this.indexAt(pos)];
    return m && m.start === pos ? m : undefined;
  }

  /** Mentions starting before `pos`, latest first, within `limit` steps back (antecedents are near). */
  *before(pos: number, limit = 400): Generator<Mention> {
    for (let k = this.indexAt(pos) - 1, n = 0; k >= 0 && n < limit; k--, n++) yield this.mentions[k]!;
  }

  latest(pos: number, ok: (e: Entity) => boolean): Entity | undefined {
    for (const m of this.before(pos)) if (ok(this.get(m.entity))) return this.get(m.entity);
    return undefined;
  }

  latestMention(pos: number, id: number): Mention | undefined {
    for (const m of this.before(pos)) if (m.entity === id) return m;
    return undefined;
  }
}
