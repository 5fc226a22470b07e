import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getSessionUser } from "@/app/_lib/auth";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { percentOf } from "@/lib/scores";
import { startAttemptAction } from "@/app/attempts/actions";
import { ArticleBody } from "@/components/article-body";
import { getDb } from "@/db";
import { paragraphsWithHighlights, parseHighlight } from "@/lib/articles/highlight";
import { getArticleBySlug } from "@/lib/articles/queries";
import { readingMinutes } from "@/lib/articles/reading";
import { gradedLock } from "@/lib/attempts/graded-lock";
import { countMissed, latestAttemptsForArticle } from "@/lib/attempts/views";
import { formatCalendarDate, formatScore, formatWhen } from "@/lib/format";
import { PageNotice } from "@/components/notice";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadArticle = cache(async (slug: string) => {
  const viewer = await getSessionUser();
  return getArticleBySlug({ db: await getDb(), slug, viewerId: viewer?.id ?? null });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle((await params).slug);
  return { title: article?.title ?? "Article not found" };
}

/** What a student sees instead of self-study while their assignment on the article is open. */
function SelfStudyLocked({ assignmentId }: { assignmentId: string }) {
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p>
        You have an assignment on this article. Practice quizzes on it open once you have done the assignment
        and can see its answers, so that they do not give its questions away.
      </p>
      <p>
        <Link href={`/assignments/${assignmentId}`} className="font-medium text-brand-700 underline">
          Go to the assignment
        </Link>
      </p>
    </div>
  );
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const [{ slug }, query, user, timeZone] = await Promise.all([
    params,
    searchParams,
    getSessionUser(),
    getViewerTimeZone(),
  ]);
  const article = await loadArticle(slug);
  if (!article) notFound();
  const db = await getDb();
  const [attempts, missed, lock] = user
    ? await Promise.all([
        latestAttemptsForArticle({ db, userId: user.id, articleId: article.id }),
        countMissed({ db, userId: user.id, articleId: article.id }),
        gradedLock({ db, userId: user.id, articleId: article.id }),
      ])
    : [[], 0, undefined];
  const open = attempts.find((a) => a.status === "in_progress");
  const date = formatCalendarDate(article.publishedOn);
  const highlight = parseHighlight(query.highlight, article.body.length);
  return (
    <div className="mx-auto max-w-prose">
      <p className="no-print mb-6 text-sm">
        <Link href="/" className="text-brand-700 hover:underline">
          ← All articles
        </Link>
      </p>
      <article>
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
          {highlight.length > 0 && (
            <p role="status" className="no-print text-sm text-stone-700">
              The highlighted passage answers the question you came from.
            </p>
          )}
        </header>
        <ArticleBody paragraphs={paragraphsWithHighlights(article.body, highlight)} />
      </article>
      <section
        aria-labelledby="quiz-heading"
        className="no-print mt-12 space-y-4 rounded-lg border border-stone-200 bg-white p-6 shadow-sm"
      >
        <h2 id="quiz-heading" className="text-xl font-semibold">
          Check your understanding
        </h2>
        <PageNotice query={query} />
        {user && lock ? (
          <SelfStudyLocked assignmentId={lock.assignmentId} />
        ) : user ? (
          <>
            <form action={startAttemptAction} className="flex flex-wrap gap-3">
              <input type="hidden" name="articleId" value={article.id} />
              <input type="hidden" name="slug" value={article.slug} />
              <button
                name="mode"
                value="take"
                className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
              >
                {open ? "Resume the quiz" : "Take the quiz"}
              </button>
              {!open && attempts.length > 0 && (
                <button
                  name="mode"
                  value="fresh"
                  className="rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-100"
                >
                  New quiz
                </button>
              )}
              {!open && missed > 0 && (
                <button
                  name="mode"
                  value="practice"
                  className="rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-100"
                >
                  Practice missed questions ({missed})
                </button>
              )}
            </form>
            {attempts.some((a) => a.status === "submitted") && (
              <ul className="space-y-1 text-sm">
                {attempts
                  .filter((a) => a.status === "submitted")
                  .map((a) => (
                    <li key={a.id}>
                      <Link href={`/attempts/${a.id}`} className="text-brand-700 underline">
                        {formatWhen(a.submittedAt, timeZone)}:{" "}
                        {formatScore(a.score ?? 0, a.maxScore, percentOf(a.score ?? 0, a.maxScore))}
                      </Link>
                    </li>
                  ))}
              </ul>
            )}
          </>
        ) : (
          <p className="text-stone-700">
            <Link
              href={`/sign-in?callbackUrl=${encodeURIComponent(`/articles/${article.slug}`)}`}
              className="font-medium text-brand-700 underline"
            >
              Sign in
            </Link>{" "}
            to take a quiz on this article and track your scores.
          </p>
        )}
      </section>
    </div>
  );
}
