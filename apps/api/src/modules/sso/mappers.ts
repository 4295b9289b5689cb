import type { SsoAccessRequestRow, SsoConnectionRow, SsoDomainRow } from './entities.js';

/**
 * What this module's GraphQL types resolve from: `<GraphQLType>Mapper`, picked up by name by codegen.ts. A type that
 * resolves straight from a table row is an alias of the row (`<Entity>Row`, entities.ts).
 */
export type SsoConnectionMapper = SsoConnectionRow;
export type SsoDomainMapper = SsoDomainRow;
export type SsoAccessRequestMapper = SsoAccessRequestRow;
export type SsoRoleMappingMapper = SsoConnectionRow['roleMappings'][number];
/** A trusted certificate, parsed (node:crypto's X509Certificate) when the connection is read. */
export interface SsoCertificateMapper {
  subject: string;
  expiresAt: Date;
  fingerprint: string;
}
export type SsoServiceProviderMapper = Pick<SsoConnectionRow, 'tenantId' | 'id' | 'protocol'>;
