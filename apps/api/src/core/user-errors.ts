import { fieldError, type FieldError } from '@csp/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id can name nothing, so it is answered like an unknown one instead of reaching the database. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The same answer for an id that never existed and for another consultancy's id: nothing tells them apart. */
export function notFound(field: string, what: string): FieldError {
  return fieldError(field, 'NOT_FOUND', `No ${what} has this id.`);
}
