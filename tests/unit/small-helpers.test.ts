import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countWords, readingMinutes } from "@/lib/articles/reading";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";
import { formatCalendarDate, formatNumber, formatPercent, formatScore, formatWhen } from "@/lib/format";
import { percentOf } from "@/lib/scores";
import { fieldErrorsOf } from "@/lib/result";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { storableText } from "@/lib/text";

describe("sign-in messages", () => {
  it("tells a throttled person when they can try again", () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(signInErrorMessage(`throttled:${now + 14 * 60_000 + 1}`, now)).toBe(
      "Too many failed sign-ins. For your safety, try again in 15 minutes.",
    );
    expect(signInErrorMessage(`throttled:${now + 30_000}`, now)).toMatch(/try again in 1 minute\.$/);
  });

  it("says 'try again in a moment' when the server is busy or could not check, never an error's own words", () => {
    expect(signInErrorMessage("busy")).toBe(
      "Many people are signing in right now. Please try again in a moment.",
    );
    expect(signInErrorMessage("unavailable")).toMatch(/problem on our side/);
    expect(signInErrorMessage("Failed query: select * from users params: a@b.c")).toBe(
      "Sign-in failed. Please try again.",
    );
  });

  it("never echoes an unknown code from the URL", () => {
    expect(signInErrorMessage("Your account is locked, call 555-0100")).toBe(
      "Sign-in failed. Please try again.",
    );
    expect(signInErrorMessage(undefined)).toBeUndefined();
  });
});

describe("safeCallbackPath", () => {
  it("keeps same-site paths and refuses everything else", () => {
    expect(safeCallbackPath("/teacher?x=1")).toBe("/teacher?x=1");
    expect(safeCallbackPath("https://evil.example")).toBe("/");
    expect(safeCallbackPath("//evil.example/path")).toBe("/");
    expect(safeCallbackPath("/\\evil.example")).toBe("/");
    expect(safeCallbackPath(["/a"])).toBe("/");
  });

  it("refuses what a browser's URL parser would read as another site: tabs, newlines, backslashes", () => {
    for (const value of [
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r//evil.example",
      "/\\evil.example",
      "/%5C",
    ])
      expect(safeCallbackPath(value)).toBe(value === "/%5C" ? "/%5C" : "/");
    expect(safeCallbackPath("/a/../../b")).toBe("/b");
  });

  it("never leads to another origin, whatever the string (resolved as a browser resolves it)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.string().map((s) => `/${s}`),
          fc.constantFrom("//", "/\\", "/\t/", "/.//"),
        ),
        (value) => {
          const path = safeCallbackPath(value);
          const resolved = new URL(path, "https://newsquiz.example/here");
          expect(resolved.origin).toBe("https://newsquiz.example");
          expect(path.startsWith("/")).toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe("reading helpers", () => {
  it("counts words and estimates reading time", () => {
    expect(countWords("Russia’s long-range HIMARS, 2022 — ok")).toBe(5);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(690)).toBe(3);
  });

  it("formats a calendar date without shifting it by time zone", () => {
    expect(formatCalendarDate("2022-10-12")).toBe("12 October 2022");
    expect(formatCalendarDate("12/10/2022")).toBeNull();
    expect(formatCalendarDate(null)).toBeNull();
  });
});

describe("validation helpers", () => {
  it("groups zod issues by field, once each, and the rest under form", () => {
    expect(
      fieldErrorsOf({
        issues: [
          { path: ["email"], message: "Bad email." },
          { path: ["email"], message: "Too long." },
          { path: ["email"], message: "Bad email." },
          { path: ["options", 2, "text"], message: "Too long." },
          { path: [], message: "Whole form." },
        ],
      }),
    ).toEqual({ email: ["Bad email.", "Too long."], options: ["Too long."], form: ["Whole form."] });
  });

  it("makes text PostgreSQL can store: no NUL, no lone surrogate", () => {
    expect(storableText("a\u0000b\uD800c😀")).toBe("ab\uFFFDc😀");
  });
});

describe("one way to write a score", () => {
  it("gives the student and the teacher the same percent for the same attempt", () => {
    // 2 of 3: the gradebook's percentOf and the student's results page both say 66.7%.
    expect(formatPercent(percentOf(2, 3))).toBe("66.7%");
    expect(formatScore(2, 3, percentOf(2, 3))).toBe("2 / 3 (66.7%)");
    expect(formatScore(3.25, 10, percentOf(3.25, 10))).toBe("3.25 / 10 (32.5%)");
    expect(formatPercent(null)).toBe("—");
    expect(formatNumber(0.333)).toBe("0.33");
  });

  it("writes a time on the viewer's clock with the zone named", () => {
    const instant = new Date("2026-12-04T16:00:00Z");
    expect(formatWhen(instant, "Asia/Tokyo")).toMatch(/5 Dec 2026,? 01:00 GMT\+9/);
    expect(formatWhen(null, "UTC")).toBe("—");
  });
});
