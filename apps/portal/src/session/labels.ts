import type { ClientStatus } from '../generated/graphql';

/** Words for the API's enums. Roles and industries come from the shared domain package, so both ends agree. */
export { INDUSTRY_LABELS, ROLE_LABELS } from '@csp/domain';

export const CLIENT_STATUS_LABELS: Record<ClientStatus, string> = {
  PROSPECT: 'Prospect',
  ACTIVE: 'Active',
  ARCHIVED: 'Archived',
};
