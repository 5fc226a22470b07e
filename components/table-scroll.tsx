import type { ReactNode } from "react";

/**
 * A wide table on a narrow screen: the table scrolls inside this region, not
 * the page, and its first column (who or what the row is) stays in view
 * (`.table-scroll` in app/globals.css). The region is focusable so a keyboard
 * can scroll it too, and positioned, so that an absolutely placed child (an
 * sr-only header's text) is clipped with it instead of widening the page.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="table-scroll relative overflow-x-auto rounded-lg border border-stone-200 bg-white"
    >
      {children}
    </div>
  );
}
