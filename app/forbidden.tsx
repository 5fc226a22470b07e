import Link from "next/link";
import { getSessionUser } from "@/app/_lib/auth";

/** A signed-in person of the other role (requireRole): say which role the page is for. */
export default async function Forbidden() {
  const user = await getSessionUser();
  const forRole = user?.role === "teacher" ? "students" : "teachers";
  return (
    <div className="mx-auto max-w-prose space-y-4 py-12 text-center">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="text-stone-700">This page is for {forRole}. Your account does not have access to it.</p>
      <Link href="/" className="font-medium text-brand-700 underline">
        Back to the articles
      </Link>
    </div>
  );
}
