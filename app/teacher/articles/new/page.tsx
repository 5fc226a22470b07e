import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/app/_lib/auth";
import { AddArticleForm } from "@/components/add-article-form";

export const metadata: Metadata = { title: "Add an article" };

export default async function NewArticlePage() {
  await requireRole("teacher", "/teacher/articles/new");
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/teacher" className="text-brand-700 hover:underline">
          ← Teacher desk
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">Add an article</h1>
      <p className="max-w-prose text-stone-700">
        Paste a news article or upload it. The questions are written from its text; only you and the students
        in your classes see it.
      </p>
      <AddArticleForm />
    </div>
  );
}
