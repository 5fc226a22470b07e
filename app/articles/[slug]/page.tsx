import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getSessionUser } from "@/app/_lib/auth";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { isId } from "@/app/_lib/params";
import { percentOf } from "@/lib/scores";
import { startAttemptAction } from "@/app/attempts/actions";
import { ArticleBody } from "@/components/article-body";
import { getDb } from "@/db";
import { paragraphsWithHighlights, parseHighlight } from "@/lib/articles/highlight";
import { getArticleBySlug } from "@/lib/articles/queries";
import { readingMinutes } from "@/lib/articles/reading";
import { assignmentForReading } from "@/lib/assignments/reading";
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
  // "Read the article" on an assignment: the page leads back to it (only for a student of its class).
  const assignmentId = isId(query.assignment) ? query.assignment : null;
  const [attempts, missed, lock, forAssignment] = user
    ? await Promise.all([
        latestAttemptsForArticle({ db, userId: user.id, articleId: article.id }),
        countMissed({ db, userId: user.id, articleId: article.id }),
        gradedLock({ db, userId: user.id, articleId: article.id }),
        assignmentId
          ? assignmentForReading({ db, studentId: user.id, assignmentId, articleId: article.id })
          : undefined,
      ])
    : [[], 0, undefined, undefined];
  const open = attempts.find((a) => a.status === "in_progress");
  const date = formatCalendarDate(article.publishedOn);
  const highlight = parseHighlight(query.highlight, article.body.length);
  // "Show in article" on a results page: the way back to that question's result.
  const results = isId(query.from) ? resultsLink(query.from, query.q) : null;
  return (
    <div className="mx-auto max-w-prose">
      <p className="no-print mb-6 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {forAssignment ? (
          <Link
            href={`/assignments/${forAssignment.assignmentId}`}
            className="text-brand-700 hover:underline"
          >
            ← Back to the assignment
          </Link>
        ) : results ? (
          <Link href={results} className="text-brand-700 hover:underline">
            ← Back to your results
          </Link>
        ) : null}
        <Link href="/" className="text-brand-700 hover:underline">
          All articles
        </Link>
      </p>
      {highlight.length > 0 && (
        // Sticky, and outside the article's header: the page opens scrolled to the passage, far below the top.
        <p
          role="status"
          className="no-print sticky top-0 z-10 -mx-2 mb-4 flex flex-wrap items-baseline gap-x-4 gap-y-1 rounded-b-md border-b border-stone-200 bg-stone-50/95 px-2 py-2 text-sm text-stone-700 backdrop-blur"
        >
          <span>The highlighted passage answers the question you came from.</span>
          {results && (
            <Link href={results} className="font-medium text-brand-700 underline">
              Back to your results
            </Link>
          )}
        </p>
      )}
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
        {forAssignment ? (
          <div className="space-y-3">
            <p className="text-stone-700">
              You are reading this for an assignment in {forAssignment.className}. Its quiz is on the
              assignment&apos;s page, where it counts.
            </p>
            <Link
              href={`/assignments/${forAssignment.assignmentId}`}
              className="inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
            >
              Back to the assignment
            </Link>
          </div>
        ) : user && lock ? (
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

/** The results page a "Show in article" link came from, at the question it was on. */
function resultsLink(attemptId: string, question: unknown): string {
  const n = typeof question === "string" && /^\d{1,3}$/.test(question) ? Number(question) : 0;
  return `/attempts/${attemptId}${n > 0 ? `#result-${n}` : "#results"}`;
}
