import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { ArticleBody } from "@/components/article-body";
import { WorksheetPrintButton } from "@/components/worksheet-print-button";
import { WorksheetQuestions } from "@/components/worksheet-questions";
import { getDb } from "@/db";
import { paragraphsWithHighlights } from "@/lib/articles/highlight";
import { formatCalendarDate } from "@/lib/format";
import { getAssignmentForTeacher } from "@/lib/gradebook/assignment-report";
import { idOrNotFound } from "@/app/_lib/params";

export const metadata: Metadata = { title: "Worksheet" };

type Props = { params: Promise<{ id: string }> };

/** The assignment on paper: the article, then the questions with room to answer. No answers. */
export default async function WorksheetPage({ params }: Props) {
  const { id } = await params;
  const teacher = await requireRole("teacher", `/teacher/assignments/${id}/worksheet`);
  const a = await getAssignmentForTeacher({
    db: await getDb(),
    teacherId: teacher.id,
    assignmentId: idOrNotFound(id),
    withArticleBody: true,
  });
  if (!a) notFound();
  const published = formatCalendarDate(a.article.publishedOn);
  return (
    <div className="mx-auto max-w-3xl space-y-8 print:max-w-none">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/teacher/assignments/${a.id}`} className="text-sm text-brand-700 hover:underline">
          ← Assignment report
        </Link>
        <WorksheetPrintButton label="Print worksheet" />
      </div>
      <header className="space-y-3">
        <p className="text-sm text-stone-600">{a.className}</p>
        <h1 className="font-serif text-2xl font-semibold">{a.article.title}</h1>
        {(a.article.source || published) && (
          <p className="text-sm text-stone-600">
            {[a.article.source, published].filter(Boolean).join(" · ")}
          </p>
        )}
        <div className="grid gap-4 pt-2 text-sm sm:grid-cols-2 print:grid-cols-2">
          <p className="flex items-end gap-2">
            Name <span aria-hidden="true" className="flex-1 border-b border-stone-500" />
          </p>
          <p className="flex items-end gap-2">
            Date <span aria-hidden="true" className="flex-1 border-b border-stone-500" />
          </p>
        </div>
      </header>
      <section aria-labelledby="article-heading" className="space-y-3">
        <h2 id="article-heading" className="text-lg font-semibold">
          The article
        </h2>
        <ArticleBody paragraphs={paragraphsWithHighlights(a.articleBody ?? "", [])} compact />
      </section>
      <section aria-labelledby="questions-heading" className="space-y-4 print:break-before-page">
        <h2 id="questions-heading" className="text-lg font-semibold">
          Questions
        </h2>
        <WorksheetQuestions questions={a.questions} />
      </section>
    </div>
  );
}
