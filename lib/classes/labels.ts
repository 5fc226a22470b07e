/**
 * What a class is called where several are listed. Two classes of the same
 * name are told apart by their section ("Year 9 History · Period 3"), and,
 * when even that is the same, by the day each was made. Browser-safe.
 */

type Named = { name: string; section: string | null };

/** "Year 9 History · Period 3", or the bare name when there is no section. */
export function classLabel(c: Named): string {
  return c.section ? `${c.name} · ${c.section}` : c.name;
}

/** "3 Sep 2026": a calendar day as a person in `timeZone` reads it. */
export function formatDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(instant);
}

/** The label in a list: with the day the class was made when another in the list has the same label. */
export function classListLabel(c: Named & { createdAt: Date; sameName: number }, timeZone: string): string {
  return c.sameName > 1 ? `${classLabel(c)} (made ${formatDay(c.createdAt, timeZone)})` : classLabel(c);
}
