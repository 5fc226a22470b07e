import type { StudentAssignment } from "@/lib/assignments/queries";
import { STATUS_LABELS } from "@/lib/labels";

const STYLES = {
  not_started: "border-stone-300 bg-stone-50 text-stone-800",
  in_progress: "border-blue-300 bg-blue-50 text-blue-900",
  submitted: "border-green-300 bg-green-50 text-green-900",
  late: "border-amber-300 bg-amber-50 text-amber-900",
} as const;

/** A student's status on an assignment, in words (colour only repeats them). */
export function AssignmentStatusBadge({ item }: { item: Pick<StudentAssignment, "status" | "overdue"> }) {
  const overdue = item.overdue && item.status !== "in_progress";
  return (
    <span
      className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium ${
        overdue ? "border-red-300 bg-red-50 text-red-900" : STYLES[item.status]
      }`}
    >
      {STATUS_LABELS[item.status]}
      {overdue ? " · overdue" : ""}
    </span>
  );
}
