import crypto from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/** OWASP's recommended scrypt parameters (N=2^17, r=8, p=1): about 128 MiB per hash. */
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;

function maxmem(N: number, r: number): number {
  // scrypt needs 128 * N * r bytes; Node's default cap is 32 MiB.
  return 128 * N * r + 32 * 1024 * 1024;
}

type Params = { N: number; r: number; p: number };

/**
 * At most this many scrypt computations at once (each holds 128 MiB and a
 * libuv thread for ~100 ms), and at most this many more waiting. A burst of
 * sign-ups or sign-ins beyond that is told to try again in a moment instead
 * of queueing for seconds in front of everyone else's sign-in.
 */
export const HASH_GATE = { concurrent: 2, waiting: 8 } as const;

/** Thrown when the hash queue is full: the caller answers "busy, try again in a moment" (check isHashQueueFull). */
export class HashQueueFullError extends Error {
  constructor() {
    super("password hashing queue is full");
    this.name = "HashQueueFullError";
  }
}

// One gate per process: on globalThis, since Next loads this module once per bundle graph.
type Gate = { running: number; waiting: (() => void)[] };
const gate: Gate = ((globalThis as { __newsquizHashGate?: Gate }).__newsquizHashGate ??= {
  running: 0,
  waiting: [],
});

export const isHashQueueFull = (e: unknown) => e instanceof Error && e.name === "HashQueueFullError";

/** Whether a hash asked for now would be refused. */
export function hashQueueFull(): boolean {
  return gate.running >= HASH_GATE.concurrent && gate.waiting.length >= HASH_GATE.waiting;
}

/**
 * How a hash waits for its slot: a request someone is waiting on is refused
 * when the queue is full ("busy"); seeding and scripts just wait their turn.
 */
export type HashWait = { whenBusy?: "refuse" | "wait" };

async function withHashSlot<T>(run: () => Promise<T>, wait: HashWait = {}): Promise<T> {
  if (gate.running >= HASH_GATE.concurrent) {
    if (wait.whenBusy === "refuse" && gate.waiting.length >= HASH_GATE.waiting)
      throw new HashQueueFullError();
    await new Promise<void>((resolve) => gate.waiting.push(resolve));
  } else {
    gate.running++;
  }
  try {
    return await run();
  } finally {
    // Hand the slot straight to the next waiter, or give it back.
    const next = gate.waiting.shift();
    if (next) next();
    else gate.running--;
  }
}

/** Stored as `scrypt$N$r$p$salt$hash` so parameters can be raised later without breaking old hashes. */
export async function hashPassword(
  password: string,
  params: Params = SCRYPT_PARAMS,
  wait: HashWait = {},
): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await withHashSlot(
    () =>
      scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { ...params, maxmem: maxmem(params.N, params.r) }),
    wait,
  );
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
}

function parse(stored: string): (Params & { salt: Buffer; key: Buffer }) | null {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Number.isInteger(params.N) || !Number.isInteger(params.r) || !Number.isInteger(params.p)) return null;
  return { ...params, salt: Buffer.from(salt, "base64"), key: Buffer.from(key, "base64") };
}

export async function verifyPassword(
  password: string,
  stored: string,
  wait: HashWait = {},
): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const candidate = await withHashSlot(
    () =>
      scrypt(password.normalize("NFKC"), parsed.salt, parsed.key.length, {
        N: parsed.N,
        r: parsed.r,
        p: parsed.p,
        maxmem: maxmem(parsed.N, parsed.r),
      }),
    wait,
  );
  return candidate.length === parsed.key.length && crypto.timingSafeEqual(candidate, parsed.key);
}

let dummy: Promise<string> | undefined;

/**
 * A sign-in for an email nobody has must cost what a wrong password costs, or
 * response times tell an attacker which emails have accounts. We verify against
 * a real hash made once with the same parameters.
 */
export async function verifyAgainstDummy(password: string, wait: HashWait = {}): Promise<false> {
  dummy ??= hashPassword(crypto.randomBytes(16).toString("hex")).catch((e: unknown) => {
    dummy = undefined; // one failure must not break every later unknown-email sign-in
    throw e;
  });
  await verifyPassword(password, await dummy, wait);
  return false;
}
