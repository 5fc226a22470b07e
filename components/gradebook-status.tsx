import type { ReactNode } from "react";
import { STATUS_LABELS, type CellStatus } from "@/lib/labels";

/**
 * A clock face drawn inline: the emoji (U+23F0) was a box on machines
 * without an emoji font, which school computers often are.
 */
function ClockIcon() {
  return (
    <svg
      viewBox="0 0 16 16"
      width="12"
      height="12"
      className="mr-0.5 inline-block align-[-1px]"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      data-icon="clock"
    >
      <circle cx="8" cy="8" r="6.5" />
      <path d="M8 4.5V8l2.5 1.5" />
    </svg>
  );
}

const STYLES: Record<CellStatus, { symbol: ReactNode; className: string }> = {
  submitted: { symbol: "✓", className: "text-green-800" },
  late: { symbol: <ClockIcon />, className: "text-amber-800" },
  in_progress: { symbol: "…", className: "text-brand-700" },
  missing: { symbol: "✗", className: "text-red-800" },
  not_started: { symbol: "·", className: "text-stone-600" },
};

/** A status in words, with a symbol and colour as extras (colour is never the only signal). */
export function StatusLabel({ status, overdue = false }: { status: CellStatus; overdue?: boolean }) {
  const s = STYLES[status];
  return (
    <span className={`whitespace-nowrap text-xs font-medium ${s.className}`}>
      <span aria-hidden="true">{s.symbol} </span>
      {STATUS_LABELS[status]}
      {status === "in_progress" && overdue ? ", overdue" : ""}
    </span>
  );
}

export function StatusLegend() {
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      <dt>
        <StatusLabel status="submitted" />
      </dt>
      <dd>Submitted on time; the score is the attempt that counts.</dd>
      <dt>
        <StatusLabel status="late" />
      </dt>
      <dd>The attempt that counts was submitted after the due date.</dd>
      <dt>
        <StatusLabel status="in_progress" />
      </dt>
      <dd>Started, nothing submitted yet (“overdue” once the due date has passed).</dd>
      <dt>
        <StatusLabel status="missing" />
      </dt>
      <dd>Nothing submitted, and the due date has passed or the assignment is closed.</dd>
      <dt>
        <StatusLabel status="not_started" />
      </dt>
      <dd>Not started, and still time before the due date.</dd>
    </dl>
  );
}
