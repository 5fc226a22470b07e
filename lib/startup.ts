import type { Database } from "@/db/client";
import { readShippedArticles } from "@/lib/articles/content";
import { insertArticleIfMissing } from "@/lib/articles/queries";
import { DEMO_ACCOUNTS, DEMO_CLASS_NAME, seedDemoAccounts, seedDemoClass } from "@/lib/demo";

/** Loads the shipped articles (idempotently) and, when asked, the demo accounts. */
export async function prepareContent(input: {
  database: Database;
  seedDemo: boolean;
  log?: (line: string) => void;
}): Promise<{ articlesAdded: number }> {
  const log = input.log ?? (() => {});
  const { db } = input.database;
  let articlesAdded = 0;
  const shipped = await readShippedArticles();
  for (const article of shipped) {
    if (await insertArticleIfMissing({ db, article })) articlesAdded++;
  }
  if (articlesAdded > 0) log(`Loaded ${articlesAdded} article(s) from content/articles.`);
  if (input.seedDemo) {
    await seedDemoAccounts({ db });
    log("Demo accounts (development or SEED_DEMO=1 only; never use them in production):");
    for (const a of DEMO_ACCOUNTS) log(`  ${a.role.padEnd(8)} ${a.email}  password: ${a.password}`);
    // A first run shows a class with work in it: the teacher's gradebook and reports, the student's assignment.
    const first = shipped[0];
    const demo = first ? await seedDemoClass({ db, articleSlug: first.slug }) : { seeded: false };
    if (demo.seeded)
      log(
        `Demo class "${DEMO_CLASS_NAME}" made for the demo teacher, with the demo student and submitted work.`,
      );
  }
  return { articlesAdded };
}
