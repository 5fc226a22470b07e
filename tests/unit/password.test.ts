import { describe, expect, it } from "vitest";
import { hashPassword, SCRYPT_PARAMS, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { passwordProblems } from "@/lib/auth/password-rules";

describe("password hashing", () => {
  it("hashes with OWASP's scrypt parameters by default and verifies the right password only", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash.split("$").slice(0, 4)).toEqual(["scrypt", String(2 ** 17), "8", "1"]);
    expect(SCRYPT_PARAMS).toEqual({ N: 131072, r: 8, p: 1 });
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });

  it("salts every hash, so one password gives two different hashes", async () => {
    const params = { N: 1024, r: 8, p: 1 };
    const [a, b] = await Promise.all([
      hashPassword("same password", params),
      hashPassword("same password", params),
    ]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password", b)).toBe(true);
  });

  it("treats a malformed stored hash as a mismatch rather than throwing", async () => {
    expect(await verifyPassword("anything", "")).toBe(false);
    expect(await verifyPassword("anything", "md5$abc")).toBe(false);
    expect(await verifyPassword("anything", "scrypt$x$8$1$AAAA$BBBB")).toBe(false);
  });

  it("normalises Unicode so the same password typed on two keyboards matches", async () => {
    const hash = await hashPassword("caf\u00e9-passw0rd", { N: 1024, r: 8, p: 1 });
    expect(await verifyPassword("cafe\u0301-passw0rd", hash)).toBe(true);
  });

  it("answers an unknown account with false, whatever the password", async () => {
    // The equal cost is by construction (same parameters, a real verify); this only checks it never says yes.
    expect(await verifyAgainstDummy("whatever123")).toBe(false);
    expect(await verifyAgainstDummy("")).toBe(false);
  });
});

describe("password rules", () => {
  it("names each rule that is broken", () => {
    expect(passwordProblems("short")).toEqual(["Use at least 8 characters."]);
    expect(passwordProblems("x".repeat(129))).toEqual(["Use at most 128 characters."]);
    expect(passwordProblems("          ")).toEqual(["A password cannot be only spaces."]);
    expect(passwordProblems("eight ch")).toEqual([]);
    expect(passwordProblems("x".repeat(128))).toEqual([]);
  });

  it("counts characters, not UTF-16 units", () => {
    expect(passwordProblems("😀😀😀😀😀😀😀")).toEqual(["Use at least 8 characters."]);
    expect(passwordProblems("😀😀😀😀😀😀😀😀")).toEqual([]);
  });
});
