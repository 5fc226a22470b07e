import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { NewArticle } from "@/db/schema";
import { prepareArticle } from "@/lib/quiz";
import { countWords } from "./reading";

/**
 * Articles shipped with the app live in content/articles as <slug>.txt (or
 * .html) with an optional <slug>.json beside it for what the text cannot say
 * (title, source). A leading "date YYYY-MM-DD" line is metadata, not prose.
 */
const contentDir = path.join(/* turbopackIgnore: true */ process.cwd(), "content", "articles");

const metaSchema = z.object({
  title: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
  publishedOn: z.iso.date().optional(),
});

export async function readShippedArticles(dir = contentDir): Promise<NewArticle[]> {
  const files = (await fs.readdir(dir)).filter((f) => /\.(txt|html?)$/i.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      const slug = file.replace(/\.[^.]+$/, "");
      const raw = await fs.readFile(path.join(dir, file), "utf8");
      const meta = await readMeta(path.join(dir, `${slug}.json`));
      const prepared = prepareArticle(raw);
      return {
        slug,
        title: meta.title ?? prepared.title ?? titleFromSlug(slug),
        source: meta.source ?? null,
        publishedOn: meta.publishedOn ?? prepared.date ?? null,
        body: prepared.text,
        wordCount: countWords(prepared.text),
      };
    }),
  );
}

async function readMeta(file: string): Promise<z.infer<typeof metaSchema>> {
  try {
    return metaSchema.parse(JSON.parse(await fs.readFile(file, "utf8")));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new Error(`Bad article metadata in ${file}: ${(e as Error).message}`);
  }
}

function titleFromSlug(slug: string): string {
  const words = slug.replace(/-\d{4}-\d{2}-\d{2}$/, "").split("-");
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
