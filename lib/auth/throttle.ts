import { and, count, eq, gt, lt, min } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { signInFailures } from "@/db/schema";

/**
 * Failed sign-ins are limited per account and per client address, counted in
 * the database so every server instance sees the same numbers. The address
 * limit is higher than the account limit because a whole classroom often
 * shares one address behind a school's NAT.
 */
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  perAccount: 10,
  perAddress: 30,
} as const;

function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export type ThrottleState = { blocked: false } | { blocked: true; retryAt: Date };

/**
 * Claims one sign-in attempt before its password is checked: the attempt is
 * recorded as a failure first, then counted. Checking first and recording
 * after let a burst of parallel guesses (on one server or spread over several)
 * all pass the check before any was recorded; claiming first, the j-th
 * attempt to be stored sees at least j rows, so at most the limit's worth of
 * passwords are ever checked. A refused attempt takes its claim back, so
 * hammering a locked account does not keep it locked; a successful sign-in
 * removes it with the account's other failures (clearAccountFailures); a
 * wrong password leaves it as the failure it is.
 */
export async function claimSignInAttempt(input: {
  db: Executor;
  email: string;
  clientAddress: string;
  now?: Date;
}): Promise<ThrottleState> {
  const now = input.now ?? new Date();
  const key = emailKey(input.email);
  const [claim] = await input.db
    .insert(signInFailures)
    .values({ emailKey: key, clientAddress: input.clientAddress, createdAt: now })
    .returning({ id: signInFailures.id });
  const state = await countAgainstLimits({ ...input, now, key, includesThisAttempt: true });
  if (state.blocked && claim) await input.db.delete(signInFailures).where(eq(signInFailures.id, claim.id));
  // Prune what can no longer count, so the table stays the size of one window.
  await input.db
    .delete(signInFailures)
    .where(lt(signInFailures.createdAt, new Date(now.getTime() - THROTTLE.windowMs)));
  return state;
}

async function countAgainstLimits(input: {
  db: Executor;
  key: string;
  clientAddress: string;
  now: Date;
  includesThisAttempt: boolean;
}): Promise<ThrottleState> {
  const since = new Date(input.now.getTime() - THROTTLE.windowMs);
  const [byAccount, byAddress] = await Promise.all([
    input.db
      .select({ n: count(), oldest: min(signInFailures.createdAt) })
      .from(signInFailures)
      .where(and(eq(signInFailures.emailKey, input.key), gt(signInFailures.createdAt, since))),
    input.db
      .select({ n: count(), oldest: min(signInFailures.createdAt) })
      .from(signInFailures)
      .where(and(eq(signInFailures.clientAddress, input.clientAddress), gt(signInFailures.createdAt, since))),
  ]);
  // Earlier failures only: this attempt's own claim does not count against it.
  const earlier = (n: number) => n - (input.includesThisAttempt ? 1 : 0);
  const retryTimes: Date[] = [];
  const a = byAccount[0];
  const b = byAddress[0];
  if (a && earlier(a.n) >= THROTTLE.perAccount && a.oldest) retryTimes.push(retryFrom(a.oldest));
  if (b && earlier(b.n) >= THROTTLE.perAddress && b.oldest) retryTimes.push(retryFrom(b.oldest));
  if (retryTimes.length === 0) return { blocked: false };
  return { blocked: true, retryAt: new Date(Math.max(...retryTimes.map((d) => d.getTime()))) };
}

function retryFrom(oldest: Date | string): Date {
  return new Date(new Date(oldest).getTime() + THROTTLE.windowMs);
}

/** A successful sign-in forgives the account's failures (not the address's). */
export async function clearAccountFailures(input: { db: Executor; email: string }): Promise<void> {
  await input.db.delete(signInFailures).where(eq(signInFailures.emailKey, emailKey(input.email)));
}
