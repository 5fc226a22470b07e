import type { Database } from "@/db/client";
import { readShippedArticles } from "@/lib/articles/content";
import { insertArticleIfMissing } from "@/lib/articles/queries";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "@/lib/demo";

/** Loads the shipped articles (idempotently) and, when asked, the demo accounts. */
export async function prepareContent(input: {
  database: Database;
  seedDemo: boolean;
  log?: (line: string) => void;
}): Promise<{ articlesAdded: number }> {
  const log = input.log ?? (() => {});
  const { db } = input.database;
  let articlesAdded = 0;
  for (const article of await readShippedArticles()) {
    if (await insertArticleIfMissing({ db, article })) articlesAdded++;
  }
  if (articlesAdded > 0) log(`Loaded ${articlesAdded} article(s) from content/articles.`);
  if (input.seedDemo) {
    await seedDemoAccounts({ db });
    log("Demo accounts (development or SEED_DEMO=1 only; never use them in production):");
    for (const a of DEMO_ACCOUNTS) log(`  ${a.role.padEnd(8)} ${a.email}  password: ${a.password}`);
  }
  return { articlesAdded };
}
