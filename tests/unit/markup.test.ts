import { describe, expect, it } from "vitest";
import { checkMarkup, MARKUP_LIMITS, measureMarkup } from "@/lib/analysis/markup";

describe("measuring markup before any DOM is built", () => {
  it("counts elements and the deepest nesting, closing what closes", () => {
    expect(measureMarkup("<div><p>One</p><p>Two<br>three</p><img src=x/></div>")).toEqual({
      elements: 5,
      maxDepth: 1,
      elementLevels: 9,
    });
    expect(measureMarkup("<section><div><span>deep</span></div></section>").maxDepth).toBe(3);
  });

  it("does not count elements a parser closes by itself (<p>, <li>, <td>) as nesting", () => {
    expect(measureMarkup("<ul>" + "<li>item ".repeat(5_000) + "</ul>").maxDepth).toBe(1);
    expect(measureMarkup("<p>a<p>b<p>c").maxDepth).toBe(0);
  });

  it("refuses the attack's 58,000 unclosed <div>s for their depth", () => {
    expect(checkMarkup("<div>".repeat(58_000))).toMatchObject({
      ok: false,
      reason: "too-deep",
      size: { maxDepth: 58_000 },
    });
  });

  it("refuses nesting within the depth limit that multiplies into too much work", () => {
    // 127 open <div>s around 19,800 <span>s: inside the depth and element limits, and 11 s of Readability.
    const verdict = checkMarkup("<div>".repeat(127) + "<span>a</span>".repeat(19_800));
    expect(verdict).toMatchObject({ ok: false, reason: "too-complex" });
  });

  it("accepts a real page's shape: thousands of elements, a few dozen deep", () => {
    const page =
      "<html><head><title>t</title></head><body>" +
      "<div class=row><div class=col><article><section><p>Text <a href=x>link</a> <b>bold</b>.</p></section></article></div></div>".repeat(
        1_500,
      ) +
      "</body></html>";
    const size = measureMarkup(page);
    expect(size.elements).toBeGreaterThan(5_000);
    expect(size.elements).toBeLessThan(MARKUP_LIMITS.maxElements);
    expect(checkMarkup(page)).toEqual({ ok: true });
  });

  it("reads unclosed '<' and runaway comments in one pass (no rescanning to the end for each)", () => {
    // A backtracking pattern took 6 s for 150,000 "<a"; these are ten times longer.
    expect(measureMarkup("<a".repeat(1_500_000))).toMatchObject({ elements: 0 });
    expect(measureMarkup("<!--".repeat(750_000))).toMatchObject({ elements: 0 });
    expect(measureMarkup("<a b ".repeat(600_000))).toMatchObject({ elements: 0 });
  });
});
