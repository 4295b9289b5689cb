import { z } from 'zod';
import {
  DATE_TIME_RULE,
  LIMITS,
  isRealDate,
  isRealDateTime,
  requiredText,
  unstorableText,
} from '../validation/text.js';
import { fieldError, type Checked, type FieldError } from '../validation/field-errors.js';

/**
 * A complaint as a client's log holds it: when it came in and through which channel, where on the journey (a touch
 * point, optional), what kind of complaint it is (a category from the client's own list), the charter promise it
 * broke (optional), how bad it is, what happened in words, and once handled when and how it was resolved and why it
 * happened. No personal data about the customer beyond an optional reference the client itself can look up.
 */

export const COMPLAINT_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

export const COMPLAINT_SEVERITY_LABELS: Record<ComplaintSeverity, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  CRITICAL: 'Critical',
};

export const COMPLAINT_LIMITS = {
  /** What happened: a few paragraphs, like an action's description. */
  whatHappened: LIMITS.longText,
  resolution: LIMITS.longText,
  /** A root cause is a short label compared between complaints (recurrence), not an essay. */
  rootCause: LIMITS.title,
  /** A case or ticket number, never a name, address or phone number. */
  customerReference: 64,
  /** The CRM's own id of the complaint, which makes a resend idempotent. */
  externalReference: 128,
  categoryName: LIMITS.shortText,
  /** A touch point's name, as the journey holds it (`touchPointInput`). */
  touchPointName: LIMITS.name,
  /** Rows of one bulk call or one CSV upload. */
  batch: 1000,
} as const;

/** Text that PostgreSQL can store and that fits; trimmed, blank refused. */
function storableText(label: string, max: number) {
  return requiredText(label, max).refine(
    (value) => unstorableText(value) === null,
    `${label} contains a character that cannot be stored (a NUL or half of a surrogate pair).`,
  );
}

/** Optional text: trimmed, blank becomes null. */
function optionalStorableText(label: string, max: number) {
  return z
    .string(`${label} must be text.`)
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .refine(
      (value) => unstorableText(value) === null,
      `${label} contains a character that cannot be stored (a NUL or half of a surrogate pair).`,
    )
    .nullish()
    .transform((value) => (value ? value : null));
}

/** An instant as an ISO 8601 text with its offset, or a Date (the API's DateTime scalar), in the years 1900–9999. */
function instant(label: string) {
  return z
    .union([z.string(), z.date()], `${label} must be ${DATE_TIME_RULE}.`)
    .refine(
      (value) =>
        typeof value === 'string'
          ? isRealDateTime(value)
          : !Number.isNaN(value.getTime()) && isRealDate(value.toISOString().slice(0, 10)),
      `${label} must be ${DATE_TIME_RULE}.`,
    )
    .transform((value) => (typeof value === 'string' ? new Date(value) : value));
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * The fields every complaint has, whatever its source (the record form, the CRM's bulk call, a CSV row). The channel
 * list is the journey's (`CHANNELS`); it is passed in so the complaint rules and the touch points share one list.
 */
function complaintBase<C extends readonly [string, ...string[]]>(channels: C) {
  return z.object({
    receivedAt: instant('Received at'),
    channel: z.enum(channels, 'Choose the channel from the list.'),
    touchPointId: z
      .uuid('Choose a touch point of the client’s journey.')
      .nullish()
      .transform((value) => value ?? null),
    promiseKey: z
      .string('The promise must be text.')
      .regex(KEY, 'Choose a promise of the client’s charter.')
      .nullish()
      .transform((value) => value ?? null),
    severity: z.enum(COMPLAINT_SEVERITIES, 'Choose a severity from the list.'),
    whatHappened: storableText('What happened', COMPLAINT_LIMITS.whatHappened),
    customerReference: optionalStorableText('Customer reference', COMPLAINT_LIMITS.customerReference),
    resolvedAt: instant('Resolved at')
      .nullish()
      .transform((value) => value ?? null),
    resolution: optionalStorableText('Resolution', COMPLAINT_LIMITS.resolution),
    rootCause: optionalStorableText('Root cause', COMPLAINT_LIMITS.rootCause),
  });
}

type Timed = { receivedAt: unknown; resolvedAt: unknown; resolution: unknown };

/** Rules between fields: resolved at or after received, and a resolution exactly when it is resolved. */
function betweenFields(value: Timed, ctx: z.RefinementCtx) {
  // Zod runs this even when a field above was refused (and so left untransformed).
  const received = value.receivedAt instanceof Date ? value.receivedAt : null;
  const resolved = value.resolvedAt instanceof Date ? value.resolvedAt : null;
  if (received && resolved && resolved.getTime() < received.getTime()) {
    ctx.addIssue({
      code: 'custom',
      path: ['resolvedAt'],
      message: 'Resolved at cannot be before the complaint was received.',
    });
  }
  if (value.resolvedAt && !value.resolution) {
    ctx.addIssue({ code: 'custom', path: ['resolution'], message: 'Say how the complaint was resolved.' });
  }
  if (!value.resolvedAt && value.resolution) {
    ctx.addIssue({
      code: 'custom',
      path: ['resolvedAt'],
      message: 'Give when the complaint was resolved, or leave the resolution empty.',
    });
  }
}

/**
 * The fields every complaint has, as the record form and the edit send them. The channel list is the journey's
 * (`CHANNELS`); it is passed in so the complaint rules and the touch points share one list.
 */
export function complaintFields<C extends readonly [string, ...string[]]>(channels: C) {
  return complaintBase(channels)
    .extend({ categoryId: z.uuid('Choose a category from the client’s list.') })
    .superRefine(betweenFields);
}

/**
 * A row of a batch (the CRM's bulk call, a CSV upload): the category by its name in the client's list (what a
 * spreadsheet export holds), and the CRM's own id of the complaint, which makes a resend replace it.
 */
export function complaintRowFields<C extends readonly [string, ...string[]]>(channels: C) {
  return complaintBase(channels)
    .extend({
      category: storableText('Category', COMPLAINT_LIMITS.categoryName),
      touchPointName: optionalStorableText('Touch point', COMPLAINT_LIMITS.touchPointName),
      externalReference: optionalStorableText('External reference', COMPLAINT_LIMITS.externalReference),
    })
    .superRefine(betweenFields)
    .superRefine((value, ctx) => {
      // Two ways to say one thing could say two different things: the row must choose.
      if (value.touchPointId && value.touchPointName) {
        ctx.addIssue({
          code: 'custom',
          path: ['touchPointName'],
          message: 'Give the touch point by its id or by its name, not both.',
        });
      }
    });
}

/**
 * The touch point a batch row names (`touchPointName`): the one of the client's live touch points with that name,
 * compared trimmed and without case. None, or more than one (two touch points may share a name on different
 * stages), is an answer the caller turns into the row's error.
 */
export function touchPointNamed<T extends { name: string }>(
  touchPoints: readonly T[],
  name: string,
): { ok: true; touchPoint: T } | { ok: false; reason: 'UNKNOWN' | 'AMBIGUOUS'; message: string } {
  const key = (text: string) => text.trim().toLocaleLowerCase('en');
  const wanted = key(name);
  const found = touchPoints.filter((t) => key(t.name) === wanted);
  if (found.length === 1) return { ok: true, touchPoint: found[0]! };
  if (found.length === 0) {
    return {
      ok: false,
      reason: 'UNKNOWN',
      message: `The client’s journey has no current touch point named “${name.trim()}”: use a name from the journey, or leave it empty.`,
    };
  }
  return {
    ok: false,
    reason: 'AMBIGUOUS',
    message: `${found.length} touch points of the client’s journey are named “${name.trim()}”: rename one of them, or give the touch point’s id instead.`,
  };
}

type AnyChannels = readonly [string, ...string[]];
export type ComplaintFields = z.output<ReturnType<typeof complaintFields<AnyChannels>>>;
export type ComplaintRow = z.output<ReturnType<typeof complaintRowFields<AnyChannels>>>;

export const complaintCategoryInput = z.object({
  name: storableText('Name', COMPLAINT_LIMITS.categoryName),
  description: optionalStorableText('Description', LIMITS.statement),
});
export type ComplaintCategoryInput = z.output<typeof complaintCategoryInput>;

function issuesToErrors(issues: readonly z.core.$ZodIssue[], base: string): FieldError[] {
  return issues.map((issue) => {
    const code =
      issue.code === 'too_big'
        ? 'TOO_LONG'
        : issue.code === 'too_small' && issue.origin === 'string'
          ? 'REQUIRED'
          : 'INVALID';
    return fieldError(`${base}${issue.path.map(String).join('.')}`, code, issue.message);
  });
}

/** Received and resolved at may not lie ahead of now (a minute of slack for clocks running a little fast). */
function notInFuture(
  value: { receivedAt: Date; resolvedAt: Date | null },
  now: Date,
  base: string,
): FieldError[] {
  const latest = now.getTime() + 60_000;
  const errors: FieldError[] = [];
  if (value.receivedAt.getTime() > latest) {
    errors.push(fieldError(`${base}receivedAt`, 'INVALID', 'Received at cannot be in the future.'));
  }
  if (value.resolvedAt && value.resolvedAt.getTime() > latest) {
    errors.push(fieldError(`${base}resolvedAt`, 'INVALID', 'Resolved at cannot be in the future.'));
  }
  return errors;
}

/**
 * One complaint, as recorded or edited. Beyond its fields' rules, it cannot have been received, or resolved, later
 * than now: a complaint is logged after it came in.
 */
export function checkComplaint<C extends AnyChannels>(
  channels: C,
  input: unknown,
  context: { now: Date; field?: string },
): Checked<ComplaintFields> {
  const base = context.field ? `${context.field}.` : '';
  const parsed = complaintFields(channels).safeParse(input);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues, base) };
  const errors = notInFuture(parsed.data, context.now, base);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

/**
 * A batch of complaints (the CRM's bulk call, a CSV upload) is all or nothing: every bad row is reported with its
 * index (`rows.3.receivedAt`), nothing is taken unless none is bad, and one external reference may appear only once
 * in a batch (a batch that says two things about one complaint is ambiguous).
 */
export function checkComplaintBatch<C extends AnyChannels>(
  channels: C,
  input: unknown,
  context: { now: Date; field: string },
): Checked<ComplaintRow[]> {
  const base = context.field;
  if (!Array.isArray(input))
    return { ok: false, errors: [fieldError(base, 'INVALID', 'Give a list of complaints.')] };
  if (input.length === 0)
    return { ok: false, errors: [fieldError(base, 'REQUIRED', 'Give at least one complaint.')] };
  if (input.length > COMPLAINT_LIMITS.batch) {
    return {
      ok: false,
      errors: [
        fieldError(
          base,
          'TOO_LONG',
          `Send at most ${COMPLAINT_LIMITS.batch.toLocaleString('en-GB')} complaints at once.`,
        ),
      ],
    };
  }
  const schema = complaintRowFields(channels);
  const errors: FieldError[] = [];
  const rows: ComplaintRow[] = [];
  const seen = new Map<string, number>();
  input.forEach((row: unknown, index) => {
    const field = `${base}.${index}.`;
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      errors.push(...issuesToErrors(parsed.error.issues, field));
      return;
    }
    const rowErrors = notInFuture(parsed.data, context.now, field);
    const reference = parsed.data.externalReference;
    if (reference) {
      const earlier = seen.get(reference);
      if (earlier !== undefined) {
        rowErrors.push(
          fieldError(
            `${field}externalReference`,
            'CONFLICT',
            `The external reference is already used by row ${earlier} of this batch.`,
          ),
        );
      } else seen.set(reference, index);
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else rows.push(parsed.data);
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: rows };
}
