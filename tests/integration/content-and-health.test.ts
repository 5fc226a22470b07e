import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { installDatabaseForTests } from "@/db";
import { openPglite } from "@/db/client";
import { readShippedArticles } from "@/lib/articles/content";
import { getArticleBySlug, listArticles } from "@/lib/articles/queries";
import { prepareContent } from "@/lib/startup";
import { setupTestDatabase } from "../support/db";

const t = setupTestDatabase();
const SLUG = "us-allies-weapons-ukraine-2022-10-12";

describe("shipped content", () => {
  it("reads the date header as metadata, not prose", async () => {
    const [article] = await readShippedArticles();
    expect(article?.slug).toBe(SLUG);
    expect(article?.publishedOn).toBe("2022-10-12");
    expect(article?.body.startsWith("Before Russia")).toBe(true);
    expect(article?.body).not.toMatch(/date 2022/);
    expect(article?.title).toMatch(/weapons/i);
    expect(article?.wordCount).toBeGreaterThan(700);
  });

  it("loads the articles once however often the server starts", async () => {
    const first = await prepareContent({ database: t.database(), seedDemo: false });
    const second = await prepareContent({ database: t.database(), seedDemo: false });
    expect(second.articlesAdded).toBe(0);
    expect(first.articlesAdded + second.articlesAdded).toBeLessThanOrEqual(1);
    expect((await listArticles({ db: t.db(), viewerId: null })).filter((a) => a.slug === SLUG)).toHaveLength(
      1,
    );
    const stored = await getArticleBySlug({ db: t.db(), slug: SLUG, viewerId: null });
    expect(stored?.body.split("\n\n").length).toBeGreaterThan(15);
  });

  it("finds nothing for an unknown slug", async () => {
    expect(await getArticleBySlug({ db: t.db(), slug: "no-such-article", viewerId: null })).toBeUndefined();
    expect(await getArticleBySlug({ db: t.db(), slug: "x".repeat(5000), viewerId: null })).toBeUndefined();
  });
});

describe("GET /api/health", () => {
  it("answers 200 with the driver when the database answers", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "pglite" });
  });

  it("answers 503 when the database is unreachable", async () => {
    const broken = await openPglite();
    await broken.close();
    installDatabaseForTests(broken);
    try {
      const response = await health();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "error" });
    } finally {
      installDatabaseForTests(t.database());
    }
  });
});
