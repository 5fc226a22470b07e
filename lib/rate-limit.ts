import { and, count, eq, gt, inArray, lt, min } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rateLimitEvents } from "@/db/schema";

/**
 * Limits on how often something may happen, counted in the database (so they
 * hold across server instances). A limit names a bucket, a window and a
 * maximum; each event is counted against one key of its bucket (an address,
 * an account, or "all" for a limit over everyone).
 */
export type Limit = { bucket: string; windowMs: number; max: number };

export const LIMITS = {
  /** Two whole classes signing up at once from a school's one address still fit. */
  signUpPerAddress: { bucket: "sign-up:address", windowMs: 15 * 60_000, max: 60 }, // SIGN_UP_LIMIT_PER_ADDRESS changes max
  /** Every sign-up, from anywhere: a flood of accounts cannot grow the table without bound. */
  signUpOverall: { bucket: "sign-up:all", windowMs: 15 * 60_000, max: 600 },
  /** Wrong join codes: a code has 25^6 ≈ 244 million values, and 10 tries a quarter hour find none. */
  joinFailuresPerAccount: { bucket: "join-failure:account", windowMs: 15 * 60_000, max: 10 },
  /** A classroom behind one address mistypes codes too: the per-account limit is the one that bites. */
  joinFailuresPerAddress: { bucket: "join-failure:address", windowMs: 15 * 60_000, max: 100 },
  /** A teacher makes a handful of classes a term, not hundreds a minute. */
  classesPerTeacher: { bucket: "class-create:teacher", windowMs: 60 * 60_000, max: 20 },
} as const satisfies Record<string, Limit>;

type LimitState = { limited: false } | { limited: true; retryAt: Date };
export type ClaimState = { limited: false; claimed: string[] } | { limited: true; retryAt: Date };
type Keyed = { limit: Limit; key: string }[];

/**
 * Counts one event against each of the given limits, or refuses it when any
 * of them is full. The event is recorded first and counted after, like the
 * sign-in claim, so parallel requests cannot all pass a check made before
 * any of them was stored; a refused event takes its rows back. An event that
 * turns out not to count (a join code that was right) is given back with
 * `release`.
 */
export async function claim(input: { db: Executor; limits: Keyed; now?: Date }): Promise<ClaimState> {
  const now = input.now ?? new Date();
  if (input.limits.length === 0) return { limited: false, claimed: [] };
  const rows = await input.db
    .insert(rateLimitEvents)
    .values(input.limits.map(({ limit, key }) => ({ bucket: limit.bucket, key: keyOf(key), createdAt: now })))
    .returning({ id: rateLimitEvents.id });
  const claimed = rows.map((r) => r.id);
  const state = await countAll(input.db, input.limits, now);
  await prune(input.db, now);
  if (state.limited) {
    await release({ db: input.db, claimed });
    return state;
  }
  return { limited: false, claimed };
}

export async function release(input: { db: Executor; claimed: string[] }): Promise<void> {
  if (input.claimed.length > 0)
    await input.db.delete(rateLimitEvents).where(inArray(rateLimitEvents.id, input.claimed));
}

const keyOf = (key: string) => key.slice(0, 200);

/** Whether earlier events (this one's own claim not counted) fill any of the limits. */
async function countAll(db: Executor, limits: Keyed, now: Date): Promise<LimitState> {
  const counts = await Promise.all(
    limits.map(({ limit, key }) =>
      db
        .select({ n: count(), oldest: min(rateLimitEvents.createdAt) })
        .from(rateLimitEvents)
        .where(
          and(
            eq(rateLimitEvents.bucket, limit.bucket),
            eq(rateLimitEvents.key, keyOf(key)),
            gt(rateLimitEvents.createdAt, new Date(now.getTime() - limit.windowMs)),
          ),
        )
        .then((r) => ({ limit, row: r[0] })),
    ),
  );
  const retry: number[] = [];
  for (const { limit, row } of counts) {
    if (row && row.n - 1 >= limit.max && row.oldest)
      retry.push(new Date(row.oldest).getTime() + limit.windowMs);
  }
  return retry.length === 0 ? { limited: false } : { limited: true, retryAt: new Date(Math.max(...retry)) };
}

/** The longest window decides what can no longer count. */
const LONGEST_WINDOW = Math.max(...Object.values(LIMITS).map((l) => l.windowMs));

async function prune(db: Executor, now: Date): Promise<void> {
  await db
    .delete(rateLimitEvents)
    .where(lt(rateLimitEvents.createdAt, new Date(now.getTime() - LONGEST_WINDOW)));
}

/** "in 3 minutes", for messages. */
export function minutesUntil(retryAt: Date, now = Date.now()): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now) / 60_000));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
