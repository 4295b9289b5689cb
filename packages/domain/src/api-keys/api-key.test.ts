import { describe, expect, it } from 'vitest';
import { check } from '../validation/field-errors.js';
import { apiKeyInput, apiKeyStatus } from './api-key.js';

describe('API keys', () => {
  it('needs a name and at least one known scope', () => {
    const result = check(apiKeyInput, { name: ' ', scopes: [] });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['name', 'scopes']);
    expect(check(apiKeyInput, { name: 'BI tool', scopes: ['CLIENTS_DELETE'] }).ok).toBe(false);
  });

  it('refuses an expiry in the past', () => {
    const result = check(apiKeyInput, { name: 'BI tool', scopes: ['CLIENTS_READ'], expiresAt: new Date(0) });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['expiresAt']);
  });

  it('is revoked over expired over active', () => {
    const past = new Date(Date.now() - 1000);
    expect(apiKeyStatus({ revokedAt: past, expiresAt: past })).toBe('REVOKED');
    expect(apiKeyStatus({ revokedAt: null, expiresAt: past })).toBe('EXPIRED');
    expect(apiKeyStatus({ revokedAt: null, expiresAt: null })).toBe('ACTIVE');
  });
});
