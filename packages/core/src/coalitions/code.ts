/**
 * Invitation codes: 10 characters of Crockford's base32 (32 symbols, no I, L, O or U, so nothing reads as
 * another), about 50 bits, so guessing one in the few tries a place is allowed is hopeless. Shown in two
 * halves (`K7QX2-M9DTR`) to read aloud; typed back in any case, with or without the dash and spaces, and
 * the letters people confuse with digits (O, I, L) read as those digits.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;

/** A random source filling bytes (the Web Crypto API's `getRandomValues` by default: no Node import in core). */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array;

const webRandom: RandomBytes = (bytes) => globalThis.crypto.getRandomValues(bytes);

/**
 * A new code in its canonical form (10 symbols, no dash). Each symbol is a byte's low five bits: 256 is a
 * multiple of 32, so every symbol is equally likely.
 */
export function drawCode(random: RandomBytes = webRandom): string {
  const bytes = random(new Uint8Array(CODE_LENGTH));
  return Array.from(bytes, (byte) => CODE_ALPHABET[byte & 31]).join('');
}

/** A canonical code as people read it: `K7QX2-M9DTR`. */
export const shownCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`;

/** What someone typed, in the canonical form's letters (what the store is asked about when it is not a code). */
export function canonicalTyping(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s\-–—_.]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** A typed code → its canonical form, or undefined when it cannot be a code (length, other symbols). */
export function normaliseCode(typed: string): string | undefined {
  const code = canonicalTyping(typed);
  if (code.length !== CODE_LENGTH) return undefined;
  return [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : undefined;
}
