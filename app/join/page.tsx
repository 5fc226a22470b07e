import type { Metadata } from "next";
import { requireRole } from "@/app/_lib/auth";
import { JoinClassForm } from "@/components/simple-forms";
import { getDb } from "@/db";
import { listClassesForStudent } from "@/lib/classes/classes";

export const metadata: Metadata = { title: "Your classes" };

export default async function JoinPage() {
  const student = await requireRole("student", "/join");
  const classes = await listClassesForStudent({ db: await getDb(), studentId: student.id });
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">Join a class</h1>
        <JoinClassForm />
      </section>
      <section aria-labelledby="classes-heading" className="space-y-3">
        <h2 id="classes-heading" className="text-lg font-semibold">
          Your classes
        </h2>
        {classes.length === 0 ? (
          <p className="text-stone-700">
            You are not in a class yet. You can still study any article on your own.
          </p>
        ) : (
          <ul className="space-y-2">
            {classes.map((c) => (
              <li key={c.id} className="rounded-lg border border-stone-200 bg-white px-4 py-3">
                <span className="font-medium">{c.name}</span>{" "}
                <span className="text-sm text-stone-600">with {c.teacherName}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
