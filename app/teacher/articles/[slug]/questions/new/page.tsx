import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { QuestionForm } from "@/components/question-form";
import { getDb } from "@/db";
import { getArticleBySlug } from "@/lib/articles/queries";
import { SKILL_LABELS } from "@/lib/labels";
import { CUSTOM_TYPE_LABELS, CUSTOM_TYPES, SKILLS, type CustomQuestionType } from "@/lib/reviews/limits";

export const metadata: Metadata = { title: "Add your own question" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const isType = (v: unknown): v is CustomQuestionType =>
  typeof v === "string" && (CUSTOM_TYPES as readonly string[]).includes(v);

export default async function NewQuestionPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const teacher = await requireRole("teacher", `/teacher/articles/${slug}/questions/new`);
  const article = await getArticleBySlug({ db: await getDb(), slug, viewerId: teacher.id });
  if (!article) notFound();
  const type = isType(query.type) ? query.type : "single";
  const base = `/teacher/articles/${encodeURIComponent(article.slug)}/questions/new`;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/teacher/articles/${article.slug}`} className="text-brand-700 hover:underline">
          ← {article.title}
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Add your own question</h1>
        <p className="text-stone-700">{CUSTOM_TYPE_LABELS[type]}</p>
      </header>
      <nav aria-label="Kind of question">
        <ul className="flex flex-wrap gap-3 text-sm">
          {CUSTOM_TYPES.map((t) => (
            <li key={t}>
              <Link
                href={`${base}?type=${t}`}
                aria-current={t === type ? "page" : undefined}
                className="text-brand-700 underline aria-[current=page]:font-semibold aria-[current=page]:no-underline"
              >
                {CUSTOM_TYPE_LABELS[t]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <QuestionForm
        key={type}
        slug={article.slug}
        shape={type}
        newType={type}
        skills={SKILLS.map((s) => ({ value: s, label: SKILL_LABELS[s] }))}
      />
    </div>
  );
}
