import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './config.js';
import { ERROR_CODES, coded, codedBody } from './errors.js';

/** The codes in docs/api.md's "Errors" table, in its order (a row may name several: `A`, `B`). */
function documentedCodes(): string[] {
  const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs/api.md'), 'utf8');
  const section = doc.split(/^## Errors$/m)[1]?.split(/^## /m)[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([A-Z_]+)`/g)].map((match) => match[1]!));
}

describe('error codes', () => {
  it('are the ones docs/api.md lists, no more and no fewer', () => {
    expect([...documentedCodes()].sort()).toEqual([...ERROR_CODES].sort());
  });

  it('are built one way, for a thrown error and for an answer written by hand alike', () => {
    const thrown = coded('RATE_LIMITED', 'Too many requests.', {
      extensions: { retryAfterSeconds: 3 },
      http: { status: 429 },
    });
    expect(thrown.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 3, http: { status: 429 } });
    expect(codedBody('BAD_REQUEST', 'Not JSON.')).toEqual({
      message: 'Not JSON.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });
});
