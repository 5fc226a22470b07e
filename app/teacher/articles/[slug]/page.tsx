import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { ArticleDetailsForm } from "@/components/article-details-form";
import { ReviewQuestionCard } from "@/components/review-question-card";
import { getDb } from "@/db";
import { getArticleBySlug } from "@/lib/articles/queries";
import { formatCalendarDate } from "@/lib/dates";
import { CUSTOM_TYPE_LABELS, CUSTOM_TYPES } from "@/lib/reviews/limits";
import { pageOf, REVIEW_PAGE_SIZE, type Paged } from "@/lib/reviews/pages";
import { getReviewBank, type ReviewEntry } from "@/lib/reviews/reviews";
import { PageNotice } from "@/components/notice";

export const metadata: Metadata = { title: "Question review" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function Section({
  id,
  title,
  intro,
  entries,
  numbers,
  slug,
  paged,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  entries: ReviewEntry[];
  numbers: Map<string, number>;
  slug: string;
  /** When the section is shown a page at a time: which page, of how many. */
  paged?: Paged<ReviewEntry>;
  children?: React.ReactNode;
}) {
  const shown = paged ? paged.items : entries;
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title} ({entries.length})
      </h2>
      <p className="text-sm text-stone-700">{intro}</p>
      {paged && paged.pages > 1 && <Pager id={id} slug={slug} paged={paged} />}
      {shown.length > 0 && (
        <ol className="space-y-3">
          {shown.map((e) => (
            <ReviewQuestionCard
              key={e.questionId}
              entry={e}
              number={numbers.get(e.questionId)!}
              slug={slug}
            />
          ))}
        </ol>
      )}
      {children}
    </section>
  );
}

/** Links to the other pages of a long section. */
function Pager({ id, slug, paged }: { id: string; slug: string; paged: Paged<ReviewEntry> }) {
  const href = (page: number) => `/teacher/articles/${encodeURIComponent(slug)}?page=${page}#${id}`;
  const from = (paged.page - 1) * REVIEW_PAGE_SIZE + 1;
  return (
    <nav aria-label="Pages of the rest of the bank" className="flex flex-wrap items-center gap-3 text-sm">
      <span>
        Questions {from}–{from + paged.items.length - 1} of {paged.total} (page {paged.page} of {paged.pages})
      </span>
      {paged.page > 1 && (
        <Link href={href(paged.page - 1)} className="text-brand-700 underline">
          Previous page
        </Link>
      )}
      {paged.page < paged.pages && (
        <Link href={href(paged.page + 1)} className="text-brand-700 underline">
          Next page
        </Link>
      )}
    </nav>
  );
}

/**
 * The teacher's review of an article's questions: the whole generated bank
 * with keys and evidence, what is on, their edits and their own questions.
 */
export default async function QuestionReviewPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const teacher = await requireRole("teacher", `/teacher/articles/${slug}`);
  const db = await getDb();
  const article = await getArticleBySlug({ db, slug, viewerId: teacher.id });
  if (!article) notFound();
  const review = await getReviewBank({ db, teacherId: teacher.id, articleId: article.id });
  if (!review) notFound();
  const { entries, stats } = review;
  const inQuiz = entries.filter((e) => !e.custom && e.included);
  const rest = entries.filter((e) => !e.custom && !e.included);
  const focus = typeof query.q === "string" ? query.q : undefined;
  const restPage = pageOf(rest, { page: query.page, focus: (e) => e.questionId === focus });
  const own = entries.filter((e) => e.custom);
  const total = entries.filter((e) => e.included).length;
  const numbers = new Map(entries.map((e, i) => [e.questionId, i + 1]));
  const date = formatCalendarDate(article.publishedOn);
  const owner = article.ownerId === teacher.id;
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/teacher" className="text-brand-700 hover:underline">
          ← Teacher desk
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{article.title}</h1>
        {(article.source || date) && (
          <p className="text-stone-700">{[article.source, date].filter(Boolean).join(" · ")}</p>
        )}
        <p className="text-stone-700">
          {entries.length - own.length} questions · {stats.speakers} speakers · {stats.quotes} statements ·{" "}
          {stats.systems} systems · {stats.defects} sentences with lost words (never asked about) ·{" "}
          <Link href={`/articles/${article.slug}`} className="text-brand-700 underline">
            read the article
          </Link>
        </p>
        <PageNotice query={query} />
        {owner && (
          <ArticleDetailsForm
            slug={article.slug}
            title={article.title}
            source={article.source ?? ""}
            publishedOn={article.publishedOn ?? ""}
          />
        )}
      </header>
      <p className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm">
        When you assign this article, the {total} questions that are on become the quiz, exactly as they stand
        then. Turning questions on or off and editing them changes future assignments only.{" "}
        <strong>Assignments already made keep the version they were given.</strong>
      </p>
      <Section
        id="in-quiz-heading"
        title="In the quiz"
        intro="The generator's default quiz, with your changes. These are assigned (with your own questions that are on)."
        entries={inQuiz}
        numbers={numbers}
        slug={article.slug}
      />
      <Section
        id="rest-heading"
        title="Rest of the bank"
        intro="Every other question the article supports. Turn one on to add it to the quiz."
        entries={rest}
        numbers={numbers}
        slug={article.slug}
        paged={restPage}
      />
      <Section
        id="own-heading"
        title="Your questions"
        intro="Questions you wrote for this article. Only you see them, and your students when you assign it."
        entries={own}
        numbers={numbers}
        slug={article.slug}
      >
        <form
          method="get"
          action={`/teacher/articles/${encodeURIComponent(article.slug)}/questions/new`}
          className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
        >
          <fieldset className="space-y-2">
            <legend className="font-medium">Add your own question</legend>
            {CUSTOM_TYPES.map((type, i) => (
              <label key={type} className="flex items-center gap-2 text-sm">
                <input type="radio" name="type" value={type} defaultChecked={i === 0} className="h-4 w-4" />
                {CUSTOM_TYPE_LABELS[type]}
              </label>
            ))}
          </fieldset>
          <button
            type="submit"
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            Write the question
          </button>
        </form>
      </Section>
    </div>
  );
}
