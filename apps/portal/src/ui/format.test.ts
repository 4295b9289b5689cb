import { afterEach, describe, expect, it, vi } from 'vitest';

/** format.ts picks its locale when it loads, so each case loads a fresh copy under the navigator it describes. */
async function formatUnder(language: string) {
  vi.stubGlobal('navigator', { language, languages: [language] });
  vi.resetModules();
  return import('./format');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('formatting under the browser locale', () => {
  it('formats when the browser reports a tag Intl rejects (Chromium under LANG=C.UTF-8)', async () => {
    const format = await formatUnder('en-US@posix');
    expect(format.formatDate('2030-03-02')).toMatch(/2030/);
    expect(format.formatDateTime('2030-03-02T09:30:00Z')).toMatch(/2030/);
    expect(format.formatScore(72.25)).toMatch(/72/);
    expect(format.formatChange(-3.5)).toMatch(/3/);
    expect(format.formatNumber(1234)).toMatch(/1.?234/);
  });

  it("formats in the reader's locale when Intl knows it", async () => {
    const format = await formatUnder('de-DE');
    expect(format.formatDate('2030-03-02')).toBe('02.03.2030');
    expect(format.formatScore(72.25)).toBe('72,3');
  });
});
