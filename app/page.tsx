import Link from "next/link";
import { getSessionUser } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { listArticles } from "@/lib/articles/queries";
import { readingMinutes } from "@/lib/articles/reading";
import { formatCalendarDate } from "@/lib/format";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const viewer = await getSessionUser();
  const articles = await listArticles({ db: await getDb(), viewerId: viewer?.id ?? null });
  return (
    <div className="space-y-8">
      {viewer?.role === "teacher" && (
        <aside
          aria-label="Your teacher desk"
          className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-brand-100 bg-brand-50 px-5 py-4"
        >
          <p className="text-stone-800">Classes, assignments and the gradebook are on your Teacher desk.</p>
          <Link
            href="/teacher"
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            Go to your Teacher desk
          </Link>
        </aside>
      )}
      <section className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight text-stone-900">
          Read the news. Then prove you read it.
        </h1>
        <p className="max-w-prose text-stone-700">
          Each article comes with a quiz written from its own text: who said what, and what actually happened.
        </p>
      </section>
      <section aria-labelledby="articles-heading" className="space-y-4">
        <h2 id="articles-heading" className="text-xl font-semibold">
          Articles
        </h2>
        {articles.length === 0 ? (
          <p className="text-stone-700">No articles yet.</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {articles.map((a) => (
              <li
                key={a.id}
                className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm hover:border-brand-600"
              >
                <h3 className="font-serif text-lg font-semibold leading-snug">
                  <Link href={`/articles/${a.slug}`} className="hover:underline">
                    {a.title}
                  </Link>
                </h3>
                <p className="mt-2 text-sm text-stone-600">
                  {[formatCalendarDate(a.publishedOn), a.source, `${readingMinutes(a.wordCount)} min read`]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
