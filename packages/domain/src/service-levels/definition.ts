import { z } from 'zod';
import { LIMITS, requiredText } from '../validation/text.js';
import { eachOnce } from '../validation/each-once.js';
import { SERVICE_PERIODS, canonicalTimeZone, isTimeZone } from './periods.js';
import { TARGET_SCALE } from './compliance.js';

/**
 * A service level: one standard of a charter promise made measurable. It says what an event is, what makes one
 * good, the share of good events promised, the period that share is judged over, in which time zone, and how
 * abandoned or excluded events count. It hangs on the promise's key; its definition is versioned
 * (`definitionChanges`).
 */

export const SERVICE_EVENT_KINDS = ['CALL', 'EMAIL', 'CHAT', 'COMPLAINT', 'VISIT', 'OTHER'] as const;
export type ServiceEventKind = (typeof SERVICE_EVENT_KINDS)[number];

export const SERVICE_EVENT_KIND_LABELS: Record<ServiceEventKind, string> = {
  CALL: 'Call',
  EMAIL: 'Email',
  CHAT: 'Chat',
  COMPLAINT: 'Complaint',
  VISIT: 'Visit',
  OTHER: 'Other',
};

export const THRESHOLD_UNITS = ['SECONDS', 'MINUTES', 'HOURS', 'DAYS'] as const;
export type ThresholdUnit = (typeof THRESHOLD_UNITS)[number];

export const THRESHOLD_UNIT_LABELS: Record<ThresholdUnit, string> = {
  SECONDS: 'seconds',
  MINUTES: 'minutes',
  HOURS: 'hours',
  DAYS: 'days',
};

export const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  MONDAY: 'Monday',
  TUESDAY: 'Tuesday',
  WEDNESDAY: 'Wednesday',
  THURSDAY: 'Thursday',
  FRIDAY: 'Friday',
  SATURDAY: 'Saturday',
  SUNDAY: 'Sunday',
};

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

const businessDay = z
  .object({
    day: z.enum(WEEKDAYS, 'Choose a day of the week.'),
    opens: z
      .string('Opening time must be text.')
      .regex(LOCAL_TIME, 'Opening time must be HH:MM, e.g. 08:30.'),
    closes: z
      .string('Closing time must be text.')
      .regex(LOCAL_TIME, 'Closing time must be HH:MM, e.g. 18:00.'),
  })
  // Zod runs this even when a time above was refused; only two well-formed times can be compared.
  .refine(
    (value) => !LOCAL_TIME.test(value.opens) || !LOCAL_TIME.test(value.closes) || value.opens < value.closes,
    {
      path: ['closes'],
      message: 'Closing time must be after the opening time.',
    },
  );
export type BusinessDay = z.infer<typeof businessDay>;

/**
 * A share from 0 (exclusive) to 1 (inclusive), at most four decimals: 0.9 is 90 %, 0.9995 is 99.95 %. A share, not a
 * percentage, because compliance is a share too; the portal shows both as percentages.
 */
const target = z
  .number('Target must be a number.')
  .refine(
    (value) => Number.isFinite(value) && value > 0 && value <= 1,
    'Target must be more than 0 and at most 1 (100 %).',
  )
  .refine(
    (value) => Math.abs(value * TARGET_SCALE - Math.round(value * TARGET_SCALE)) < 1e-6,
    'Target can have at most four decimals (0.9995 is 99.95 %).',
  );

export const serviceLevelInput = z.object({
  name: requiredText('Name', LIMITS.title),
  eventKind: z.enum(SERVICE_EVENT_KINDS, 'Choose what counts as an event from the list.'),
  /** What makes an event good, in words: "answered by a person within". */
  goodRule: requiredText('What makes an event good', LIMITS.statement),
  /** The number in the rule, when it has one (60 seconds); "resolved at first contact" has none. */
  threshold: z
    .object({
      value: z
        .number('Threshold must be a number.')
        .refine((value) => Number.isFinite(value) && value > 0, 'Threshold must be more than 0.'),
      unit: z.enum(THRESHOLD_UNITS, 'Choose the threshold unit from the list.'),
    })
    .nullish()
    .transform((value) => value ?? null),
  target,
  period: z.enum(SERVICE_PERIODS, 'Choose the period from the list.'),
  timeZone: z
    .string('Time zone must be text.')
    .trim()
    .refine(isTimeZone, 'Time zone must be an IANA time zone name, e.g. Europe/London.')
    .transform(canonicalTimeZone),
  /** Empty or missing: events count whenever they happen. */
  businessHours: z
    .array(businessDay)
    .max(WEEKDAYS.length, 'Give each day at most once.')
    .superRefine(
      eachOnce(
        (item) => item.day,
        'day',
        (day) => `${day.charAt(0)}${day.slice(1).toLowerCase()} is listed twice.`,
      ),
    )
    .nullish()
    .transform((days) =>
      days && days.length > 0
        ? [...days].sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day))
        : null,
    ),
  /**
   * How abandoned and excluded events count, stated explicitly ("calls abandoned within 5 seconds are not
   * counted; all others are valid"), so an analyst reading a figure knows what it is a share of. "None: every
   * event counts" is a valid rule; leaving it unsaid is not.
   */
  exclusionRule: requiredText('The rule for abandoned or excluded events', LIMITS.statement),
});
export type ServiceLevelInput = z.input<typeof serviceLevelInput>;
export type ServiceLevelDefinition = z.output<typeof serviceLevelInput>;

/** The fields whose change changes what is measured or how it is judged. */
export const VERSIONED_FIELDS = [
  'eventKind',
  'goodRule',
  'threshold',
  'target',
  'period',
  'timeZone',
  'businessHours',
  'exclusionRule',
] as const satisfies readonly (keyof ServiceLevelDefinition)[];
export type VersionedField = (typeof VERSIONED_FIELDS)[number];

export interface DefinitionChanges {
  /** Every field that differs, in the order of the definition. */
  changed: (keyof ServiceLevelDefinition)[];
  /**
   * A new definition version is needed: something measured or judged changed, so periods already judged keep the
   * version they were judged by. Renaming alone is an edit of the same version.
   */
  newVersion: boolean;
}

/** What changed from definition `a` to `b` (both as `serviceLevelInput` returns them). */
export function definitionChanges(a: ServiceLevelDefinition, b: ServiceLevelDefinition): DefinitionChanges {
  const fields = ['name', ...VERSIONED_FIELDS] as const;
  const changed = fields.filter((field) => !sameValue(a[field], b[field]));
  return {
    changed,
    newVersion: changed.some((field) => (VERSIONED_FIELDS as readonly string[]).includes(field)),
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalised(a)) === JSON.stringify(normalised(b));
}

/** Objects compared by their fields whatever the key order; a missing value equals null. */
function normalised(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(normalised);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([k, v]) => [k, normalised(v)]),
    );
  }
  return value;
}
