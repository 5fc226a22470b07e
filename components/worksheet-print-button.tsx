"use client";

/** Opens the browser's print dialog; the page prints without it too (the browser's own Print command). */
export function WorksheetPrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 print:hidden"
    >
      {label}
    </button>
  );
}
