import crypto from "node:crypto";

/**
 * Join codes are read aloud in a classroom and typed on phones: six letters
 * and digits from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S,
 * 8/B), shown as "ABC-DEF". 25^6 ≈ 244 million codes.
 */
export const JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
const JOIN_CODE_LENGTH = 6;

export function generateJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++)
    code += JOIN_CODE_ALPHABET[crypto.randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** What a student typed, as a stored code: case, spaces and dashes do not matter. */
export function normalizeJoinCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, "").slice(0, 20);
  if (cleaned.length !== JOIN_CODE_LENGTH) return null;
  return [...cleaned].every((c) => JOIN_CODE_ALPHABET.includes(c)) ? cleaned : null;
}
