import { notFound } from "next/navigation";
import { z } from "zod";

/**
 * Ids from the URL are checked here, at the edge, once: a domain function
 * takes an id it can put in a query. A malformed id names nothing.
 */
const uuid = z.uuid();

export const isId = (value: unknown): value is string => uuid.safeParse(value).success;

/** A page's id segment, or the not-found page. */
export function idOrNotFound(value: string): string {
  if (!isId(value)) notFound();
  return value;
}

/** A page's 1-based position segment ("/questions/3"), or the not-found page. */
export function positionOrNotFound(value: string): number {
  if (!/^[1-9]\d{0,3}$/.test(value)) notFound();
  return Number(value);
}
