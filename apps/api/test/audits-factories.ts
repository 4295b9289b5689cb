import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { builtInFramework, frameworkCriteria, type AuditFramework } from '@csp/domain';
import type { TestApi } from './test-api.js';
import type { SignedIn } from './factories.js';
import { graphql } from './generated/index.js';
import type { AuditResponseInput, AuditStatus, CreateAuditInput } from './generated/graphql.js';

/** Factories for audits: through the API like a consultant would, except charters (see `createCharter`). */

export interface AuditRef {
  id: string;
  revision: number;
}

export type Answer = number | null;

export function builtIn(key: string): AuditFramework {
  const framework = builtInFramework(key);
  if (!framework) throw new Error(`No built-in framework ${key}`);
  return framework;
}

export async function createAudit(
  api: TestApi,
  who: SignedIn,
  clientId: string,
  input: Partial<CreateAuditInput> = {},
): Promise<AuditRef> {
  const response = await api.graphql(
    graphql(`
      mutation FactoryCreateAudit($input: CreateAuditInput!) {
        createAudit(input: $input) {
          audit {
            id
            revision
          }
          userErrors {
            field
            message
          }
        }
      }
    `),
    { input: { clientId, frameworkKey: 'aeiou-values', ...input } },
    who,
  );
  expect(response.data.createAudit.userErrors).toEqual([]);
  return response.data.createAudit.audit!;
}

/** `null` answers "not applicable". */
export function responsesFrom(answers: Record<string, Answer>) {
  return Object.entries(answers).map(([criterionKey, score]) =>
    score === null ? { criterionKey, notApplicable: true } : { criterionKey, score },
  );
}

export async function saveResponses(
  api: TestApi,
  who: SignedIn,
  audit: AuditRef,
  responses: AuditResponseInput[],
): Promise<AuditRef> {
  const response = await api.graphql(
    graphql(`
      mutation FactorySaveAuditResponses($input: SaveAuditResponsesInput!) {
        saveAuditResponses(input: $input) {
          audit {
            id
            revision
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    { input: { auditId: audit.id, expectedRevision: audit.revision, responses } },
    who,
  );
  expect(response.data.saveAuditResponses.userErrors).toEqual([]);
  return response.data.saveAuditResponses.audit!;
}

export async function moveAudit(
  api: TestApi,
  who: SignedIn,
  audit: AuditRef,
  status: AuditStatus,
): Promise<AuditRef> {
  const response = await api.graphql(
    graphql(`
      mutation FactoryChangeAuditStatus($input: ChangeAuditStatusInput!) {
        changeAuditStatus(input: $input) {
          audit {
            id
            revision
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    { input: { auditId: audit.id, expectedRevision: audit.revision, status } },
    who,
  );
  expect(response.data.changeAuditStatus.userErrors).toEqual([]);
  return response.data.changeAuditStatus.audit!;
}

/**
 * A published audit: every criterion of the framework answered, from `answers` or else `otherwise`
 * (a score, or null for not applicable).
 */
export async function publishedAudit(
  api: TestApi,
  who: SignedIn,
  clientId: string,
  options: {
    frameworkKey?: string;
    conductedOn: string;
    answers?: Record<string, Answer>;
    otherwise?: Answer;
    /** Stop short of publishing. */
    until?: 'SUBMITTED';
  },
): Promise<AuditRef> {
  const frameworkKey = options.frameworkKey ?? 'aeiou-values';
  const answers: Record<string, Answer> = {};
  for (const { criterion } of frameworkCriteria(builtIn(frameworkKey))) {
    answers[criterion.key] = options.answers?.[criterion.key] ?? options.otherwise ?? 3;
  }
  let audit = await createAudit(api, who, clientId, { frameworkKey, conductedOn: options.conductedOn });
  audit = await saveResponses(api, who, audit, responsesFrom(answers));
  audit = await moveAudit(api, who, audit, 'SUBMITTED');
  return options.until ? audit : moveAudit(api, who, audit, 'PUBLISHED');
}

/**
 * A charter with one version, written as the table owner: the charters module has its own tests, and these only
 * need its rows.
 */
export async function createCharter(
  api: TestApi,
  tenantId: string,
  clientId: string,
  promises: { key: string; title: string }[],
  status: 'DRAFT' | 'PUBLISHED' = 'PUBLISHED',
): Promise<string> {
  const charterId = randomUUID();
  await api.ownerQuery('INSERT INTO charters (tenant_id, id, client_id) VALUES ($1, $2, $3)', [
    tenantId,
    charterId,
    clientId,
  ]);
  await addCharterVersion(api, tenantId, clientId, charterId, 1, promises, status);
  return charterId;
}

export async function addCharterVersion(
  api: TestApi,
  tenantId: string,
  clientId: string,
  charterId: string,
  number: number,
  promises: { key: string; title: string }[],
  status: 'DRAFT' | 'PUBLISHED',
) {
  await api.ownerQuery(
    `INSERT INTO charter_versions (tenant_id, charter_id, client_id, number, status, promises, published_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, CASE WHEN $5 = 'PUBLISHED' THEN now() END)`,
    [tenantId, charterId, clientId, number, status, JSON.stringify(promises)],
  );
}
