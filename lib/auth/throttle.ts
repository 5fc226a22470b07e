import { and, count, eq, gt, lt, min } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { signInFailures } from "@/db/schema";

/**
 * Password guesses are limited in three ways, counted in the database so
 * every server instance sees the same numbers:
 *
 * - per account and address: 10 in 15 minutes. This is the guess limit that
 *   bites, and it only stops the address that made the guesses: a stranger
 *   who knows a teacher's email slows themselves down, not the teacher, who
 *   signs in from another address as usual.
 * - per account, from everywhere: 100, a ceiling against guesses spread over
 *   many addresses. Reaching it takes ten addresses' worth of failures.
 * - per address, over all accounts: 100, against one machine trying many
 *   accounts. It is far higher than the pair limit because a classroom
 *   shares one address behind a school's NAT, and thirty students mistyping
 *   a password once each must not lock the school out.
 *
 * A password change checks the current password through the same claim, so a
 * stolen session is no way around the limit.
 */
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  perAccountAndAddress: 10,
  perAccount: 100,
  perAddress: 100,
} as const;

function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export type ThrottleState = { blocked: false } | { blocked: true; retryAt: Date };

type ClaimInput = { db: Executor; email: string; clientAddress: string; now?: Date };

/**
 * Claims one sign-in attempt before its password is checked: the attempt is
 * recorded as a failure first, then counted. Checking first and recording
 * after let a burst of parallel guesses (on one server or spread over several)
 * all pass the check before any was recorded; claiming first, the j-th
 * attempt to be stored sees at least j rows, so at most the limit's worth of
 * passwords are ever checked. A refused attempt takes its claim back, so
 * hammering a locked account does not keep it locked; a right password
 * removes it with the same address's other failures (clearFailures); a wrong
 * one leaves it as the failure it is.
 */
export async function claimSignInAttempt(input: ClaimInput): Promise<ThrottleState> {
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
  const since = gt(signInFailures.createdAt, new Date(input.now.getTime() - THROTTLE.windowMs));
  const byAccount = eq(signInFailures.emailKey, input.key);
  const byAddress = eq(signInFailures.clientAddress, input.clientAddress);
  const counted = (where: ReturnType<typeof and>) =>
    input.db
      .select({ n: count(), oldest: min(signInFailures.createdAt) })
      .from(signInFailures)
      .where(where)
      .then((rows) => rows[0]);
  const [pair, account, address] = await Promise.all([
    counted(and(byAccount, byAddress, since)),
    counted(and(byAccount, since)),
    counted(and(byAddress, since)),
  ]);
  // Earlier failures only: this attempt's own claim does not count against it.
  const earlier = (n: number) => n - (input.includesThisAttempt ? 1 : 0);
  const retryTimes: Date[] = [];
  for (const [row, limit] of [
    [pair, THROTTLE.perAccountAndAddress],
    [account, THROTTLE.perAccount],
    [address, THROTTLE.perAddress],
  ] as const) {
    if (row && earlier(row.n) >= limit && row.oldest) retryTimes.push(retryFrom(row.oldest));
  }
  if (retryTimes.length === 0) return { blocked: false };
  return { blocked: true, retryAt: new Date(Math.max(...retryTimes.map((d) => d.getTime()))) };
}

function retryFrom(oldest: Date | string): Date {
  return new Date(new Date(oldest).getTime() + THROTTLE.windowMs);
}

/**
 * A right password forgives the failures this account made from this address
 * (the owner's own typos). Failures from other addresses stay: they are
 * someone else's guesses and keep counting against them.
 */
export async function clearFailures(input: {
  db: Executor;
  email: string;
  clientAddress: string;
}): Promise<void> {
  await input.db
    .delete(signInFailures)
    .where(
      and(
        eq(signInFailures.emailKey, emailKey(input.email)),
        eq(signInFailures.clientAddress, input.clientAddress),
      ),
    );
}
