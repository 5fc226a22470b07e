"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-prose space-y-4 py-12 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-stone-700">We could not load this page. Nothing you saved has been lost.</p>
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white"
      >
        Try again
      </button>
    </div>
  );
}
