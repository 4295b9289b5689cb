/**
 * What of an error reaches the log. Errors from the database carry the statement's parameters (password hashes,
 * email addresses), the statement itself and the row in `detail` ("Key (email)=(…) already exists"); pino's default
 * serializer copies every enumerable property, so the log held all of it. This keeps a fixed list of properties that
 * name things (code, table, constraint…) and never the ones that carry values.
 */
const KEPT = ['code', 'severity', 'schema', 'table', 'column', 'constraint', 'dataType', 'routine'] as const;

/** How far `cause` chains are followed: enough for a wrapped driver error, never a cycle. */
const MAX_CAUSES = 3;

export interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  cause?: LoggedError;
  [kept: string]: unknown;
}

export function loggedError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) {
    // Something thrown that is not an Error: its type only, since its content is unknown.
    return { type: typeof error, message: 'a non-Error value was thrown' };
  }
  const message = withoutValues(error.message);
  const logged: LoggedError = { type: error.constructor.name || error.name, message };
  const source = error as unknown as Record<string, unknown>;
  for (const key of KEPT) {
    const value = source[key];
    if (typeof value === 'string' || typeof value === 'number') logged[key] = value;
  }
  if (error.stack) logged.stack = withoutValues(error.stack.replace(error.message, message));
  if (error.cause !== undefined && depth < MAX_CAUSES) logged.cause = loggedError(error.cause, depth + 1);
  return logged;
}

/**
 * PostgreSQL names the refused value in a few messages (a malformed id, enum or date as the caller sent it, which
 * may be an email address); those values are replaced, the rest of the message is kept.
 */
function withoutValues(message: string): string {
  return message
    .replace(/(invalid input (?:syntax|value) for (?:type|enum) [^:\n]+: )"[^\n]*"/g, '$1"…"')
    .replace(/(value )"[^\n]*?"( is out of range)/g, '$1"…"$2')
    .replace(/(date\/time field value out of range: )"[^\n]*"/g, '$1"…"');
}
