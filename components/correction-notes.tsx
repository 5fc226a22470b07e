import type { OverrideState, RegradeState } from "@/lib/attempts/scoring";
import { formatDateTime, formatNumber } from "@/lib/format";
import { REGRADE_LABELS } from "@/lib/gradebook/correction-form";

/** "Regraded on Tue, 1 Dec 2026, 15:00 CET: key changed", beside the question it changed. */
export function CorrectionNote({ regrade, timeZone }: { regrade: RegradeState; timeZone: string }) {
  return (
    <p className="mt-1 text-sm text-stone-700">
      <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
        Regraded
      </span>{" "}
      on {formatDateTime(regrade.at, timeZone)}: {REGRADE_LABELS[regrade.kind]}.
    </p>
  );
}

/** A score the teacher set by hand, with their comment, as the student reads it. */
export function TeacherScoreNote({
  override,
  max,
  timeZone,
  what,
}: {
  override: OverrideState;
  max: number;
  timeZone: string;
  what: "your score" | "this question";
}) {
  return (
    <div className="mt-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950">
      <p>
        {override.score !== null ? (
          <>
            Your teacher set {what} to {formatNumber(override.score)} / {max} on{" "}
            {formatDateTime(override.at, timeZone)}.
          </>
        ) : (
          <>Your teacher commented on {formatDateTime(override.at, timeZone)}.</>
        )}
      </p>
      {override.comment && (
        <p className="mt-1">
          <span className="font-medium">Comment:</span> {override.comment}
        </p>
      )}
    </div>
  );
}
