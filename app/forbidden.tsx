import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-prose space-y-4 py-12 text-center">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="text-stone-700">This page is for teachers. Your account does not have access to it.</p>
      <Link href="/" className="font-medium text-brand-700 underline">
        Back to the articles
      </Link>
    </div>
  );
}
