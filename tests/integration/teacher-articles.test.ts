import { describe, expect, it } from "vitest";
import { addTeacherArticle, getArticleBySlug, listArticles } from "@/lib/articles/queries";
import { startAttempt } from "@/lib/attempts/start";
import { createClass, joinClass } from "@/lib/classes/queries";
import { createUser } from "@/lib/users/accounts";
import { FAST_HASH, setupTestDatabase, uniqueEmail } from "../support/db";

const t = setupTestDatabase();

async function user(role: "teacher" | "student") {
  const r = await createUser({
    db: t.db(),
    name: role,
    email: uniqueEmail(role),
    password: "password123",
    role,
    hashParams: FAST_HASH,
  });
  if (!r.ok) throw new Error("user");
  return r.user.id;
}

const STORY = Array.from(
  { length: 6 },
  (_, i) =>
    `"We will open the new bridge in spring," Mayor Ana Ruiz said on Tuesday, adding that paragraph ${i + 1} of the plan was on budget.`,
).join("\n\n");

describe("articles added by teachers", () => {
  it("are read by the owner and the students of the owner's classes, and nobody else", async () => {
    const owner = await user("teacher");
    const otherTeacher = await user("teacher");
    const inClass = await user("student");
    const outside = await user("student");
    const added = await addTeacherArticle({
      db: t.db(),
      ownerId: owner,
      title: "Bridge plan",
      source: "",
      publishedOn: "2026-03-01",
      text: STORY,
    });
    if (!added.ok) throw new Error(JSON.stringify(added));
    const klass = await createClass({ db: t.db(), teacherId: owner, name: "Civics" });
    await joinClass({ db: t.db(), studentId: inClass, code: klass.joinCode });

    for (const viewer of [owner, inClass]) {
      expect((await getArticleBySlug({ db: t.db(), slug: added.slug, viewerId: viewer }))?.title).toBe(
        "Bridge plan",
      );
      expect((await listArticles({ db: t.db(), viewerId: viewer })).some((a) => a.slug === added.slug)).toBe(
        true,
      );
    }
    for (const viewer of [otherTeacher, outside, null]) {
      expect(await getArticleBySlug({ db: t.db(), slug: added.slug, viewerId: viewer })).toBeUndefined();
      expect((await listArticles({ db: t.db(), viewerId: viewer })).some((a) => a.slug === added.slug)).toBe(
        false,
      );
    }
    const article = (await getArticleBySlug({ db: t.db(), slug: added.slug, viewerId: owner }))!;
    expect(await startAttempt({ db: t.db(), userId: outside, articleId: article.id, mode: "take" })).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(
      await startAttempt({ db: t.db(), userId: inClass, articleId: article.id, mode: "take" }),
    ).toMatchObject({ resumed: false });
  });

  it("refuse binary, too short and too long input with a sentence", async () => {
    const owner = await user("teacher");
    const add = (text: string) =>
      addTeacherArticle({ db: t.db(), ownerId: owner, title: "T", source: "", publishedOn: "", text });
    expect(await add("PK\u0003\u0004\u0000\u0000binary")).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { text: [expect.stringMatching(/not text/)] },
    });
    expect(await add("Too short to quiz anyone.")).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { text: [expect.stringMatching(/only 5 words/)] },
    });
    expect(await add("word ".repeat(70_000))).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { text: [expect.stringMatching(/too long/)] },
    });
  });

  it("keeps scripts and styles of uploaded HTML out of the stored text", async () => {
    const owner = await user("teacher");
    const html = `<html><head><title>Bridge news</title><style>p{color:red}</style><script>alert("x")</script></head>
      <body><article>${STORY.split("\n\n")
        .map((p) => `<p>${p}</p>`)
        .join("")}<script>document.cookie</script></article></body></html>`;
    const added = await addTeacherArticle({
      db: t.db(),
      ownerId: owner,
      title: "",
      source: "",
      publishedOn: "",
      text: html,
    });
    if (!added.ok) throw new Error(JSON.stringify(added));
    const article = (await getArticleBySlug({ db: t.db(), slug: added.slug, viewerId: owner }))!;
    expect(article.title).toBe("Bridge news");
    expect(article.body).toContain("We will open the new bridge in spring");
    expect(article.body).not.toMatch(/alert|document\.cookie|color:red/);
  });
});
