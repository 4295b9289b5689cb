import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_FRAMEWORK_KEYS } from '@csp/domain';
import { startTestApi, type TestApi, unchecked } from '../../../test/test-api.js';
import { addMember, createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { createAudit, saveResponses } from '../../../test/audits-factories.js';
import { graphql } from '../../../test/generated/index.js';

const COPY = graphql(`
  mutation AuditsFrameworksCopyAuditFramework($input: CopyAuditFrameworkInput!) {
    copyAuditFramework(input: $input) {
      framework {
        key
        version
        latestVersion
        name
        builtIn
        basedOnKey
        sections {
          key
          criteria {
            key
          }
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const UPDATE = graphql(`
  mutation AuditsFrameworksUpdateAuditFramework($input: UpdateAuditFrameworkInput!) {
    updateAuditFramework(input: $input) {
      framework {
        key
        version
        latestVersion
        name
        summary
        scale {
          score
          label
        }
        sections {
          key
          title
          weight
          criteria {
            key
            prompt
            guidance
            weight
            highIsBad
            critical
          }
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const ONE = graphql(`
  query AuditsFrameworksAuditFramework($key: String!, $version: Int) {
    auditFramework(key: $key, version: $version) {
      key
      version
      latestVersion
      name
      sections {
        key
      }
    }
  }
`);

const section = (key: string, criteria: Record<string, unknown>[]) => ({
  key,
  title: `Section ${key}`,
  weight: 1,
  criteria,
});
const criterion = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  prompt: `Is ${key} true?`,
  weight: 1,
  ...extra,
});

let api: TestApi;
let admin: SignedIn;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
});
afterAll(() => api.close());

async function copy(input: Record<string, unknown>, who: SignedIn = admin) {
  return (await api.graphql(COPY, unchecked({ input }), who)).data.copyAuditFramework;
}

async function update(input: Record<string, unknown>) {
  return (await api.graphql(UPDATE, unchecked({ input }), admin)).data.updateAuditFramework;
}

describe('frameworks', () => {
  it('lists the built-ins first, then the consultancy’s copies by key, each at its latest version', async () => {
    const tenant = await signUpConsultancy(api);
    await copy({ sourceKey: 'four-rewards', key: 'zz-rewards', name: 'Our rewards' }, tenant);
    await copy({ sourceKey: 'dime-maturity', key: 'aa-dime', name: 'Our DIME' }, tenant);
    const list = await api.graphql(
      graphql(`
        query AuditsFrameworksAuditFrameworks {
          auditFrameworks {
            key
            builtIn
          }
        }
      `),
      {},
      tenant,
    );
    expect(list.data.auditFrameworks.map((f) => f.key)).toEqual([
      ...BUILT_IN_FRAMEWORK_KEYS,
      'aa-dime',
      'zz-rewards',
    ]);
    expect(list.data.auditFrameworks.filter((f) => f.builtIn)).toHaveLength(7);
    // Another consultancy does not see these copies.
    const mine = await api.graphql(
      graphql(`
        query AuditsFrameworksAuditFrameworks2 {
          auditFrameworks {
            key
          }
        }
      `),
      {},
      admin,
    );
    expect(mine.data.auditFrameworks.map((f) => f.key)).not.toContain('aa-dime');
    const theirs = await api.graphql(ONE, { key: 'aa-dime' }, admin);
    expect(theirs.data.auditFramework).toBeNull();
  });

  it('copies a built-in as version 1 of a new framework and keeps every version of its edits', async () => {
    const copied = await copy({ sourceKey: 'aeiou-values', key: 'our-values', name: ' Our values ' });
    expect(copied.framework).toMatchObject({
      key: 'our-values',
      version: 1,
      latestVersion: 1,
      name: 'Our values',
      builtIn: false,
      basedOnKey: 'aeiou-values',
    });
    const edited = await update({
      key: 'our-values',
      expectedVersion: 1,
      name: 'Our values, 2026',
      scale: ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'],
      sections: [
        section('people', [
          criterion('warmth', { weight: 2, critical: true }),
          criterion('pace', { highIsBad: true, guidance: ' Time it. ' }),
        ]),
      ],
    });
    expect(edited.userErrors).toEqual([]);
    expect(edited.framework).toMatchObject({
      version: 2,
      latestVersion: 2,
      summary: '',
      scale: [
        { score: 1, label: 'Never' },
        { score: 2, label: 'Rarely' },
        { score: 3, label: 'Sometimes' },
        { score: 4, label: 'Often' },
        { score: 5, label: 'Always' },
      ],
      sections: [
        {
          key: 'people',
          title: 'Section people',
          weight: 1,
          criteria: [
            {
              key: 'warmth',
              prompt: 'Is warmth true?',
              guidance: '',
              weight: 2,
              highIsBad: false,
              critical: true,
            },
            {
              key: 'pace',
              prompt: 'Is pace true?',
              guidance: 'Time it.',
              weight: 1,
              highIsBad: true,
              critical: false,
            },
          ],
        },
      ],
    });
    const first = await api.graphql(ONE, { key: 'our-values', version: 1 }, admin);
    expect(first.data.auditFramework).toMatchObject({ version: 1, latestVersion: 2, name: 'Our values' });
    expect((first.data.auditFramework!.sections as unknown[]).length).toBe(5);
    const missing = await api.graphql(ONE, { key: 'our-values', version: 3 }, admin);
    expect(missing.data.auditFramework).toBeNull();
    const builtIn = await api.graphql(ONE, { key: 'five-obstacles' }, admin);
    expect(builtIn.data.auditFramework).toMatchObject({
      key: 'five-obstacles',
      version: 1,
      latestVersion: 1,
    });
  });

  it('keeps an audit on the version it started with after the framework changes', async () => {
    const clientId = await createClient(api, admin);
    await copy({ sourceKey: 'four-rewards', key: 'kept-rewards', name: 'Rewards' });
    const audit = await createAudit(api, admin, clientId, { frameworkKey: 'kept-rewards' });
    await update({
      key: 'kept-rewards',
      expectedVersion: 1,
      name: 'Rewards v2',
      sections: [section('only', [criterion('one')])],
    });
    // The audit still answers the criteria of version 1; "one" is only in version 2.
    const saved = await saveResponses(api, admin, audit, [{ criterionKey: 'retention-stable', score: 4 }]);
    const stranger = await api.graphql(
      graphql(`
        mutation AuditsFrameworksSaveAuditResponse($input: SaveAuditResponseInput!) {
          saveAuditResponse(input: $input) {
            userErrors {
              field
            }
          }
        }
      `),
      {
        input: {
          auditId: audit.id,
          expectedRevision: saved.revision,
          response: { criterionKey: 'one', score: 4 },
        },
      },
      admin,
    );
    expect(stranger.data.saveAuditResponse.userErrors).toEqual([{ field: 'response.criterionKey' }]);
    const read = await api.graphql(
      graphql(`
        query AuditsFrameworksAudit($id: ID!) {
          audit(id: $id) {
            framework {
              version
              name
            }
          }
        }
      `),
      { id: saved.id },
      admin,
    );
    expect(read.data.audit!.framework).toEqual({ version: 1, name: 'Rewards' });
    const later = await createAudit(api, admin, clientId, { frameworkKey: 'kept-rewards' });
    const [row] = await api.ownerQuery<{ framework_version: number }>(
      'SELECT framework_version FROM audits WHERE id = $1',
      [later.id],
    );
    expect(row?.framework_version).toBe(2);
    const pinned = await createAudit(api, admin, clientId, {
      frameworkKey: 'kept-rewards',
      frameworkVersion: 1,
    });
    const [old] = await api.ownerQuery<{ framework_version: number }>(
      'SELECT framework_version FROM audits WHERE id = $1',
      [pinned.id],
    );
    expect(old?.framework_version).toBe(1);
  });
});

describe('refusals', () => {
  it.each([
    ['sourceKey', { sourceKey: 'nothing-like-it' }, 'NOT_FOUND'],
    ['sourceKey', { sourceKey: '' }, 'REQUIRED'],
    ['key', { key: 'Our Values' }, 'INVALID'],
    ['key', { key: '' }, 'REQUIRED'],
    ['key', { key: 'aeiou-values' }, 'TAKEN'],
    ['key', { key: 'taken-copy' }, 'TAKEN'],
    ['name', { name: '  ' }, 'REQUIRED'],
    ['name', { name: 'n'.repeat(201) }, 'TOO_LONG'],
  ])('refuses a copy with a wrong %s (%o) and writes nothing', async (field, change, code) => {
    if (!(await api.ownerQuery(`SELECT 1 FROM audit_frameworks WHERE key = 'taken-copy'`)).length) {
      expect(
        (await copy({ sourceKey: 'four-rewards', key: 'taken-copy', name: 'Taken' })).userErrors,
      ).toEqual([]);
    }
    const before = await api.countRows('audit_frameworks', admin.tenantId);
    const versions = await api.countRows('audit_framework_versions', admin.tenantId);
    const answer = await copy({ sourceKey: 'four-rewards', key: 'fresh-key', name: 'Fresh', ...change });
    expect(answer).toEqual({ framework: null, userErrors: [expect.objectContaining({ field, code })] });
    expect(await api.countRows('audit_frameworks', admin.tenantId)).toBe(before);
    expect(await api.countRows('audit_framework_versions', admin.tenantId)).toBe(versions);
  });

  it.each([
    ['key', { key: 'five-obstacles' }, 'NOT_ALLOWED'],
    ['key', { key: 'no-such-copy' }, 'NOT_FOUND'],
    ['expectedVersion', { expectedVersion: 7 }, 'CONFLICT'],
    ['name', { name: '' }, 'REQUIRED'],
    ['sections', { sections: [] }, 'REQUIRED'],
    ['sections.0.criteria', { sections: [section('a', [])] }, 'REQUIRED'],
    ['sections.0.criteria.1.key', { sections: [section('a', [criterion('x'), criterion('x')])] }, 'TAKEN'],
    [
      'sections.0.criteria.0.weight',
      { sections: [section('a', [criterion('x', { weight: 0 })])] },
      'INVALID',
    ],
    [
      'sections.0.criteria.0.prompt',
      { sections: [section('a', [criterion('x', { prompt: ' ' })])] },
      'REQUIRED',
    ],
    [
      'sections.1.key',
      { sections: [section('a', [criterion('x')]), section('a', [criterion('y')])] },
      'TAKEN',
    ],
    ['scale.2', { scale: ['1', '2', ' ', '4', '5'] }, 'REQUIRED'],
    ['scale', { scale: ['1', '2'] }, 'TOO_SHORT'],
  ])('refuses an edit with a wrong %s (%o) and writes nothing', async (field, change, code) => {
    if (!(await api.ownerQuery(`SELECT 1 FROM audit_frameworks WHERE key = 'edited-copy'`)).length) {
      expect(
        (await copy({ sourceKey: 'four-rewards', key: 'edited-copy', name: 'Edited' })).userErrors,
      ).toEqual([]);
    }
    const versions = await api.countRows('audit_framework_versions', admin.tenantId);
    const answer = await update({
      key: 'edited-copy',
      expectedVersion: 1,
      name: 'Edited',
      sections: [section('a', [criterion('x')])],
      ...change,
    });
    expect(answer).toEqual({ framework: null, userErrors: [expect.objectContaining({ field, code })] });
    expect(await api.countRows('audit_framework_versions', admin.tenantId)).toBe(versions);
    const [row] = await api.ownerQuery<{ latest_version: number }>(
      `SELECT latest_version FROM audit_frameworks WHERE key = 'edited-copy'`,
    );
    expect(row?.latest_version).toBe(1);
  });

  it('lets consultants and client leaders read frameworks but only admins change them', async () => {
    const clientId = await createClient(api, admin);
    for (const who of [
      await addMember(api, admin, 'CONSULTANT'),
      await addMember(api, admin, 'CLIENT_LEADER', clientId),
    ]) {
      const read = await api.graphql(
        graphql(`
          query AuditsFrameworksAuditFrameworks3 {
            auditFrameworks {
              key
            }
          }
        `),
        {},
        who,
      );
      expect(read.data.auditFrameworks.length).toBeGreaterThanOrEqual(7);
      const write = await api.graphql(
        COPY,
        { input: { sourceKey: 'four-rewards', key: 'not-mine', name: 'No' } },
        who,
      );
      expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
