import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { ArticleDetailsForm } from "@/components/article-details-form";
import { ReviewQuestionCard } from "@/components/review-question-card";
import { getDb } from "@/db";
import { getArticleBySlug } from "@/lib/articles/queries";
import { formatCalendarDate } from "@/lib/format";
import { CUSTOM_TYPE_LABELS, CUSTOM_TYPES } from "@/lib/reviews/limits";
import { pageOf, REVIEW_PAGE_SIZE, type Paged } from "@/lib/reviews/pages";
import { getReviewBank, type ReviewEntry } from "@/lib/reviews/queries";
import { filterChoices, reviewFilterSchema, reviewView, type ReviewFilter } from "@/lib/reviews/view";
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
  /** When the section is shown a page at a time: which page, of how many, and its link. */
  paged?: { page: Paged<ReviewEntry>; href: (page: number) => string };
  children?: React.ReactNode;
}) {
  const shown = paged ? paged.page.items : entries;
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title} ({entries.length})
      </h2>
      <p className="text-sm text-stone-700">{intro}</p>
      {paged && paged.page.pages > 1 && <Pager paged={paged.page} href={paged.href} />}
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
function Pager({ paged, href }: { paged: Paged<ReviewEntry>; href: (page: number) => string }) {
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

/** Filters the review by kind and skill; a plain GET form, so it works without JavaScript. */
function ReviewFilterForm({
  slug,
  filter,
  choices,
}: {
  slug: string;
  filter: ReviewFilter;
  choices: ReturnType<typeof filterChoices>;
}) {
  const select = "rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";
  return (
    <form
      method="get"
      action={`/teacher/articles/${encodeURIComponent(slug)}`}
      aria-label="Filter the questions"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3"
    >
      <div className="space-y-1">
        <label htmlFor="filter-kind" className="block text-sm font-medium">
          Kind
        </label>
        <select id="filter-kind" name="kind" defaultValue={filter.kind ?? ""} className={select}>
          <option value="">All kinds</option>
          {choices.kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-skill" className="block text-sm font-medium">
          Skill
        </label>
        <select id="filter-skill" name="skill" defaultValue={filter.skill ?? ""} className={select}>
          <option value="">All skills</option>
          {choices.skills.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
      >
        Show
      </button>
      <p className="basis-full text-xs text-stone-600">
        In each section, questions with a warning come first: read those before you assign.
      </p>
    </form>
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
  const filter = reviewFilterSchema.parse({ kind: query.kind, skill: query.skill });
  const filtered = Boolean(filter.kind || filter.skill);
  const inQuiz = reviewView(
    entries.filter((e) => !e.custom && e.included),
    filter,
  );
  const rest = reviewView(
    entries.filter((e) => !e.custom && !e.included),
    filter,
  );
  const own = reviewView(
    entries.filter((e) => e.custom),
    filter,
  );
  // The rest of a long bank a page at a time (a maximum-size article has over 1,600 questions),
  // on the page that holds a question just changed.
  const focus = typeof query.q === "string" ? query.q : undefined;
  const restPage = pageOf(rest, { page: query.page, focus: (e) => e.questionId === focus });
  const restHref = (page: number) => {
    const params = new URLSearchParams({
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.skill ? { skill: filter.skill } : {}),
      page: String(page),
    });
    return `/teacher/articles/${encodeURIComponent(article.slug)}?${params}#rest-heading`;
  };
  const total = entries.filter((e) => e.included).length;
  const generatedCount = entries.filter((e) => !e.custom).length;
  // Numbered as shown, so "question 3" in a button's name is the third card on the page.
  const numbers = new Map([...inQuiz, ...rest, ...own].map((e, i) => [e.questionId, i + 1]));
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
          {generatedCount} questions · {stats.speakers} speakers · {stats.quotes} statements · {stats.systems}{" "}
          systems · {stats.defects} sentences with lost words (never asked about) ·{" "}
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
      <ReviewFilterForm slug={article.slug} filter={filter} choices={filterChoices(entries)} />
      {filtered && (
        <p className="text-sm text-stone-700" role="status">
          Showing {inQuiz.length + rest.length + own.length} of {entries.length} questions.{" "}
          <Link
            href={`/teacher/articles/${encodeURIComponent(article.slug)}`}
            className="text-brand-700 underline"
          >
            Show all questions
          </Link>
        </p>
      )}
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
        paged={{ page: restPage, href: restHref }}
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
