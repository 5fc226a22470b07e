import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/app/_lib/auth";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { AssignmentStatusBadge } from "@/components/assignment-status";
import { JoinClassForm } from "@/components/simple-forms";
import { getDb } from "@/db";
import { listAssignmentsForStudent } from "@/lib/assignments/queries";
import { listClassesForStudent } from "@/lib/classes/queries";
import { formatDateTime } from "@/lib/format";
import { PageNotice } from "@/components/notice";

export const metadata: Metadata = { title: "Your classes" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function JoinPage({ searchParams }: Props) {
  const student = await requireRole("student", "/join");
  const db = await getDb();
  const [classes, assigned, timeZone, query] = await Promise.all([
    listClassesForStudent({ db, studentId: student.id }),
    listAssignmentsForStudent({ db, studentId: student.id }),
    getViewerTimeZone(),
    searchParams,
  ]);
  return (
    <div className="space-y-10">
      <PageNotice query={query} />
      <section aria-labelledby="classes-heading" className="space-y-4">
        <h1 id="classes-heading" className="text-2xl font-semibold tracking-tight">
          Your classes
        </h1>
        {classes.length === 0 ? (
          <p className="text-stone-700">
            You are not in a class yet. You can still study any article on your own.
          </p>
        ) : (
          <ul className="space-y-4">
            {classes.map((c) => {
              const items = assigned.filter((a) => a.assignment.classId === c.id);
              return (
                <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-4">
                  <h2 className="font-semibold">
                    {c.name} <span className="text-sm font-normal text-stone-600">with {c.teacherName}</span>
                  </h2>
                  {items.length === 0 ? (
                    <p className="mt-2 text-sm text-stone-700">No assignments yet.</p>
                  ) : (
                    <ul className="mt-3 divide-y divide-stone-200">
                      {items.map((item) => (
                        <li
                          key={item.assignment.id}
                          className="flex flex-wrap items-center justify-between gap-2 py-2"
                        >
                          <span>
                            <Link
                              href={`/assignments/${item.assignment.id}`}
                              className="font-medium text-brand-700 underline"
                            >
                              {item.articleTitle}
                            </Link>
                            <span className="block text-sm text-stone-700">
                              Due {formatDateTime(item.assignment.dueAt, timeZone)}
                              {item.assignment.closedAt ? " · closed" : ""}
                            </span>
                          </span>
                          <AssignmentStatusBadge item={item} />
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="join-heading" className="space-y-4">
        <h2 id="join-heading" className="text-lg font-semibold">
          Join a class
        </h2>
        <JoinClassForm />
      </section>
    </div>
  );
}
