import { describe, expect, it } from 'vitest';
import { API_SCOPES } from '../api-keys/api-key.js';
import { PERMISSIONS, ROLE_PERMISSIONS, isPermission, permissionsOfScopes, roleCan } from './permissions.js';
import { ROLES } from './roles.js';

describe('the permission catalogue', () => {
  it('lets only client leaders sign off a charter, and only admins manage members, keys, webhooks and mail', () => {
    expect(ROLES.filter((role) => roleCan(role, 'charter:sign-off'))).toEqual(['CLIENT_LEADER']);
    for (const permission of [
      'member:manage',
      'apikey:manage',
      'webhook:manage',
      'mail:read',
      'mail:manage',
    ] as const) {
      expect(ROLES.filter((role) => roleCan(role, permission))).toEqual(['ADMIN']);
    }
    expect(ROLES.filter((role) => roleCan(role, 'client:write'))).toEqual(['ADMIN', 'CONSULTANT']);
  });

  it('grants each role only permissions that exist', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(isPermission(p)).toBe(true);
    expect(isPermission('charter:publish-everything')).toBe(false);
    expect(PERMISSIONS.every(isPermission)).toBe(true);
  });

  it('gives no API key scope the right to read email addresses, and a fenced key no client:create', () => {
    const everything = permissionsOfScopes(API_SCOPES);
    expect(everything.has('email:read')).toBe(false);
    expect(everything.has('client:create')).toBe(true);
    expect(permissionsOfScopes(API_SCOPES, true).has('client:create')).toBe(false);
  });

  it('lets every member manage their own email preferences, and no API key', () => {
    expect(ROLES.filter((role) => roleCan(role, 'notifications:manage-own'))).toEqual(ROLES);
    expect(permissionsOfScopes(API_SCOPES).has('notifications:manage-own')).toBe(false);
  });
});
