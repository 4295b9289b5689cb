import { describe, expect, it } from 'vitest';
import { check } from '../validation/field-errors.js';
import { memberRoleInput } from './account-input.js';
import { leaderHandOver, removesLastAdmin } from './roles.js';

const MEMBER = '6f1c2b1e-1d2a-4c1b-9f7e-0a1b2c3d4e5f';
const CLIENT = '0b9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c';
const fields = (result: ReturnType<typeof check>) => (result.ok ? [] : result.errors.map((e) => e.field));

describe('changing a member\u2019s role', () => {
  it('needs a client for a client leader, and refuses one for the other roles', () => {
    expect(fields(check(memberRoleInput, { memberId: MEMBER, role: 'CLIENT_LEADER' }))).toEqual(['clientId']);
    expect(
      fields(check(memberRoleInput, { memberId: MEMBER, role: 'CONSULTANT', clientId: CLIENT })),
    ).toEqual(['clientId']);
    expect(check(memberRoleInput, { memberId: MEMBER, role: 'CLIENT_LEADER', clientId: CLIENT }).ok).toBe(
      true,
    );
    expect(check(memberRoleInput, { memberId: MEMBER, role: 'ADMIN', clientId: null }).ok).toBe(true);
  });

  it('names the role when it is not one of the roles', () => {
    expect(fields(check(memberRoleInput, { memberId: MEMBER, role: 'OWNER' }))).toEqual(['role']);
  });

  it('keeps the last admin an admin', () => {
    expect(removesLastAdmin({ from: 'ADMIN', to: 'CONSULTANT', admins: 1 })).toBe(true);
    expect(removesLastAdmin({ from: 'ADMIN', to: 'CLIENT_LEADER', admins: 1 })).toBe(true);
    expect(removesLastAdmin({ from: 'ADMIN', to: 'CONSULTANT', admins: 2 })).toBe(false);
    expect(removesLastAdmin({ from: 'ADMIN', to: 'ADMIN', admins: 1 })).toBe(false);
    expect(removesLastAdmin({ from: 'CONSULTANT', to: 'CLIENT_LEADER', admins: 1 })).toBe(false);
  });

  it('asks for engagements and other clients\u2019 open actions to be handed over before someone becomes a leader', () => {
    expect(leaderHandOver({ leadsEngagements: 0, onEngagementTeams: 0, openActionsElsewhere: 0 })).toBeNull();
    expect(leaderHandOver({ leadsEngagements: 1, onEngagementTeams: 0, openActionsElsewhere: 0 })).toBe(
      'They still lead 1 open engagement. Hand these over to a consultant before making them a client leader.',
    );
    expect(leaderHandOver({ leadsEngagements: 2, onEngagementTeams: 1, openActionsElsewhere: 3 })).toBe(
      'They still lead 2 open engagements, are on the team of 1 open engagement and own 3 open actions of other clients. ' +
        'Hand these over to a consultant before making them a client leader.',
    );
  });
});
