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

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export type ThrottleState = { blocked: false } | { blocked: true; retryAt: Date };

export async function checkSignInThrottle(input: {
  db: Executor;
  email: string;
  clientAddress: string;
  now?: Date;
}): Promise<ThrottleState> {
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const key = emailKey(input.email);
  const [byAccount, byAddress] = await Promise.all([
    input.db
      .select({ n: count(), oldest: min(signInFailures.createdAt) })
      .from(signInFailures)
      .where(and(eq(signInFailures.emailKey, key), gt(signInFailures.createdAt, since))),
    input.db
      .select({ n: count(), oldest: min(signInFailures.createdAt) })
      .from(signInFailures)
      .where(and(eq(signInFailures.clientAddress, input.clientAddress), gt(signInFailures.createdAt, since))),
  ]);
  const retryTimes: Date[] = [];
  const a = byAccount[0];
  const b = byAddress[0];
  if (a && a.n >= THROTTLE.perAccount && a.oldest) retryTimes.push(retryFrom(a.oldest));
  if (b && b.n >= THROTTLE.perAddress && b.oldest) retryTimes.push(retryFrom(b.oldest));
  if (retryTimes.length === 0) return { blocked: false };
  return { blocked: true, retryAt: new Date(Math.max(...retryTimes.map((d) => d.getTime()))) };
}

function retryFrom(oldest: Date | string): Date {
  return new Date(new Date(oldest).getTime() + THROTTLE.windowMs);
}

export async function recordSignInFailure(input: {
  db: Executor;
  email: string;
  clientAddress: string;
  now?: Date;
}): Promise<void> {
  const now = input.now ?? new Date();
  await input.db
    .insert(signInFailures)
    .values({ emailKey: emailKey(input.email), clientAddress: input.clientAddress, createdAt: now });
  // Prune what can no longer count, so the table stays the size of one window.
  await input.db
    .delete(signInFailures)
    .where(lt(signInFailures.createdAt, new Date(now.getTime() - THROTTLE.windowMs)));
}

/** A successful sign-in forgives the account's failures (not the address's). */
export async function clearAccountFailures(input: { db: Executor; email: string }): Promise<void> {
  await input.db.delete(signInFailures).where(eq(signInFailures.emailKey, emailKey(input.email)));
}
