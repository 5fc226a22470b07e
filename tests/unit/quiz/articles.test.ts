import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "@/lib/quiz";

const load = (name: string) => analyzeArticle(readFileSync(`tests/fixtures/articles/${name}.txt`, "utf8"));
const said = (a: ReturnType<typeof load>, start: string) => a.quotes.find((q) => q.text.startsWith(start));

describe("politics: city budget vote", () => {
  const a = load("city-budget-vote-2024-03-14");
  it("attributes a split quote to the same speaker on both sides of the cue", () => {
    expect(said(a, "People on fixed incomes")?.speaker).toBe("David Reyes");
    expect(said(a, "and this council should")?.speaker).toBe("David Reyes");
  });
  it("attributes a quote that continues the previous speaker's paragraph", () => {
    expect(said(a, "At some point, patching")?.speaker).toBe("Linda Okafor");
  });
  it("carries a quote into the next paragraph with no new cue", () => {
    expect(said(a, "We will be at every meeting")?.speaker).toBe("Tom Baxter");
  });
  it("does not treat a name in quotation marks as speech", () => {
    expect(a.quotes.some((q) => q.text.includes("Riverton Watchdogs"))).toBe(false);
  });
  it("resolves she and finds 'made clear' as an indirect statement", () => {
    const q = a.quotes.find((x) => x.kind === "indirect" && x.text.startsWith("she would not reopen"));
    expect(q?.speaker).toBe("Linda Okafor");
  });
  it("reads a title before the name as a role", () => {
    expect(a.speakers.find((s) => s.name === "Linda Okafor")?.role).toBe("Mayor");
  });
});

describe("business: battery plant", () => {
  const a = load("battery-plant-2023-09-05");
  it("attributes an inverted cue with an appositive", () => {
    expect(said(a, "These are good jobs")?.speaker).toBe("Maria Lopez");
    expect(a.speakers.find((s) => s.name === "Maria Lopez")?.role).toBe("regional director for the union");
  });
  it("resolves 'he' to the analyst just named", () => {
    expect(said(a, "The plant is a bet on 2030")?.speaker).toBe("Peter Hale");
  });
  it("finds the company's indirect statement", () => {
    expect(a.quotes.find((q) => q.kind === "indirect" && q.text.startsWith("it would build"))?.speaker).toBe(
      "Northwind Motors Inc.",
    );
  });
  it("finds no weapon systems in a business story", () => {
    expect(a.systems).toEqual([]);
  });
});

describe("science: water on Mars", () => {
  const a = load("mars-water-study-2024-06-20");
  it("keeps 'Dr.' inside the sentence and reads the appositive as the role", () => {
    expect(said(a, "This is the first time")?.speaker).toBe("Elena Vasquez");
    expect(a.speakers.find((s) => s.name === "Elena Vasquez")?.role).toMatch(/planetary geophysicist/);
  });
  it("attributes both halves of a split quote", () => {
    expect(said(a, "It's an exciting paper")?.speaker).toBe("James Whitfield");
    expect(said(a, "but I would not call it proof")?.speaker).toBe("James Whitfield");
  });
  it("ignores a journal title and a so-called term in quotation marks", () => {
    expect(a.quotes.some((q) => /Planetary Science Letters|^marsquake$/.test(q.text))).toBe(false);
  });
  it("carries Morrow's quote across the paragraph break", () => {
    expect(said(a, "We will keep listening")?.speaker).toBe("Kate Morrow");
  });
});

describe("sport: cup final comeback", () => {
  const a = load("cup-final-comeback-2024-05-19");
  it("reads a role given before the name between commas", () => {
    expect(a.speakers.find((s) => s.name === "Elena Marsh")?.role).toBe("the club's head coach");
    expect(a.speakers.find((s) => s.name === "Gary Holt")?.role).toBe("Northgate's manager");
    expect(a.speakers.find((s) => s.name === "Tomás Ribeiro")?.role).toBe("Striker");
  });
  it("attributes the coach's quote and carries it across the paragraph break", () => {
    expect(said(a, "We told them the game")?.speaker).toBe("Elena Marsh");
    expect(said(a, "If you keep the ball")?.speaker).toBe("Elena Marsh");
    expect(said(a, "I have never been prouder")?.speaker).toBe("Elena Marsh");
  });
  it("reads British single-quote speech without breaking on apostrophes", () => {
    expect(said(a, "Nobody gave up, not for one second")?.speaker).toBe("Tomás Ribeiro");
    expect(said(a, "We knew the crowd would carry us")?.speaker).toBe("Tomás Ribeiro");
    expect(a.quotes.every((q) => !q.text.startsWith("s head coach"))).toBe(true);
  });
  it("keeps a scare quote inside the reported clause instead of treating it as speech", () => {
    expect(a.quotes.some((q) => q.text === "miracle season" || q.text === "switched off")).toBe(false);
    const q = a.quotes.find((x) => x.kind === "indirect" && x.text.startsWith("his defenders had"));
    expect(q?.speaker).toBe("Gary Holt");
    expect(q?.text).toContain('"switched off"');
  });
  it("credits 'according to' to the officials", () => {
    const q = a.quotes.find((x) => x.cue === "according to");
    expect(q?.speaker).toBe("club officials");
    expect(q?.text).toMatch(/^Bennett will have surgery/);
  });
  it("resolves 'she' past the men named since to the coach", () => {
    const q = a.quotes.find((x) => x.kind === "indirect" && x.text.startsWith("she would stay"));
    expect(q?.speaker).toBe("Elena Marsh");
  });
  it("meets the short name of the club with its full name", () => {
    const q = a.quotes.find((x) => x.kind === "indirect" && x.text.startsWith("it would announce"));
    expect(q?.speaker).toBe("Harbour City FC");
  });
});

describe("generality", () => {
  const of = (text: string) => analyzeArticle(text);
  it("prefers a speaker whose title shows the pronoun's gender over a more recent one", () => {
    const a = of(
      "Ms. Amy Carter met the coach, John Smith, on Thursday. She said the board backed the plan for the new stadium.",
    );
    expect(a.quotes.find((q) => q.text.startsWith("the board backed"))?.speaker).toBe("Amy Carter");
  });
  it("credits a described group, not the organisation named before it", () => {
    const a = of(
      "Northwind Motors said on Monday that it would build a plant in Ohio.\n\nA local business group welcomed the plan. The local business group said it expected hundreds of new jobs.",
    );
    expect(a.quotes.find((q) => q.text.startsWith("it expected"))?.speaker).toBe("local business group");
  });
  it("resolves 'the company' to the organisation the story is about", () => {
    const a = of(
      "Northwind Motors said on Monday that it would build a battery plant. Rival carmaker Acme Corp. opened a plant in Texas last year.\n\nThe company said the new plant would open in 2026.",
    );
    expect(a.quotes.find((q) => q.text.startsWith("the new plant"))?.speaker).toBe("Northwind Motors");
  });
  it("ignores single quotes that are not speech and apostrophes", () => {
    const a = of(
      "Fans of the '90s side said the players' 'identity' had gone. Russia's coach didn't comment.",
    );
    expect(a.quotes.filter((q) => q.kind === "direct")).toEqual([]);
  });
  it("still asks about a clean quote whose sentence lost a word in another clause", () => {
    const text =
      'The coach, Ann Reid, spoke after the match on Saturday.\n\n"We were the better side today and we deserved the win," said Reid, who met with in on Tuesday.\n\n"We will keep going," Reid of said.';
    const a = of(text);
    const clean = a.quotes.find((q) => q.text.startsWith("We were the better side"))!;
    expect(clean.defective).toBe(false);
    expect(clean.clause && text.includes("with in")).toBe(true);
    expect(a.text.slice(clean.clause!.start, clean.clause!.end)).not.toContain("with in");
    expect(a.quotes.find((q) => q.text.startsWith("We will keep going"))?.defective).toBe(true);
  });
});
