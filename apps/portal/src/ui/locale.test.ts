import { describe, expect, it } from 'vitest';
import { readerLocale } from './locale';

describe('readerLocale', () => {
  it('keeps a tag Intl can format in', () => {
    expect(readerLocale(['de-DE'])).toBe('de-DE');
    expect(readerLocale(['EN-us'])).toBe('en-US');
  });

  it("falls back to Intl's default for tags Intl rejects", () => {
    // What Chromium reports when started under LANG=C.UTF-8.
    expect(readerLocale(['en-US@posix'])).toBeUndefined();
    expect(readerLocale([''])).toBeUndefined();
    expect(readerLocale(['!!not a locale!!'])).toBeUndefined();
    expect(readerLocale(['en_US'])).toBeUndefined();
    expect(readerLocale([])).toBeUndefined();
  });

  it('falls back for well-formed tags no formatter knows', () => {
    expect(readerLocale(['zz-ZZ'])).toBeUndefined();
    expect(readerLocale(['und'])).toBeUndefined();
  });

  it('takes the first usable preference', () => {
    expect(readerLocale(['en-US@posix', 'fr-CA', 'de-DE'])).toBe('fr-CA');
  });
});
