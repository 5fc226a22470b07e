import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-prose space-y-4 py-12 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-stone-700">There is nothing here, or it is not yours to see.</p>
      <Link href="/" className="font-medium text-brand-700 underline">
        Back to the articles
      </Link>
    </div>
  );
}
