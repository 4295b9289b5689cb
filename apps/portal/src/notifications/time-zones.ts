/**
 * The zones a person may choose from: every IANA name this browser's Intl knows, plus the one already saved (a
 * browser may not list `UTC`, or may spell an alias its own way), sorted for a select.
 */
export function timeZoneOptions(saved: string): { value: string; label: string }[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = new Set([...known, saved, 'UTC']);
  return [...zones].sort().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}

/**
 * The browser's own zone. No locale is passed to Intl (a tag such as `en-US@posix` would throw); the zone does not
 * depend on one.
 */
export function browserTimeZone(): string | undefined {
  try {
    return (
      new Intl.DateTimeFormat(undefined, { timeZone: undefined }).resolvedOptions().timeZone || undefined
    );
  } catch {
    return undefined;
  }
}

export const WEEKDAYS = [
  { value: '1', label: 'Monday' },
  { value: '2', label: 'Tuesday' },
  { value: '3', label: 'Wednesday' },
  { value: '4', label: 'Thursday' },
  { value: '5', label: 'Friday' },
  { value: '6', label: 'Saturday' },
  { value: '7', label: 'Sunday' },
] as const;
