/**
 * The proof of work the API asks for before it takes an answer (ALTCHA v1, SHA-256): find the number n, at most
 * `maxNumber`, whose SHA-256 of `salt + n` is `challenge`. Web Crypto does the hashing, so the page needs no widget.
 */
export interface Challenge {
  algorithm: string;
  challenge: string;
  maxNumber: number;
  salt: string;
  signature: string;
}

const encoder = new TextEncoder();

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The solved challenge as the API takes it (base64 of its JSON), or null when no number up to the maximum fits. */
export async function solve(challenge: Challenge): Promise<string | null> {
  for (let n = 0; n <= challenge.maxNumber; n++) {
    const digest = hex(await crypto.subtle.digest('SHA-256', encoder.encode(challenge.salt + n)));
    if (digest === challenge.challenge) {
      return btoa(
        JSON.stringify({
          algorithm: challenge.algorithm,
          challenge: challenge.challenge,
          number: n,
          salt: challenge.salt,
          signature: challenge.signature,
        }),
      );
    }
  }
  return null;
}
