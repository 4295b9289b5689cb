import { z } from 'zod';
import { LIMITS, requiredText } from '../validation/text.js';

/**
 * What a third party's key may do, area by area. Read lets it see; write lets it change. Granting write without
 * read is allowed but rarely useful, so the portal offers them together.
 */
export const API_SCOPES = [
  'CLIENTS_READ',
  'CLIENTS_WRITE',
  'ENGAGEMENTS_READ',
  'ENGAGEMENTS_WRITE',
  'CHARTERS_READ',
  'CHARTERS_WRITE',
  'AUDITS_READ',
  'AUDITS_WRITE',
  'ACTIONS_READ',
  'ACTIONS_WRITE',
  'HIRING_READ',
  'HIRING_WRITE',
  'SERVICE_LEVELS_READ',
  'SERVICE_LEVELS_WRITE',
  'MEASUREMENTS_WRITE',
  'COMPLAINTS_READ',
  'COMPLAINTS_WRITE',
  'FEEDBACK_READ',
  'REPORTS_CREATE',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  CLIENTS_READ: 'Read clients and their differentiation workshops',
  CLIENTS_WRITE: 'Create and change clients and workshops',
  ENGAGEMENTS_READ: 'Read engagements and milestones',
  ENGAGEMENTS_WRITE: 'Create and change engagements and milestones',
  CHARTERS_READ: 'Read charters',
  CHARTERS_WRITE: 'Draft and publish charters',
  AUDITS_READ: 'Read audits, scores and frameworks',
  AUDITS_WRITE: 'Run audits and record responses',
  ACTIONS_READ: 'Read actions',
  ACTIONS_WRITE: 'Create and change actions',
  HIRING_READ: 'Read role profiles and candidate scorecards',
  HIRING_WRITE: 'Change role profiles and score candidates',
  SERVICE_LEVELS_READ: 'Read service levels and their compliance',
  SERVICE_LEVELS_WRITE: 'Set up and change service levels',
  MEASUREMENTS_WRITE: 'Send measurements for service levels',
  COMPLAINTS_READ: 'Read complaints, their categories and patterns',
  COMPLAINTS_WRITE: 'Record complaints (a client’s CRM)',
  FEEDBACK_READ: 'Read customer feedback links, scores and comments',
  REPORTS_CREATE: 'Make programme reports (PDF, Excel, CSV) of what its read scopes allow',
};

export const apiKeyInput = z
  .object({
    name: requiredText('Name', LIMITS.title),
    scopes: z
      .array(z.enum(API_SCOPES, 'Choose scopes from the list.'))
      .min(1, 'Give the key at least one scope.')
      .max(API_SCOPES.length),
    clientId: z.uuid('Choose the client this key is limited to.').nullish(),
    expiresAt: z.date().nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.expiresAt && value.expiresAt.getTime() <= Date.now()) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'The expiry must be in the future.' });
    }
  });
export type ApiKeyInput = z.infer<typeof apiKeyInput>;

export type ApiKeyStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED';

export function apiKeyStatus(
  key: { revokedAt: Date | null; expiresAt: Date | null },
  now = new Date(),
): ApiKeyStatus {
  if (key.revokedAt) return 'REVOKED';
  if (key.expiresAt && key.expiresAt <= now) return 'EXPIRED';
  return 'ACTIVE';
}
