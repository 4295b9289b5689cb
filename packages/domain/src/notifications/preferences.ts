import type { Role } from '../people/roles.js';
import { unstorableText } from '../validation/text.js';
import { fieldError, type Checked, type FieldError } from '../validation/field-errors.js';
import { isTimeZone, canonicalTimeZone } from '../service-levels/periods.js';

/**
 * The emails a person chooses how to get. Two emails are not preferences: an invitation goes to someone who is not a
 * member yet (they have no settings, and turning it off would lock them out), and the digest is not an email one
 * gets "immediately" but the summary that the DIGEST choice fills. The API's `EmailKind` holds these and those two.
 */
export const PREFERENCE_KINDS = [
  'ACTION_ASSIGNED',
  'ACTION_REMINDER',
  'SERVICE_LEVEL_ALERT',
  'DETRACTOR_FEEDBACK',
  'RISING_COMPLAINTS',
  'MONTHLY_REPORT',
] as const;
export type PreferenceKind = (typeof PREFERENCE_KINDS)[number];

/** What the settings page, the unsubscribe page and the API say about each kind: one set of words for all three. */
export const PREFERENCE_KIND_WORDS: { [K in PreferenceKind]: { label: string; description: string } } = {
  ACTION_ASSIGNED: {
    label: 'Actions given to you',
    description: 'When someone makes you responsible for an action in a client’s programme.',
  },
  ACTION_REMINDER: {
    label: 'Reminders about your actions',
    description:
      'A reminder three days before an action of yours is due, another on the day, and one a week later if it is still not done.',
  },
  SERVICE_LEVEL_ALERT: {
    label: 'Service standards missed or at risk',
    description:
      'When a service standard the client promised (such as how quickly calls are answered) misses its target for a period, or is close to missing it.',
  },
  DETRACTOR_FEEDBACK: {
    label: 'Unhappy customer feedback',
    description:
      'When a customer gives a low score in a feedback survey, with their comment if they left one.',
  },
  RISING_COMPLAINTS: {
    label: 'Complaints on the rise',
    description: 'When a client receives more complaints of one kind than in the period before.',
  },
  MONTHLY_REPORT: {
    label: 'Monthly programme report',
    description: 'Each month’s programme report for a client, ready to download.',
  },
};

/** Sent as it happens, gathered into the next digest, or not sent at all. */
export const DELIVERIES = ['IMMEDIATE', 'DIGEST', 'OFF'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const DIGEST_CADENCES = ['DAILY', 'WEEKLY'] as const;
export type DigestCadence = (typeof DIGEST_CADENCES)[number];

/** When a person's digest goes out. `weekday` is ISO (1 = Monday … 7 = Sunday), set for a weekly digest only. */
export interface DigestSettings {
  cadence: DigestCadence;
  weekday: number | null;
  /** An IANA name, in Intl's own spelling. */
  timeZone: string;
}

/**
 * What a member gets before they choose: a daily digest at 08:00 UTC. UTC because the API knows no one's zone until
 * they say; the portal's settings page offers the browser's own zone in its place.
 */
export const DEFAULT_DIGEST_SETTINGS: DigestSettings = { cadence: 'DAILY', weekday: null, timeZone: 'UTC' };

/**
 * Which kinds a role gets at all. Every role may own actions (a client leader updates the ones assigned to them) and
 * every role follows a client's evidence; which clients, and so which emails, is decided where recipients are
 * computed (a client leader hears about their own client only). The kinds themselves apply to all three roles.
 */
const KINDS_OF_ROLE: Record<Role, readonly PreferenceKind[]> = {
  ADMIN: PREFERENCE_KINDS,
  CONSULTANT: PREFERENCE_KINDS,
  CLIENT_LEADER: PREFERENCE_KINDS,
};

export function preferenceKindsOf(role: Role): readonly PreferenceKind[] {
  return KINDS_OF_ROLE[role];
}

export function isPreferenceKind(value: string): value is PreferenceKind {
  return (PREFERENCE_KINDS as readonly string[]).includes(value);
}

/**
 * What a member gets of a kind until they choose otherwise:
 * - work that is theirs (an action given to them, its reminders) comes at once, whatever their role: it is a task
 *   with a date;
 * - a client's evidence (a missed service standard, an unhappy customer, rising complaints) comes at once to the
 *   consultancy's people, who act on it, and in the digest to a client leader, who follows it;
 * - the monthly report is the client leader's deliverable, so it comes to them; consultancy staff made it and can
 *   download it from the portal, so theirs is off until they turn it on.
 */
export function defaultDelivery(kind: PreferenceKind, role: Role): Delivery {
  const leader = role === 'CLIENT_LEADER';
  switch (kind) {
    case 'ACTION_ASSIGNED':
    case 'ACTION_REMINDER':
      return 'IMMEDIATE';
    case 'SERVICE_LEVEL_ALERT':
    case 'DETRACTOR_FEEDBACK':
    case 'RISING_COMPLAINTS':
      return leader ? 'DIGEST' : 'IMMEDIATE';
    case 'MONTHLY_REPORT':
      return leader ? 'IMMEDIATE' : 'OFF';
  }
}

export function isDelivery(value: string): value is Delivery {
  return (DELIVERIES as readonly string[]).includes(value);
}

/** Longer than any IANA name (the longest is about 30 characters), short enough to refuse a pasted document. */
const MAX_TIME_ZONE_LENGTH = 64;

/** A kind as sent by a member for their own preferences: one of the kinds, and one that applies to their role. */
export function checkPreferenceKind(kind: string, role: Role, field = 'kind'): Checked<PreferenceKind> {
  if (!isPreferenceKind(kind)) {
    return refusal(fieldError(field, 'INVALID', 'This is not an email you can choose how to get.'));
  }
  if (!preferenceKindsOf(role).includes(kind)) {
    return refusal(fieldError(field, 'NOT_ALLOWED', 'This email is not sent to your role.'));
  }
  return { ok: true, value: kind };
}

/**
 * Digest settings as sent by a member: a weekday (1–7) for a weekly digest and none for a daily one, and a time zone
 * Intl knows, stored in its canonical spelling so `europe/london` and `Europe/London` are one zone.
 */
export function checkDigestSettings(input: {
  cadence: DigestCadence;
  weekday?: number | null;
  timeZone: string;
}): Checked<DigestSettings> {
  const errors: FieldError[] = [];
  const weekday = input.weekday ?? null;
  if (input.cadence === 'WEEKLY') {
    if (weekday === null) {
      errors.push(fieldError('weekday', 'REQUIRED', 'Choose the day of the week your digest comes on.'));
    } else if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      errors.push(fieldError('weekday', 'INVALID', 'The day must be 1 (Monday) to 7 (Sunday).'));
    }
  } else if (weekday !== null) {
    errors.push(
      fieldError('weekday', 'INVALID', 'A daily digest comes every day, so it takes no day of the week.'),
    );
  }
  const timeZone = input.timeZone.trim();
  if (timeZone === '') {
    errors.push(fieldError('timeZone', 'REQUIRED', 'Choose your time zone.'));
  } else if (timeZone.length > MAX_TIME_ZONE_LENGTH) {
    errors.push(
      fieldError('timeZone', 'TOO_LONG', `A time zone name is at most ${MAX_TIME_ZONE_LENGTH} characters.`),
    );
  } else if (unstorableText(timeZone) || !isTimeZone(timeZone)) {
    errors.push(
      fieldError('timeZone', 'INVALID', 'This is not a time zone we know. Choose one such as Europe/London.'),
    );
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      cadence: input.cadence,
      weekday: input.cadence === 'WEEKLY' ? weekday : null,
      timeZone: canonicalTimeZone(timeZone),
    },
  };
}

const refusal = (error: FieldError): { ok: false; errors: FieldError[] } => ({ ok: false, errors: [error] });
