import { STATUS_LABELS, type CellStatus } from "@/lib/labels";

const STYLES: Record<CellStatus, { symbol: string; className: string }> = {
  submitted: { symbol: "✓", className: "text-green-800" },
  late: { symbol: "⏰", className: "text-amber-800" },
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
