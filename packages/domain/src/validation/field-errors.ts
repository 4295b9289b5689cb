import type { z } from 'zod';

/** A problem with one field of an input, in the shape the API returns as a `userError`. */
export interface FieldError {
  /** Dotted path inside the mutation's `input`, e.g. `name` or `milestones.2.dueOn`. */
  field: string;
  message: string;
  code: FieldErrorCode;
}

export type FieldErrorCode =
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'TOO_SHORT'
  | 'INVALID'
  | 'NOT_FOUND'
  | 'TAKEN'
  | 'NOT_ALLOWED'
  | 'CONFLICT'
  /** A password long enough but quick to guess (see the API's password strength check). */
  | 'TOO_WEAK'
  /** Sign-in is paused after too many wrong passwords; the message says until when. */
  | 'LOCKED';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function fieldError(field: string, code: FieldErrorCode, message: string): FieldError {
  return { field, code, message };
}

/** Runs a zod schema and turns its issues into field errors; the messages are the schema's own. */
export function check<S extends z.ZodType>(schema: S, input: unknown): Checked<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.map(toFieldError) };
}

function toFieldError(issue: z.core.$ZodIssue): FieldError {
  const field = issue.path.map(String).join('.');
  return { field, code: codeOf(issue), message: issue.message };
}

function codeOf(issue: z.core.$ZodIssue): FieldErrorCode {
  if (issue.code === 'too_big') return 'TOO_LONG';
  if (issue.code === 'too_small') {
    return issue.origin === 'string' && issue.minimum === 1 ? 'REQUIRED' : 'TOO_SHORT';
  }
  return 'INVALID';
}
