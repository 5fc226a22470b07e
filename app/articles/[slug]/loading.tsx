export default function Loading() {
  return (
    <div
      className="mx-auto max-w-prose animate-pulse space-y-4"
      aria-busy="true"
      aria-label="Loading article"
    >
      <div className="h-10 w-3/4 rounded bg-stone-200" />
      <div className="h-4 w-1/3 rounded bg-stone-200" />
      <div className="h-32 rounded bg-stone-100" />
    </div>
  );
}
