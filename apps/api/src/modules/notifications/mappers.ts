import type { Delivery, DigestSettings, PreferenceKind } from '@csp/domain';

/**
 * What this module's GraphQL types resolve from: `<GraphQLType>Mapper`, picked up by name by codegen.ts. A member's
 * choices with the defaults filled in; labels and the next digest are resolved from them.
 */
export type EmailPreferenceMapper = { kind: PreferenceKind; delivery: Delivery; isDefault: boolean };
export type DigestSettingsMapper = DigestSettings & { isDefault: boolean };
export type EmailPreferencesMapper = { kinds: EmailPreferenceMapper[]; digest: DigestSettingsMapper };
