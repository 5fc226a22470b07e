/**
 * The inputs the fuzzing (issue #6) found that failed like a 500: a NUL byte
 * or a lone UTF-16 surrogate reached a PostgreSQL query. Each case here threw
 * (or logged a database error) before the fix.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";

import { authOptions } from "@/app/_lib/auth";
import { createClassAction } from "@/app/teacher/actions";
import { addArticleAction } from "@/app/teacher/articles/actions";
import { resetQuestionAction, updateArticleDetailsAction } from "@/app/teacher/articles/[slug]/actions";
import { CLIENT_ADDRESS, form, outcome, session } from "../support/app-harness";
import { PEER_HEADER } from "@/lib/http/client-address";
import { setupTestDatabase } from "../support/db";
import { ARTICLE_TEXT, buildWorld, PASSWORD, type World } from "../support/fuzz-kit";

const t = setupTestDatabase();
let world: World;
beforeAll(async () => {
  world = await buildWorld(t.database());
});

const idle = { status: "idle" as const };

async function asOwner(run: () => Promise<unknown>) {
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  session.user = world.people.owner;
  try {
    const got = await outcome(run);
    expect(logged).not.toHaveBeenCalled();
    return got;
  } finally {
    session.user = null;
    logged.mockRestore();
  }
}

describe("hostile text that used to reach the database", () => {
  it("a class name of only a NUL byte is asked for again, not a database error", async () => {
    expect(await asOwner(() => createClassAction(idle, form({ name: "\u0000" })))).toBe("error");
  });

  it("a class name with a lone surrogate is stored with a replacement character", async () => {
    expect(await asOwner(() => createClassAction(idle, form({ name: "7B \uDC00" })))).toBe(
      "redirect /teacher/classes/:id",
    );
  });

  it("an article title with a NUL byte does not fail the insert", async () => {
    const got = await asOwner(() =>
      addArticleAction(
        idle,
        form({ title: "Bridge\u0000", source: "\uD800", publishedOn: "", text: ARTICLE_TEXT }),
      ),
    );
    expect(got).toMatch(/^redirect \/teacher\/articles\/bridge-/);
  });

  it("article details with a NUL byte in the source save", async () => {
    const got = await asOwner(() =>
      updateArticleDetailsAction(
        idle,
        form({ slug: world.ids.slugA, title: "T", source: "\u0000", publishedOn: "" }),
      ),
    );
    expect(got).toBe(`redirect /teacher/articles/${world.ids.slugA}`);
  });

  it("a slug with a NUL byte is not found", async () => {
    expect(await asOwner(() => resetQuestionAction(form({ slug: "a\u0000b", questionId: "x" })))).toBe(
      "not-found",
    );
  });

  it("sign-in with a NUL byte or a lone surrogate in the email is checked, not thrown", async () => {
    const provider = authOptions().providers[0] as unknown as {
      options: { authorize: (credentials: unknown, req: unknown) => Promise<unknown> };
    };
    const signIn = (email: string) =>
      provider.options.authorize(
        { email, password: PASSWORD },
        { headers: { "x-forwarded-for": "\u0000\uD800", [PEER_HEADER]: CLIENT_ADDRESS } },
      );
    expect(await signIn("\u0000")).toBeNull();
    expect(await signIn("\uDC00")).toBeNull();
    // Longer than any account's email: it used to overflow the throttle's index (a database error).
    expect(await signIn("a".repeat(300_001))).toBeNull();
    // NUL is dropped as in every form, so the owner's email with one is still the owner's.
    expect(await signIn(`${world.people.owner!.email}\u0000`)).toMatchObject({ id: world.ids.ownerId });
  });
});
