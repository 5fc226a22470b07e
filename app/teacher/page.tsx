import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { listArticles } from "@/lib/articles/queries";
import { listClassesForTeacher } from "@/lib/classes/queries";
import { formatJoinCode } from "@/lib/classes/join-code";
import { CreateClassForm } from "@/components/simple-forms";
import { readingMinutes } from "@/lib/articles/reading";
import { formatCalendarDate, formatCount } from "@/lib/format";

export const metadata: Metadata = { title: "Teacher desk" };

export default async function TeacherDeskPage() {
  const teacher = await requireRole("teacher", "/teacher");
  const db = await getDb();
  const [articles, classes] = await Promise.all([
    listArticles({ db, viewerId: teacher.id }),
    listClassesForTeacher({ db, teacherId: teacher.id }),
  ]);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Teacher desk</h1>
        <p className="text-stone-700">
          Welcome, {teacher.name}. These are the articles your students can read and study.
        </p>
      </header>
      <section aria-labelledby="classes-heading" className="space-y-4">
        <h2 id="classes-heading" className="text-lg font-semibold">
          Your classes
        </h2>
        {classes.length === 0 && <FirstSteps />}
        {classes.length > 0 && (
          <ul className="grid gap-3 sm:grid-cols-2">
            {classes.map((c) => (
              <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-4">
                <Link
                  href={`/teacher/classes/${c.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {c.name}
                </Link>
                <p className="text-sm text-stone-600">
                  {formatCount(c.students, "student")} · code{" "}
                  <span className="font-mono">{formatJoinCode(c.joinCode)}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
        <CreateClassForm />
      </section>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">Articles</h2>
        <Link
          href="/teacher/articles/new"
          className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800"
        >
          Add an article
        </Link>
      </div>
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
                </Link>{" "}
                <Link href={`/teacher/articles/${a.slug}`} className="text-xs text-stone-600 underline">
                  questions
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

/** A new teacher's desk: what to do first, in order, until the first class exists. */
function FirstSteps() {
  return (
    <div
      role="region"
      aria-labelledby="first-steps-heading"
      className="rounded-lg border border-brand-100 bg-brand-50 p-5"
    >
      <h3 id="first-steps-heading" className="font-semibold text-stone-900">
        Start here: three steps to your first assignment
      </h3>
      <ol className="mt-3 list-decimal space-y-2 pl-5 text-sm text-stone-800">
        <li>
          <strong>Create a class</strong> below: give it the name your students know it by.
        </li>
        <li>
          <strong>Share its join code.</strong> Students sign up as students and enter the code at{" "}
          <span className="font-mono">/join</span>.
        </li>
        <li>
          <strong>Assign a quiz</strong> from the class page. First look over an article&apos;s questions (its
          &ldquo;questions&rdquo; link in the list below): turn off any you would not ask, or add your own. Or{" "}
          <Link href="/teacher/articles/new" className="font-medium text-brand-700 underline">
            add an article
          </Link>{" "}
          of your own.
        </li>
      </ol>
    </div>
  );
}
