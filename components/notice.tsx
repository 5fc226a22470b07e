import { noticeFor } from "@/lib/notices";

const TONES = {
  success: "border-green-200 bg-green-50 text-green-800",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  error: "border-red-200 bg-red-50 text-red-800",
} as const;

/**
 * A page's one-line message after an action ("The quiz is assigned."). Errors
 * are alerts, the rest polite status messages; the words carry the meaning,
 * the colour only repeats it.
 */
export function Notice({
  tone = "success",
  className = "",
  children,
}: {
  tone?: keyof typeof TONES;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-md border px-3 py-2 text-sm ${TONES[tone]} ${className}`.trim()}
    >
      {children}
    </p>
  );
}

/** The notice a page's `?notice=` names (lib/notices.ts), or nothing. */
export function PageNotice({
  query,
  className,
}: {
  query: Record<string, string | string[] | undefined>;
  className?: string;
}) {
  const notice = noticeFor(query);
  return notice ? (
    <Notice tone={notice.tone} className={className}>
      {notice.text}
    </Notice>
  ) : null;
}
