export default function Loading() {
  return (
    <div className="animate-pulse space-y-4" aria-busy="true" aria-label="Loading quiz">
      <div className="h-8 w-1/2 rounded bg-stone-200" />
      <div className="h-40 rounded bg-stone-100" />
      <div className="h-40 rounded bg-stone-100" />
    </div>
  );
}
