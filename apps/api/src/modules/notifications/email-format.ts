/**
 * Wording helpers the templates share. Times are printed in UTC and say so: the recipient's time zone is not known
 * when the email is written, and a time without its zone is a time that is wrong for someone.
 */

const DAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** "Friday 11 December 2026" for "2026-12-11"; anything unreadable is printed as given rather than lost. */
export function formatDay(date: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : new Date(date);
  if (Number.isNaN(day.getTime())) return date;
  // en-GB puts a comma after the weekday; British correspondence usually does not.
  return DAY.format(day).replace(',', '');
}

/** "Friday 11 December 2026 at 14:30 UTC" for an ISO instant. */
export function formatInstant(instant: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return `${formatDay(instant)} at ${TIME.format(at)} UTC`;
}

/** A subject is one header line: a title typed with line breaks must not add lines, and a novel must not fill it. */
export function subjectPart(text: string, max = 90): string {
  return shorten(text, max);
}

/**
 * Whitespace collapsed, then cut at a word boundary near `max` characters with an ellipsis. Counts code points, so
 * an emoji is never cut in half.
 */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  // A word boundary only if it keeps most of the text: one long word (a URL pasted in) is cut where it stands.
  const kept = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s.,;:!?-]+$/, '')}…`;
}

/** "1 complaint", "12 complaints", "no complaints". */
export function count(n: number, one: string, many: string): string {
  if (n === 0) return `no ${many}`;
  return `${n} ${n === 1 ? one : many}`;
}
