import { describe, expect, it } from "vitest";
import { assignmentFormSchema, type AssignmentField } from "@/lib/assignments/form";
import { fieldErrorsOf } from "@/lib/result";
import { revealFor } from "@/lib/attempts/reveal";
import { formatDateTime } from "@/lib/format";
import { isValidTimeZone, toZonedInputValue, zonedTimeToUtc } from "@/lib/dates";

const NOW = new Date("2026-11-29T12:00:00Z");
const schema = assignmentFormSchema(() => NOW);
const base: Record<AssignmentField, string> = {
  classId: "0b9c3f4e-4a7e-4f0e-9a51-2f1f7d0c9a11",
  articleId: "5d7c2a1b-8e3f-4c6d-b2a9-1e0f3d4c5b6a",
  due: "2026-12-04T17:00",
  timeZone: "Europe/Paris",
  attemptsAllowed: "2",
  counting: "latest",
  reveal: "after_due",
  timeLimit: "20",
  shuffle: "on",
};

describe("time zones", () => {
  it("reads a wall-clock time in the teacher's zone, across daylight saving", () => {
    expect(zonedTimeToUtc("2026-12-04T17:00", "Europe/Paris")?.toISOString()).toBe(
      "2026-12-04T16:00:00.000Z",
    );
    expect(zonedTimeToUtc("2026-07-04T17:00", "Europe/Paris")?.toISOString()).toBe(
      "2026-07-04T15:00:00.000Z",
    );
    expect(zonedTimeToUtc("2026-12-04T17:00", "America/New_York")?.toISOString()).toBe(
      "2026-12-04T22:00:00.000Z",
    );
    expect(zonedTimeToUtc("2026-12-04T17:00", "Asia/Kolkata")?.toISOString()).toBe(
      "2026-12-04T11:30:00.000Z",
    );
    expect(zonedTimeToUtc("2026-12-04T17:00", "UTC")?.toISOString()).toBe("2026-12-04T17:00:00.000Z");
  });

  it("refuses impossible dates and unknown zones", () => {
    expect(zonedTimeToUtc("2026-02-30T10:00", "UTC")).toBeNull();
    expect(zonedTimeToUtc("2026-12-04T25:00", "UTC")).toBeNull();
    expect(zonedTimeToUtc("tomorrow", "UTC")).toBeNull();
    expect(zonedTimeToUtc("2026-12-04T17:00", "Mars/Olympus")).toBeNull();
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("<script>")).toBe(false);
    expect(isValidTimeZone(42)).toBe(false);
  });

  it("shows the same instant as each viewer's own clock", () => {
    const instant = new Date("2026-12-04T16:00:00Z");
    expect(toZonedInputValue(instant, "Europe/Paris")).toBe("2026-12-04T17:00");
    expect(toZonedInputValue(instant, "America/Los_Angeles")).toBe("2026-12-04T08:00");
    expect(formatDateTime(instant, "Europe/Paris")).toMatch(/Fri,? 4 Dec 2026,? 17:00 CET/);
    expect(formatDateTime(instant, "UTC")).toMatch(/16:00 UTC/);
  });
});

describe("the assign form", () => {
  it("turns the form into settings with the due date as an instant", () => {
    const parsed = schema.safeParse(base);
    expect(parsed.data).toEqual({
      classId: base.classId,
      articleId: base.articleId,
      settings: {
        dueAt: new Date("2026-12-04T16:00:00Z"),
        attemptsAllowed: 2,
        counting: "latest",
        reveal: "after_due",
        timeLimitMinutes: 20,
        shuffle: true,
      },
    });
    const { shuffle: _shuffle, ...unticked } = base;
    const plain = schema.safeParse({ ...unticked, timeLimit: " " });
    expect(plain.data?.settings).toMatchObject({ timeLimitMinutes: null, shuffle: false });
  });

  it("names the field at fault for every kind of bad input", () => {
    const bad = (over: Partial<Record<AssignmentField, string>>) => {
      const r = schema.safeParse({ ...base, ...over });
      if (r.success) throw new Error("accepted");
      return Object.keys(fieldErrorsOf(r.error));
    };
    expect(bad({ due: "" })).toEqual(["due"]);
    expect(bad({ due: "2026-11-01T09:00" })).toEqual(["due"]);
    expect(bad({ due: "2028-11-01T09:00" })).toEqual(["due"]);
    expect(bad({ timeZone: "Nowhere/Else" })).toEqual(["timeZone"]);
    expect(bad({ attemptsAllowed: "0" })).toEqual(["attemptsAllowed"]);
    expect(bad({ attemptsAllowed: "11" })).toEqual(["attemptsAllowed"]);
    expect(bad({ attemptsAllowed: "1.5" })).toEqual(["attemptsAllowed"]);
    expect(bad({ timeLimit: "0" })).toEqual(["timeLimit"]);
    expect(bad({ timeLimit: "301" })).toEqual(["timeLimit"]);
    expect(bad({ timeLimit: "ten" })).toEqual(["timeLimit"]);
    expect(bad({ counting: "first" })).toEqual(["counting"]);
    expect(bad({ reveal: "never" })).toEqual(["reveal"]);
    expect(bad({ classId: "1; drop table classes" })).toEqual(["classId"]);
    expect(bad({ articleId: "" })).toEqual(["articleId"]);
  });
});

describe("when answers show", () => {
  const at = (h: number) => new Date(Date.UTC(2026, 11, 1, h));
  const base = { dueAt: at(10), closedAt: null, attemptsAllowed: 2 };
  const reveal = (
    setting: "after_submit" | "after_due" | "after_last_attempt",
    now: Date,
    submittedAttempts = 1,
    closedAt: Date | null = null,
  ) => revealFor({ ...base, reveal: setting, closedAt }, { now, submittedAttempts });
  it("reveals answers after submitting, or once due or closed", () => {
    expect(reveal("after_submit", at(1))).toEqual({ score: true, answers: true });
    expect(reveal("after_due", at(1))).toEqual({ score: false, answers: false });
    expect(reveal("after_due", at(10))).toEqual({ score: true, answers: true });
    expect(reveal("after_due", at(3), 1, at(2))).toEqual({ score: true, answers: true });
  });
  it("after the last attempt: the score between attempts, the answers once none is left or it is closed", () => {
    expect(reveal("after_last_attempt", at(1), 1)).toEqual({ score: true, answers: false });
    // The due date does not reveal them: late attempts are still accepted.
    expect(reveal("after_last_attempt", at(12), 1)).toEqual({ score: true, answers: false });
    expect(reveal("after_last_attempt", at(1), 2)).toEqual({ score: true, answers: true });
    expect(reveal("after_last_attempt", at(3), 1, at(2))).toEqual({ score: true, answers: true });
  });
});
