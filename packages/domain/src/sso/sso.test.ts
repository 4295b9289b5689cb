import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check } from '../validation/field-errors.js';
import { certificateWarningDue, daysUntilExpiry, expiresSoon } from './certificate-expiry.js';
import { domainVerificationRecord, emailDomainOf, ssoDomain, txtRecordsProve } from './email-domain.js';
import { groupsOfClaim, roleFromGroups, type SsoRoleMapping } from './role-mapping.js';
import { addSamlConnectionInput, addOidcConnectionInput, ssoRoleMappingInput } from './sso-input.js';

const CLIENT = '0e4c4a4e-1c1b-4f57-9d87-4a4a0c9c1f11';
const mappings: SsoRoleMapping[] = [
  { group: 'cs-admins', role: 'ADMIN', clientId: null },
  { group: 'cs-consultants', role: 'CONSULTANT', clientId: null },
  { group: 'acme-leaders', role: 'CLIENT_LEADER', clientId: CLIENT },
];

describe('roleFromGroups', () => {
  it('gives the first mapping the person is in, in the admin’s order', () => {
    expect(roleFromGroups(mappings, ['everyone', 'cs-consultants', 'cs-admins'])).toEqual({
      role: 'ADMIN',
      clientId: null,
    });
    expect(roleFromGroups(mappings, ['acme-leaders'])).toEqual({ role: 'CLIENT_LEADER', clientId: CLIENT });
  });

  it('gives nothing by default: a person in no mapped group waits for an admin', () => {
    expect(roleFromGroups(mappings, ['everyone'])).toBeNull();
    expect(roleFromGroups([], ['cs-admins'])).toBeNull();
    expect(roleFromGroups(mappings, [])).toBeNull();
  });

  it('matches groups exactly, as providers send them', () => {
    expect(roleFromGroups(mappings, ['CS-ADMINS', ' cs-admins'])).toBeNull();
  });

  it('never invents a role: whatever it answers is one of the mappings', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('cs-admins', 'cs-consultants', 'acme-leaders', 'x')), (groups) => {
        const found = roleFromGroups(mappings, groups);
        if (found === null) return groups.every((group) => group === 'x');
        return mappings.some((m) => m.role === found.role && (groups as string[]).includes(m.group));
      }),
    );
  });
});

describe('groupsOfClaim', () => {
  it('reads a list, one string, or comma-separated names, without repeats or blanks', () => {
    expect(groupsOfClaim(['a', 'b', 'a'])).toEqual(['a', 'b']);
    expect(groupsOfClaim('a, b,,c')).toEqual(['a', 'b', 'c']);
    expect(groupsOfClaim(undefined)).toEqual([]);
    expect(groupsOfClaim([1, { a: 1 }, 'ok'])).toEqual(['ok']);
  });
});

describe('domains', () => {
  it('takes the domain of an email, lower-cased', () => {
    expect(emailDomainOf('Ann.Lee@Example.COM')).toBe('example.com');
    expect(emailDomainOf('no-at-sign')).toBeNull();
    expect(emailDomainOf('trailing@')).toBeNull();
  });

  it('accepts domains and refuses what is not one, naming why', () => {
    expect(check(ssoDomain, ' Example.co.UK ')).toEqual({ ok: true, value: 'example.co.uk' });
    for (const [input, message] of [
      ['', 'The domain is required.'],
      ['ann@example.com', 'Enter the domain only, without the part before the @.'],
      ['*.example.com', 'Enter one domain; each subdomain is added on its own.'],
      ['localhost', 'Enter a domain such as example.com.'],
      ['exa mple.com', 'Enter a domain such as example.com.'],
      ['example.com\u0000', 'Enter a domain such as example.com.'],
    ] as const) {
      const checked = check(ssoDomain, input);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.errors[0]?.message).toBe(message);
    }
  });

  it('proves a domain by its TXT record, joining a value DNS split in pieces', () => {
    const record = domainVerificationRecord('example.com', 'abc123');
    expect(record).toEqual({
      name: '_csp-verification.example.com',
      value: 'csp-domain-verification=abc123',
    });
    expect(txtRecordsProve([['v=spf1 -all'], ['csp-domain-', 'verification=abc123']], record.value)).toBe(
      true,
    );
    expect(txtRecordsProve([['csp-domain-verification=abc12']], record.value)).toBe(false);
    expect(txtRecordsProve([], record.value)).toBe(false);
  });
});

describe('certificate expiry warnings', () => {
  const now = new Date('2026-12-01T09:00:00Z');
  const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);

  it('warns at 30, 7 and 1 days, each once', () => {
    expect(certificateWarningDue(inDays(45), now, [])).toBeNull();
    expect(certificateWarningDue(inDays(30.5), now, [])).toBe(30);
    expect(certificateWarningDue(inDays(20), now, [30])).toBeNull();
    expect(certificateWarningDue(inDays(6), now, [30])).toBe(7);
    expect(certificateWarningDue(inDays(0.5), now, [30, 7])).toBe(1);
    expect(certificateWarningDue(inDays(0.5), now, [30, 7, 1])).toBeNull();
  });

  it('after a gap, sends the nearest warning only', () => {
    expect(certificateWarningDue(inDays(3), now, [])).toBe(7);
    expect(certificateWarningDue(inDays(3), now, [7])).toBeNull();
  });

  it('stops once expired, which the portal shows instead', () => {
    expect(certificateWarningDue(inDays(-1), now, [])).toBeNull();
    expect(daysUntilExpiry(inDays(-1), now)).toBe(-1);
    expect(expiresSoon(inDays(31), now)).toBe(false);
    expect(expiresSoon(inDays(29), now)).toBe(true);
  });

  it('sends at most three warnings over a certificate’s last weeks, checked every hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), (hoursBetweenChecks) => {
        const sent: number[] = [];
        for (let at = inDays(-40).getTime(); at < inDays(5).getTime(); at += hoursBetweenChecks * 3_600_000) {
          const due = certificateWarningDue(now, new Date(at), sent);
          if (due !== null) sent.push(due);
        }
        return sent.length <= 3 && sent.every((day, i) => i === 0 || day < (sent[i - 1] ?? Infinity));
      }),
    );
  });
});

describe('connection input', () => {
  it('wants https for a provider, except one on this machine', () => {
    const base = { name: 'Okta', clientId: 'abc' };
    expect(check(addOidcConnectionInput, { ...base, issuer: 'https://acme.okta.com' }).ok).toBe(true);
    expect(check(addOidcConnectionInput, { ...base, issuer: 'http://localhost:4000/oidc' }).ok).toBe(true);
    const plain = check(addOidcConnectionInput, { ...base, issuer: 'http://acme.okta.com' });
    expect(plain.ok).toBe(false);
    if (!plain.ok) expect(plain.errors[0]?.field).toBe('issuer');
  });

  it('needs SAML metadata or the three settings, naming each one missing', () => {
    const checked = check(addSamlConnectionInput, {
      name: 'Entra',
      ssoUrl: 'https://login.example.com/saml',
    });
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.errors.map((error) => error.field).sort()).toEqual(['certificate', 'idpEntityId']);
    expect(check(addSamlConnectionInput, { name: 'Entra', metadataXml: '<EntityDescriptor/>' }).ok).toBe(
      true,
    );
  });

  it('fences a client leader mapping to one client, and only it', () => {
    expect(check(ssoRoleMappingInput, { group: 'g', role: 'CLIENT_LEADER' }).ok).toBe(false);
    expect(check(ssoRoleMappingInput, { group: 'g', role: 'CONSULTANT', clientId: CLIENT }).ok).toBe(false);
    expect(check(ssoRoleMappingInput, { group: 'g', role: 'CONSULTANT' })).toEqual({
      ok: true,
      value: { group: 'g', role: 'CONSULTANT', clientId: null },
    });
  });
});
