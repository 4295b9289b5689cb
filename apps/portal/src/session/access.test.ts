import { ROLES } from '@csp/domain';
import { describe, expect, it } from 'vitest';
import { homeOf, mayEnter, type Area } from './access';

describe('who may enter which part of the portal (the API’s own permission catalogue)', () => {
  it('offers each area to the roles the API answers there, and sends everyone else home', () => {
    const who = (area: Area) => ROLES.filter((role) => mayEnter(role, area));
    expect(who('consultancy')).toEqual(['ADMIN', 'CONSULTANT']);
    expect(who('programme')).toEqual(['CLIENT_LEADER']);
    expect(who('members')).toEqual(['ADMIN']);
    expect(who('apiKeys')).toEqual(['ADMIN']);
    expect(who('webhooks')).toEqual(['ADMIN']);
    expect(who('mail')).toEqual(['ADMIN']);
    // Leaders read their service levels too, but on their programme page: the page itself is a consultant's.
    expect(who('serviceLevels')).toEqual(['ADMIN', 'CONSULTANT', 'CLIENT_LEADER']);
    // Leaders see and record their own client's complaints.
    expect(who('complaints')).toEqual(['ADMIN', 'CONSULTANT', 'CLIENT_LEADER']);
    expect(who('emailSettings')).toEqual(['ADMIN', 'CONSULTANT', 'CLIENT_LEADER']);
    expect(ROLES.map(homeOf)).toEqual(['/', '/', '/programme']);
  });
});
