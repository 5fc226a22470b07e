/**
 * Fuzzing (issue #6) of sign-up, the account actions and the sign-in
 * credentials check (next-auth's authorize). See tests/support/fuzz-kit.ts.
 *
 * scrypt at N=2^17 costs ~100 ms and 128 MiB a hash; a thousand runs of it
 * would take minutes. Only the cost is mocked: hashPassword defaults to the
 * tests' cheap parameters and the dummy hash (for unknown emails) is made
 * with them too. Hashing, verifying and everything around them run for real.
 */
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type * as PasswordModule from "@/lib/auth/password";

vi.mock("@/lib/auth/password", async (original) => {
  const actual = await original<typeof PasswordModule>();
  const cheap = { N: 2 ** 10, r: 8, p: 1 };
  let dummy: Promise<string> | undefined;
  return {
    ...actual,
    hashPassword: (password: string, params?: typeof cheap) => actual.hashPassword(password, params ?? cheap),
    verifyAgainstDummy: async (password: string) => {
      dummy ??= actual.hashPassword("not anyone's password", cheap);
      await actual.verifyPassword(password, await dummy);
      return false as const;
    },
  };
});

import { changePasswordAction, endSessionAction, signOutEverywhereAction } from "@/app/account/actions";
import { createSession } from "@/lib/users/sessions";
import { authOptions } from "@/app/_lib/auth";
import { signUpAction } from "@/app/sign-up/actions";
import { hashPassword } from "@/lib/auth/password";
import { SIGN_IN_ERROR_THROTTLED } from "@/lib/auth/sign-in-messages";
import { FAST_HASH, setupTestDatabase } from "../support/db";
import {
  buildForm,
  buildWorld,
  field,
  formRecipe,
  fuzz,
  hostile,
  idLike,
  PASSWORD,
  PERSONAS,
  ref,
  RUNS,
  type FieldValue,
  type World,
} from "../support/fuzz-kit";
import { CLIENT_ADDRESS } from "../support/app-harness";
import { PEER_HEADER } from "@/lib/http/client-address";

const t = setupTestDatabase();
let world: World;
beforeAll(async () => {
  world = await buildWorld(t.database());
});

const TIMEOUT = 600_000;
const idle = { status: "idle" as const };
const text = (...values: string[]): fc.Arbitrary<FieldValue> => fc.constantFrom(...values);
const mostly = (valid: fc.Arbitrary<FieldValue>, ...others: fc.Arbitrary<FieldValue>[]) =>
  fc.oneof({ weight: 5, arbitrary: valid }, ...others.map((arbitrary) => ({ weight: 1, arbitrary })));
const SIGNED_IN_MOSTLY = [...PERSONAS, "member", "owner"] as const;

/** Everyone's password back to the one the world was built with. */
async function restorePasswords() {
  const hash = await hashPassword(PASSWORD, FAST_HASH);
  for (const id of world.userIds)
    await t.db().execute(sql`update users set password_hash = ${hash} where id = ${id}`);
}

describe(`fuzz: accounts and sign-in (${RUNS} runs each)`, () => {
  it(
    "signUpAction",
    async () => {
      const email = fc.oneof(
        { weight: 4, arbitrary: fc.uuid().map((u): FieldValue => `${u.slice(0, 8)}@${world.emailDomain}`) },
        {
          weight: 1,
          arbitrary: fc
            .uuid()
            .map((u): FieldValue => ` ${u.slice(0, 8).toUpperCase()}@${world.emailDomain} `),
        },
        { weight: 1, arbitrary: fc.constant(ref("email")) },
        {
          weight: 1,
          arbitrary: text("a@b", "@example.test", "x@y..z", "a".repeat(250) + "@x.test", "<script>@x.test"),
        },
      );
      await fuzz(world, t.db, {
        name: "signUp",
        input: formRecipe({
          name: mostly(text("Ana Ruiz", "  Tom  ", "李小龍", "O'Brien"), hostile),
          email,
          password: mostly(
            text("password123", "correct horse battery"),
            text("short", "        ", "x".repeat(129)),
            hostile,
          ),
          role: mostly(text("teacher", "student"), text("admin", "TEACHER")),
        }),
        run: (r, who) => signUpAction(idle, buildForm(world, who, r)),
        writes: (got) => got === "ok",
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "changePasswordAction",
    async () => {
      await fuzz(world, t.db, {
        name: "changePassword",
        input: formRecipe({
          currentPassword: mostly(text(PASSWORD), text("wrong password", ""), hostile),
          newPassword: mostly(text("new password 456"), text("short"), hostile),
          confirmPassword: mostly(text("new password 456"), hostile),
        }),
        run: (r, who) => changePasswordAction(idle, buildForm(world, who, r)),
        writes: (got, who) => who !== "signedOut" && got === "sign-in",
        restore: restorePasswords,
        personas: SIGNED_IN_MOSTLY,
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "signOutEverywhereAction",
    async () => {
      await fuzz(world, t.db, {
        name: "signOutEverywhere",
        input: fc.constant(null),
        run: () => signOutEverywhereAction(new FormData()),
        writes: (_got, who) => who !== "signedOut",
        check: (_v, _who, got) => expect(got).toBe("sign-in"),
      });
    },
    TIMEOUT,
  );

  it(
    "endSessionAction (one session, by id, from /account)",
    async () => {
      const fresh = async () => {
        for (const [key, who] of [
          ["sessionMember", "member"],
          ["sessionOwner", "owner"],
        ] as const)
          world.ids[key] = await createSession({
            db: t.db(),
            userId: world.people[who]!.id,
            userAgent: "fuzz",
            clientAddress: "192.0.2.1",
          });
      };
      await fresh();
      await fuzz(world, t.db, {
        name: "endSession",
        input: formRecipe({
          sessionId: field(idLike("sessionMember", "sessionOwner", "memberId", "attemptA")),
        }),
        run: (r, who) => endSessionAction(buildForm(world, who, r)),
        // Only one's own session ends; someone else's id, or junk, is not found and changes nothing.
        writes: (got) => got === "redirect /account",
        restore: fresh,
        personas: [...PERSONAS, "member", "owner", "member", "owner"],
        mustWrite: true,
      });
    },
    TIMEOUT,
  );

  it(
    "the credentials provider's authorize (sign-in)",
    async () => {
      const provider = authOptions().providers[0] as unknown as {
        options: { authorize: (credentials: unknown, req: unknown) => Promise<unknown> };
      };
      const authorize = provider.options.authorize;
      const value = fc.oneof(
        { weight: 4, arbitrary: hostile },
        { weight: 1, arbitrary: fc.anything() },
        { weight: 1, arbitrary: fc.constantFrom(undefined, null, 42, ["a"], { toString: () => "x" }) },
      );
      await fuzz(world, t.db, {
        name: "authorize",
        input: fc.record({
          email: fc.oneof(
            { weight: 2, arbitrary: fc.constantFrom("owner", "member", "nobody@example.test") },
            value,
          ),
          password: fc.oneof({ weight: 2, arbitrary: fc.constant(PASSWORD) }, value),
          credentials: fc.oneof(
            { weight: 8, arbitrary: fc.constant("object") },
            fc.constantFrom(undefined, null, "string"),
          ),
          forwardedFor: fc.oneof(
            fc.constantFrom(undefined, "10.0.0.1", "1.1.1.1, 2.2.2.2"),
            hostile,
            fc.array(hostile, { maxLength: 3 }),
          ),
        }),
        run: async (input) => {
          const email =
            input.email === "owner" || input.email === "member"
              ? world.people[input.email]!.email
              : input.email;
          const credentials =
            input.credentials === "object" ? { email, password: input.password } : input.credentials;
          try {
            const user = await authorize(credentials, {
              headers: { "x-forwarded-for": input.forwardedFor, [PEER_HEADER]: CLIENT_ADDRESS },
            });
            // Only the right password for a real account signs in, and that starts a session.
            if (user !== null) {
              expect(credentials).toMatchObject({ password: PASSWORD });
              expect(user).toMatchObject({ email, sessionId: expect.any(String) });
              return new Response(null, { status: 200 });
            }
          } catch (e) {
            // The one error authorize throws on purpose: next-auth turns it into the sign-in page's message.
            if (!(e instanceof Error && e.message.startsWith(`${SIGN_IN_ERROR_THROTTLED}:`))) throw e;
          }
        },
        writes: (got) => got === "http 200",
      });
    },
    TIMEOUT,
  );
});
