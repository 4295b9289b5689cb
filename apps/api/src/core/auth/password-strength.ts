import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { fieldError, type FieldError } from '@csp/domain';

/**
 * zxcvbn's scores run 0-4; 3 means "safely unguessable" for an online attack that is throttled (about 10^8 guesses),
 * which sign-in is. The domain's length rule still applies first: this only judges passwords long enough.
 */
export const MIN_PASSWORD_SCORE = 3;

/** Who the password belongs to: their own details are the first thing an attacker tries. */
export interface PasswordOwner {
  email?: string | null;
  name?: string | null;
  consultancyName?: string | null;
}

/**
 * Our wording where the library's would read oddly after "too easy to guess" or is vague about what it found.
 * Keys are zxcvbn-ts's own; the rest stay as the English package says them.
 */
const WARNINGS = {
  topTen: 'It is one of the ten most used passwords.',
  topHundred: 'It is one of the hundred most used passwords.',
  common: 'It is a commonly used password.',
  similarToCommon: 'It is too close to a commonly used password.',
  userInputs: 'It contains your name, your email or your consultancy’s name.',
  pwned: 'It has appeared in a published data breach.',
};

/**
 * The dictionaries are about 1.5 MB of word lists: loaded on the first check (about 250 ms, once), not at start-up,
 * and kept for the life of the process. A check then takes 1-70 ms (measured on a busy two-core machine; a few ms on
 * a quiet one), on the event loop, only when a password is chosen; password-strength.test.ts measures it.
 */
let checker: Promise<ZxcvbnFactory> | undefined;

function strengthChecker(): Promise<ZxcvbnFactory> {
  checker ??= loadChecker().catch((error: unknown) => {
    checker = undefined;
    throw error;
  });
  return checker;
}

async function loadChecker(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common, english] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new ZxcvbnFactory({
    translations: {
      ...english.translations,
      warnings: { ...english.translations.warnings, ...WARNINGS },
    },
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
    // Levenshtein matching (near misses of whole common passwords) is left off: it made each check 20-50 times
    // slower (around a second on a busy machine), and a check runs on the event loop.
    useLevenshteinDistance: false,
    // The work grows faster than the length; beyond 64 characters a password is judged on its first 64, which
    // is all a passphrase needs and keeps a 200-character password from holding the event loop.
    maxLength: 64,
  });
}

/**
 * The owner's details as zxcvbn user inputs: each whole, run together ("harbourpartners"), and each word or email
 * part of three letters or more.
 */
export function ownerWords(owner: PasswordOwner): string[] {
  const texts = [owner.email, owner.name, owner.consultancyName]
    .filter((text): text is string => typeof text === 'string' && text.trim() !== '')
    .map((text) => text.toLowerCase());
  const separators = /[^\p{L}\p{N}]+/gu;
  const joined = texts.map((text) => text.replace(separators, ''));
  const parts = texts.flatMap((text) => text.split(separators));
  return [...new Set([...texts, ...joined, ...parts].filter((word) => word.length >= 3))];
}

/**
 * Null when the password is hard enough to guess; otherwise a user error on `field` that says what makes it easy
 * (zxcvbn's warning) and how to do better (its suggestions). Used wherever a password is chosen.
 */
export async function weakPasswordError(
  password: string,
  owner: PasswordOwner,
  field = 'password',
): Promise<FieldError | null> {
  const result = (await strengthChecker()).check(password, ownerWords(owner));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = result.feedback.warning ?? 'It follows a pattern that is quick to guess.';
  const how = result.feedback.suggestions.length
    ? result.feedback.suggestions.join(' ')
    : 'Try a phrase of four or more words that are not a saying.';
  return fieldError(field, 'TOO_WEAK', `This password is too easy to guess. ${why} ${how}`);
}
