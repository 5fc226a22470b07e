import { describe, expect, it } from "vitest";
import {
  formatJoinCode,
  generateJoinCode,
  JOIN_CODE_ALPHABET,
  normalizeJoinCode,
} from "@/lib/classes/join-code";

describe("join codes", () => {
  it("uses no look-alike characters", () => {
    for (const c of "0O1IL2Z5S8B") expect(JOIN_CODE_ALPHABET).not.toContain(c);
    for (let i = 0; i < 200; i++)
      expect(generateJoinCode()).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
  });

  it("reads what a student typed regardless of case, spaces and dashes", () => {
    expect(normalizeJoinCode(" acd-479 ")).toBe("ACD479");
    expect(formatJoinCode("ACD479")).toBe("ACD-479");
    expect(normalizeJoinCode("ACD47")).toBeNull();
    expect(normalizeJoinCode("ACD4O9")).toBeNull();
    expect(normalizeJoinCode("x".repeat(10_000))).toBeNull();
  });
});
