import "server-only";
import { cookies } from "next/headers";
import { isValidTimeZone } from "@/lib/dates";

const TIME_ZONE_COOKIE = "tz";

/**
 * The viewer's IANA time zone, from the cookie the browser sets on its first
 * page (components/time-zone-sync.tsx); UTC until then, and always said.
 * Next has already decoded the cookie's value: decoding it again would throw
 * on a value like "%E0" (every page reading it answered 500).
 */
export async function getViewerTimeZone(): Promise<string> {
  const value = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return isValidTimeZone(value) ? value : "UTC";
}
