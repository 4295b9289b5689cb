import { describe, expect, it } from 'vitest';
import { invitationTokenFrom } from './invitation-token';

describe('invitationTokenFrom', () => {
  it('reads the token from the URL fragment', () => {
    expect(invitationTokenFrom('#token=abc.DEF-123')).toBe('abc.DEF-123');
  });

  it('has no token for an empty or unrelated fragment', () => {
    expect(invitationTokenFrom('')).toBeNull();
    expect(invitationTokenFrom('#token=')).toBeNull();
    expect(invitationTokenFrom('#other=1')).toBeNull();
  });
});
