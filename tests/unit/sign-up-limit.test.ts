import { describe, expect, it } from "vitest";
import { signUpLimitPerAddress, type Env } from "@/lib/env";

describe("SIGN_UP_LIMIT_PER_ADDRESS", () => {
  it("is 60 sign-ups per address unless the environment says otherwise", () => {
    expect(signUpLimitPerAddress({} as Env)).toBe(60);
    expect(signUpLimitPerAddress({ SIGN_UP_LIMIT_PER_ADDRESS: 500 } as Env)).toBe(500);
  });
});
