import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { resetQuestionAction } from "@/app/teacher/articles/[slug]/actions";
import { QuestionForm } from "@/components/question-form";
import { KIND_LABELS } from "@/lib/labels";
import { Attention, QuestionSummary } from "@/components/review-question-card";
import { getDb } from "@/db";
import { getArticleBySlug } from "@/lib/articles/queries";
import { SKILL_LABELS } from "@/lib/labels";
import { customTypeOf, shapeOf } from "@/lib/reviews/drafts";
import { getReviewBank } from "@/lib/reviews/queries";

export const metadata: Metadata = { title: "Edit question" };

type Props = { params: Promise<{ slug: string; questionId: string }> };

export default async function EditQuestionPage({ params }: Props) {
  const { slug, questionId } = await params;
  const teacher = await requireRole("teacher", `/teacher/articles/${slug}/questions/${questionId}`);
  const db = await getDb();
  const article = await getArticleBySlug({ db, slug, viewerId: teacher.id });
  if (!article) notFound();
  const review = await getReviewBank({ db, teacherId: teacher.id, articleId: article.id });
  const entry = review?.entries.find((e) => e.questionId === questionId);
  if (!entry) notFound();
  const q = entry.question;
  const shape = entry.custom ? customTypeOf(q) : shapeOf(entry.original ?? q);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link
          href={`/teacher/articles/${article.slug}#q-${entry.questionId}`}
          className="text-brand-700 hover:underline"
        >
          ← {article.title}
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Edit question</h1>
        <p className="text-stone-700">
          {SKILL_LABELS[q.skill]} · {entry.custom ? "Your question" : KIND_LABELS[q.kind]} ·{" "}
          {entry.included ? "In the quiz" : "Off"}
        </p>
        <Attention entry={entry} />
      </header>
      {entry.evidenceText && (
        <section aria-labelledby="evidence-heading" className="space-y-1">
          <h2 id="evidence-heading" className="text-sm font-semibold">
            What the article says
          </h2>
          <blockquote className="border-l-4 border-yellow-400 bg-yellow-50 px-3 py-1 font-serif text-sm">
            <mark className="bg-yellow-200">{entry.evidenceText}</mark>
          </blockquote>
        </section>
      )}
      {entry.original && (
        <section
          aria-labelledby="generated-heading"
          className="space-y-2 rounded-lg border border-stone-200 bg-white p-4"
        >
          <h2 id="generated-heading" className="text-sm font-semibold">
            Generated version
          </h2>
          <QuestionSummary question={entry.original} />
          <form action={resetQuestionAction}>
            <input type="hidden" name="slug" value={article.slug} />
            <input type="hidden" name="questionId" value={entry.questionId} />
            <button
              type="submit"
              className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
            >
              Reset to generated
            </button>
          </form>
        </section>
      )}
      <QuestionForm
        slug={article.slug}
        shape={shape}
        question={q}
        questionId={entry.questionId}
        {...(entry.custom ? {} : { generatedExplanation: (entry.original ?? q).explanation })}
      />
    </div>
  );
}
