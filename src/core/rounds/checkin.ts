// Check-in codes: said aloud or shown at the venue, typed on a phone. Four characters from an
// alphabet without the look-alikes 0/O and 1/I, read case-insensitively (full-width too).

export const CHECK_IN_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const CHECK_IN_CODE_LENGTH = 4;

/** A code from `random` (numbers in [0, 1)), e.g. crypto-backed in the app. */
export function makeCheckInCode(random: () => number): string {
  return Array.from({ length: CHECK_IN_CODE_LENGTH }, () => CHECK_IN_ALPHABET[Math.floor(random() * CHECK_IN_ALPHABET.length)]).join("");
}

/** The code as typed ("ab 3k", "ＡＢ３Ｋ") in its stored form, or nothing when it cannot be one. */
export function readCheckInCode(typed: string): string | undefined {
  const code = typed.normalize("NFKC").replace(/[\s-]/g, "").toUpperCase();
  if (code.length !== CHECK_IN_CODE_LENGTH) return undefined;
  return [...code].every((c) => CHECK_IN_ALPHABET.includes(c)) ? code : undefined;
}
