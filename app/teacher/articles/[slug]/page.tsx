import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { getArticleBySlug } from "@/lib/articles/queries";
import { SKILL_LABELS } from "@/lib/progress/queries";
import { describeKey } from "@/lib/attempts/describe";
import { analyzeArticle, questionBank } from "@/lib/quiz";

export const metadata: Metadata = { title: "Question bank" };

type Props = { params: Promise<{ slug: string }> };

/** The whole bank the generator can draw from, with keys and evidence, for the teacher's review. */
export default async function QuestionBankPage({ params }: Props) {
  const { slug } = await params;
  const teacher = await requireRole("teacher", `/teacher/articles/${slug}`);
  const article = await getArticleBySlug({ db: await getDb(), slug, viewerId: teacher.id });
  if (!article) notFound();
  const analysis = analyzeArticle(article.body);
  const bank = questionBank(analysis);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/teacher" className="text-brand-700 hover:underline">
          ← Teacher desk
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{article.title}</h1>
        <p className="text-stone-700">
          {bank.length} questions · {analysis.speakers.length} speakers · {analysis.quotes.length} statements
          · {analysis.systems.length} systems · {analysis.defects.length} sentences with lost words (never
          asked about) ·{" "}
          <Link href={`/articles/${article.slug}`} className="text-brand-700 underline">
            read the article
          </Link>
        </p>
      </header>
      <ol className="space-y-3">
        {bank.map((q) => (
          <li key={q.id} className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
            <p className="text-xs uppercase tracking-wide text-stone-500">
              {SKILL_LABELS[q.skill]} · {q.kind}
            </p>
            <p className="mt-1 font-medium">{q.prompt}</p>
            {q.options.length > 0 && (
              <p className="mt-1 text-stone-700">Options: {q.options.map((o) => o.text).join(" · ")}</p>
            )}
            <p className="mt-1">
              <span className="font-medium">Answer:</span> {describeKey(q)}
            </p>
            <blockquote className="mt-2 border-l-4 border-yellow-400 bg-yellow-50 px-3 py-1 font-serif">
              {q.evidence.map((e) => article.body.slice(e.start, e.end)).join(" … ")}
            </blockquote>
          </li>
        ))}
      </ol>
    </div>
  );
}
