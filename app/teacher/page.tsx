import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { listArticles } from "@/lib/articles/queries";
import { readingMinutes } from "@/lib/articles/reading";
import { formatCalendarDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Teacher desk" };

export default async function TeacherDeskPage() {
  const teacher = await requireRole("teacher", "/teacher");
  const articles = await listArticles({ db: await getDb() });
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Teacher desk</h1>
        <p className="text-stone-700">
          Welcome, {teacher.name}. These are the articles your students can read and study.
        </p>
      </header>
      <table className="w-full border-collapse overflow-hidden rounded-lg bg-white text-left text-sm shadow-sm">
        <caption className="sr-only">Articles</caption>
        <thead className="bg-stone-100 text-stone-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Title
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Date
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Length
            </th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.id} className="border-t border-stone-200">
              <td className="px-4 py-2">
                <Link href={`/articles/${a.slug}`} className="text-brand-700 hover:underline">
                  {a.title}
                </Link>
              </td>
              <td className="px-4 py-2">{formatCalendarDate(a.publishedOn) ?? "—"}</td>
              <td className="px-4 py-2">
                {a.wordCount.toLocaleString("en")} words · {readingMinutes(a.wordCount)} min
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
