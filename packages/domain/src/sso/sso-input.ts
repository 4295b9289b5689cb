import { z } from 'zod';
import { ROLES } from '../people/roles.js';
import { LIMITS, optionalText, requiredText } from '../validation/text.js';

const URL_MAX = 2000;

/**
 * A provider's address. HTTPS, except on this machine (a provider run locally while setting up, or in tests):
 * identity providers never serve sign-in over plain HTTP elsewhere.
 */
function providerUrl(label: string) {
  return z
    .string()
    .trim()
    .min(1, `${label} is required.`)
    .max(URL_MAX, `${label} must be at most ${URL_MAX} characters.`)
    .pipe(z.url({ protocol: /^https?$/, error: `${label} must be a full URL starting with https://.` }))
    .refine(
      (value) =>
        value.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/.test(value),
      `${label} must start with https:// (plain http only for a provider on this machine).`,
    );
}

const groupsClaim = z
  .string()
  .trim()
  .min(1, 'Name the claim or attribute that carries groups, e.g. groups.')
  .max(LIMITS.shortText, `The groups claim must be at most ${LIMITS.shortText} characters.`)
  .nullish()
  .transform((value) => value ?? null);

/** A certificate as providers give it: PEM with its armour, or the bare base64 of metadata. */
const certificate = z
  .string()
  .trim()
  .min(1, 'Paste the provider’s signing certificate.')
  .max(20_000, 'A certificate is at most 20,000 characters.');

const secret = z.string().trim().min(1, 'The client secret cannot be empty.').max(2000);

export const addOidcConnectionInput = z.object({
  name: requiredText('Name', LIMITS.name),
  issuer: providerUrl('The issuer URL'),
  clientId: requiredText('Client id', 500),
  clientSecret: secret.nullish().transform((value) => value ?? null),
  groupsClaim,
});
export type AddOidcConnectionInput = z.infer<typeof addOidcConnectionInput>;

/**
 * A SAML provider is given by its metadata (pasted, or a URL to fetch once) or by its three settings; which one is
 * checked here, what the metadata says by the API, which parses it.
 */
export const addSamlConnectionInput = z
  .object({
    name: requiredText('Name', LIMITS.name),
    metadataXml: z.string().trim().max(500_000, 'Metadata is at most 500,000 characters.').nullish(),
    metadataUrl: providerUrl('The metadata URL').nullish(),
    idpEntityId: optionalText('The provider’s entity id', URL_MAX),
    ssoUrl: providerUrl('The single sign-on URL').nullish(),
    logoutUrl: providerUrl('The logout URL').nullish(),
    certificate: certificate.nullish(),
    groupsClaim,
  })
  .superRefine((value, ctx) => {
    if (value.metadataXml || value.metadataUrl) return;
    for (const field of ['idpEntityId', 'ssoUrl', 'certificate'] as const) {
      if (!value[field])
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'Give the provider’s metadata, or its entity id, single sign-on URL and certificate.',
        });
    }
  });
export type AddSamlConnectionInput = z.infer<typeof addSamlConnectionInput>;

export const ssoRoleMappingInput = z
  .object({
    group: requiredText('Group', LIMITS.name),
    role: z.enum(ROLES, 'Choose a role from the list.'),
    clientId: z.uuid('Choose the client these leaders belong to.').nullish(),
  })
  .superRefine((value, ctx) => {
    if ((value.role === 'CLIENT_LEADER') !== Boolean(value.clientId))
      ctx.addIssue({
        code: 'custom',
        path: ['clientId'],
        message:
          value.role === 'CLIENT_LEADER'
            ? 'Choose the client these leaders belong to.'
            : 'Only client leaders belong to a client.',
      });
  })
  .transform((value) => ({ ...value, clientId: value.clientId ?? null }));

export const updateSsoConnectionInput = z.object({
  id: z.string().min(1, 'Choose the connection.'),
  name: requiredText('Name', LIMITS.name).optional(),
  clientSecret: secret.optional(),
  certificates: z.array(certificate).min(1, 'Keep at least one certificate.').max(5).optional(),
  logoutUrl: providerUrl('The logout URL').nullish(),
  groupsClaim: groupsClaim.optional(),
  roleMappings: z.array(ssoRoleMappingInput).max(LIMITS.listItems).optional(),
  ssoOnly: z.boolean().optional(),
  breakGlassAdminId: z.string().min(1).nullish(),
});
export type UpdateSsoConnectionInput = z.infer<typeof updateSsoConnectionInput>;
