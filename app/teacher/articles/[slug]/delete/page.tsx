import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { ConfirmCheckbox } from "@/components/confirm-checkbox";
import { PageNotice } from "@/components/notice";
import { getDb } from "@/db";
import { articleImpact } from "@/lib/articles/manage";
import { getArticleBySlug } from "@/lib/articles/queries";
import { countOf } from "@/lib/format";
import { deleteArticleAction } from "../actions";

export const metadata: Metadata = { title: "Delete an article" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The confirm step of deleting a teacher's own article: what it does to students' work. */
export default async function DeleteArticlePage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const teacher = await requireRole("teacher", `/teacher/articles/${encodeURIComponent(slug)}/delete`);
  const db = await getDb();
  const article = await getArticleBySlug({ db, slug, viewerId: teacher.id });
  // Only the owner deletes: a shipped article or another teacher's is not found here.
  const impact = article
    ? await articleImpact({ db, teacherId: teacher.id, articleId: article.id })
    : undefined;
  if (!article || !impact) notFound();
  const withWork = impact.attempts > 0;
  const page = `/teacher/articles/${encodeURIComponent(article.slug)}`;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href={page} className="text-brand-700 hover:underline">
          ← {article.title}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">Delete {article.title}?</h1>
      <PageNotice query={query} />
      <ul className="list-disc space-y-1 pl-6 text-stone-800">
        <li>{countOf(impact.assignments, "assignment")} of it in your classes.</li>
        <li>
          {countOf(impact.attempts, "quiz attempt")} on it by {countOf(impact.students, "student")}
          {impact.inProgress > 0 ? `, ${impact.inProgress} in progress` : ""} (assigned or studying alone).
        </li>
      </ul>
      {withWork ? (
        <p className="text-stone-800">
          The article disappears from every list and page, for good: nobody can read it or take a new quiz on
          it, and your review of its questions goes. Its assignments are deleted too: they leave your
          gradebooks and the students&apos; lists, and attempts in progress end now, graded with what they
          saved. Every attempt stays in its student&apos;s own history (Progress). To only take it off your
          desk, archive it instead.
        </p>
      ) : (
        <p className="text-stone-800">
          Nobody has answered a quiz on it, so no student&apos;s work is lost: the article, your review of its
          questions and any assignment of it are removed.
        </p>
      )}
      <form action={deleteArticleAction} className="space-y-4 rounded-lg border border-red-200 bg-white p-5">
        <input type="hidden" name="slug" value={article.slug} />
        {withWork && (
          <ConfirmCheckbox id="confirm-delete">
            I understand that {article.title} and its {countOf(impact.assignments, "assignment")} disappear
            for good, and that {countOf(impact.attempts, "attempt")} on it leave every gradebook.
          </ConfirmCheckbox>
        )}
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            className="rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800"
          >
            Delete the article
          </button>
          <Link
            href={page}
            className="rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-100"
          >
            Keep it
          </Link>
        </div>
      </form>
    </div>
  );
}
