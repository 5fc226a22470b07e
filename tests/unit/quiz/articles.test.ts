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
