import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { getArticleBySlug } from "@/lib/articles/queries";
import { paragraphsOf, readingMinutes } from "@/lib/articles/reading";
import { formatCalendarDate } from "@/lib/dates";

type Props = { params: Promise<{ slug: string }> };

const loadArticle = cache(async (slug: string) => getArticleBySlug({ db: await getDb(), slug }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle((await params).slug);
  return { title: article?.title ?? "Article not found" };
}

export default async function ArticlePage({ params }: Props) {
  const article = await loadArticle((await params).slug);
  if (!article) notFound();
  const date = formatCalendarDate(article.publishedOn);
  return (
    <article className="mx-auto max-w-prose">
      <p className="no-print mb-6 text-sm">
        <Link href="/" className="text-brand-700 hover:underline">
          ← All articles
        </Link>
      </p>
      <header className="mb-8 space-y-3 border-b border-stone-200 pb-6">
        <h1 className="font-serif text-3xl font-bold leading-tight tracking-tight sm:text-4xl">
          {article.title}
        </h1>
        <p className="text-sm text-stone-600">
          {date && <time dateTime={article.publishedOn ?? undefined}>{date}</time>}
          {date && " · "}
          {article.source && `${article.source} · `}
          {readingMinutes(article.wordCount)} min read ({article.wordCount.toLocaleString("en")} words)
        </p>
      </header>
      <div className="space-y-5 font-serif text-lg leading-relaxed text-stone-900">
        {paragraphsOf(article.body).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </article>
  );
}
