/**
 * Issue #12, "Polish found on the way": the small rules behind what students
 * and teachers read (plurals, the time limit line, the chart's dates and
 * title, the Late mark, Markdown headings in an article).
 */
import { parseHTML } from "linkedom";
import { createElement } from "react";
import { renderToStaticMarkup, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleBody } from "@/components/article-body";
import { StatusLabel } from "@/components/gradebook-status";
import { axisTicks, ScoreHistoryChart } from "@/components/score-history-chart";
import { paragraphsWithHighlights } from "@/lib/articles/highlight";
import { describeTimeLimit } from "@/lib/attempts/time-limit";
import { formatCount, formatShortDate } from "@/lib/format";

describe("counts in words", () => {
  it("says one minute, not one minutes", () => {
    expect(formatCount(1, "minute")).toBe("1 minute");
    expect(formatCount(15, "minute")).toBe("15 minutes");
    expect(formatCount(0, "student")).toBe("0 students");
    expect(formatCount(2, "person", "people")).toBe("2 people");
  });
});

describe("the teacher's time-limit line", () => {
  const startedAt = new Date("2026-12-01T10:00:00Z");
  const deadlineAt = new Date("2026-12-01T10:15:00Z");
  const timed = { startedAt, deadlineAt };

  it("says how much of the limit an early submission used, not that the limit ended", () => {
    const line = describeTimeLimit(
      {
        ...timed,
        status: "submitted",
        submittedAt: new Date("2026-12-01T10:06:10Z"),
        endedBy: "student",
      },
      "UTC",
    );
    expect(line).toBe("15 minutes; 7 minutes used");
    expect(line).not.toMatch(/ended|ran out/i);
  });

  it("says time ran out only when it did, and when an open attempt's limit ends", () => {
    expect(
      describeTimeLimit(
        { ...timed, status: "submitted", submittedAt: deadlineAt, endedBy: "time_limit" },
        "UTC",
      ),
    ).toMatch(/^15 minutes: time ran out at Tue, 1 Dec 2026, 10:15 UTC/);
    expect(
      describeTimeLimit({ ...timed, status: "in_progress", submittedAt: null, endedBy: null }, "UTC"),
    ).toBe("15 minutes, ends Tue, 1 Dec 2026, 10:15 UTC");
    expect(
      describeTimeLimit(
        { startedAt, deadlineAt: null, status: "submitted", submittedAt: startedAt, endedBy: "student" },
        "UTC",
      ),
    ).toBeNull();
  });

  it("counts a minute's limit as one minute", () => {
    const oneMinute = { startedAt, deadlineAt: new Date(startedAt.getTime() + 60_000) };
    expect(
      describeTimeLimit(
        {
          ...oneMinute,
          status: "submitted",
          submittedAt: new Date(startedAt.getTime() + 20_000),
          endedBy: "student",
        },
        "UTC",
      ),
    ).toBe("1 minute; 1 minute used");
  });
});

describe("the score history chart", () => {
  const points = [
    { label: "Tue, 1 Dec 2026, 10:00 UTC", day: "1 Dec", percent: 50 },
    { label: "Wed, 2 Dec 2026, 10:00 UTC", day: "2 Dec", percent: 66.7 },
    { label: "Thu, 3 Dec 2026, 10:00 UTC", day: "3 Dec", percent: 100 },
  ];

  it("has one text node in its <title>, so the browser's hydration finds what the server sent (#418)", () => {
    // renderToString marks the boundary between two adjacent text nodes with <!-- -->: the client
    // then sees one text node where the server sent two, and React throws hydration error #418.
    const html = renderToString(createElement(ScoreHistoryChart, { points, caption: "Practice scores" }));
    const title = /<title[^>]*>([\s\S]*?)<\/title>/.exec(html)?.[1];
    expect(title).toBe("Practice scores: 1 Dec 50%, 2 Dec 66.7%, 3 Dec 100%");
  });

  it("writes the dates under its axis", () => {
    const { document } = parseHTML(
      renderToStaticMarkup(createElement(ScoreHistoryChart, { points, caption: "Practice scores" })),
    );
    const dates = [...document.querySelectorAll("[data-axis-date] text")].map((t) => t.textContent);
    expect(dates).toEqual(["1 Dec", "2 Dec", "3 Dec"]);
  });

  it("labels the first and last points and evenly spaced ones between, never the same day twice running", () => {
    const days = Array.from({ length: 22 }, (_, i) => `${i + 1} Dec`);
    const ticks = axisTicks(days);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(21);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(axisTicks(["1 Dec", "1 Dec", "1 Dec", "2 Dec"])).toEqual([0, 3]);
    expect(axisTicks(["1 Dec"])).toEqual([0]);
    expect(axisTicks([])).toEqual([]);
  });

  it("reads a day in the viewer's zone", () => {
    const lateEvening = new Date("2026-12-01T23:30:00Z");
    expect(formatShortDate(lateEvening, "UTC")).toBe("1 Dec");
    expect(formatShortDate(lateEvening, "Asia/Tokyo")).toBe("2 Dec");
    expect(formatShortDate(lateEvening, "UTC", true)).toBe("1 Dec 2026");
  });
});

describe("the gradebook's Late mark", () => {
  it("draws its clock as an inline SVG, with no emoji a school computer may not have a font for", () => {
    const html = renderToStaticMarkup(createElement(StatusLabel, { status: "late" }));
    expect(html).toContain("<svg");
    expect(html).toContain("Submitted late");
    expect(html).not.toMatch(/\p{Extended_Pictographic}/u);
  });
});

describe("an article's paragraphs as the analyser reads them", () => {
  const body = [
    "Officials met on Tuesday to agree on a new plan for the city's bridges and roads.",
    "### Who are they?",
    "The council has nine members, elected every four years by the residents.",
  ].join("\n\n");

  it("shows a pasted Markdown heading as a heading, without its hashes", () => {
    const paragraphs = paragraphsWithHighlights(body, []);
    expect(paragraphs.map((p) => [p.kind, p.level])).toEqual([
      ["prose", null],
      ["heading", 3],
      ["prose", null],
    ]);
    expect(paragraphs[1]!.segments.map((s) => s.text).join("")).toBe("Who are they?");
    const { document } = parseHTML(renderToStaticMarkup(createElement(ArticleBody, { paragraphs })));
    expect(document.querySelector("h3")?.textContent).toBe("Who are they?");
    expect(document.body.textContent).not.toContain("#");
  });

  it("keeps evidence offsets into the stored body, around a heading too", () => {
    const start = body.indexOf("nine members");
    const [, , third] = paragraphsWithHighlights(body, [{ start, end: start + "nine members".length }]);
    expect(third!.segments.find((s) => s.highlighted)).toMatchObject({ text: "nine members", first: true });
    expect(third!.key).toBe(body.indexOf("The council"));
  });
});
