/**
 * The locale to format in: the first of the reader's preferred tags that Intl accepts and can format, or
 * `undefined` (Intl's own default) when none can. Browsers report tags Intl rejects: Chromium started under
 * LANG=C.UTF-8 says `en-US@posix`, and `new Intl.DateTimeFormat('en-US@posix')` throws a RangeError that would
 * take down every page that shows a date or a number.
 */
export function readerLocale(preferred: readonly string[]): string | undefined {
  for (const tag of preferred) {
    const locale = supported(tag);
    if (locale) return locale;
  }
  return undefined;
}

function supported(tag: string): string | undefined {
  if (!tag) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (!canonical) return undefined;
    // Both formatters must know it: a tag one of them would quietly replace is no choice of the reader's.
    const dates = Intl.DateTimeFormat.supportedLocalesOf(canonical);
    const numbers = Intl.NumberFormat.supportedLocalesOf(canonical);
    return dates[0] && dates[0] === numbers[0] ? dates[0] : undefined;
  } catch {
    return undefined;
  }
}

/** What the browser says the reader prefers, most preferred first. */
export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}
