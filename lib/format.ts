/**
 * How numbers, percents and dates read, everywhere: a student and their
 * teacher see the same 66.7% for the same attempt, and a time is on the
 * viewer's own clock with its zone named. Browser-safe. (CSV exports write
 * ISO dates and bare numbers on purpose: they are for spreadsheets.)
 */

/** 3, 2.5 or 3.25: at most two decimals (scores are stored to the hundredth), none when whole. */
export const formatNumber = (n: number) => String(Math.round(n * 100) / 100);

/** "66.7%", or a dash for no figure. Give it a percent from percentOf (one decimal). */
export const formatPercent = (n: number | null | undefined) =>
  n === null || n === undefined ? "—" : `${formatNumber(n)}%`;

/** "1 minute", "10 minutes": a count with its noun, singular for one. */
export const formatCount = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2.5 / 3 (83.3%)". */
export const formatScore = (score: number, maxScore: number, percent: number | null) =>
  `${formatNumber(score)} / ${maxScore} (${formatPercent(percent)})`;

/** "Tue, 1 Dec 2026, 15:00 CET": a date and time as a person in `timeZone` reads it. */
export function formatDateTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(instant);
}

/** "1 Dec" (or "1 Dec 2026" with the year) as a person in `timeZone` reads the day: a chart's axis. */
export function formatShortDate(instant: Date, timeZone: string, withYear = false): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    ...(withYear ? { year: "numeric" as const } : {}),
  }).format(instant);
}

/** formatDateTime, or a dash for no date. */
export const formatWhen = (d: Date | null | undefined, timeZone: string) =>
  d ? formatDateTime(d, timeZone) : "—";

/** "12 October 2022" for a YYYY-MM-DD date, read as a calendar date (no time zone shift). */
export function formatCalendarDate(isoDate: string | null | undefined): string | null {
  if (!isoDate || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return null;
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
