import { z } from 'zod';
import { LIMITS, optionalText } from '../validation/text.js';
import { WEBHOOK_EVENT_TYPES } from './events.js';

const URL_MAX = 2000;
/** `user:password@` before the host. */
const CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i;

/**
 * The shape of an endpoint's address. Whether it points somewhere private is decided by the API, which resolves
 * the name; here only what can be seen in the text: http(s), a host, no user name or password in it.
 */
export const webhookUrl = z
  .string()
  .trim()
  .min(1, 'The endpoint URL is required.')
  .max(URL_MAX, `The endpoint URL must be at most ${URL_MAX} characters.`)
  .pipe(
    z.url({
      protocol: /^https?$/,
      error: 'Enter a full URL starting with https:// or http://, such as https://example.com/webhooks.',
    }),
  )
  .refine(
    (value) => !CREDENTIALS.test(value),
    'Leave credentials out of the URL; verify the signature instead.',
  );

const events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, 'Choose events from the list.'))
  .min(1, 'Choose at least one event.')
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((list) => [...new Set(list)]);

export const webhookEndpointInput = z.object({
  url: webhookUrl,
  events,
  description: optionalText('Description', LIMITS.shortText),
});
export type WebhookEndpointInput = z.infer<typeof webhookEndpointInput>;

export const webhookEndpointChanges = z.object({
  url: webhookUrl.optional(),
  events: events.optional(),
  description: optionalText('Description', LIMITS.shortText).optional(),
  enabled: z.boolean().optional(),
});
export type WebhookEndpointChanges = z.infer<typeof webhookEndpointChanges>;

/** How long the old secret keeps signing after a rotation, so receivers can switch without losing a delivery. */
export const DEFAULT_SECRET_OVERLAP_HOURS = 24;
export const MAX_SECRET_OVERLAP_HOURS = 7 * 24;

export const secretOverlapHours = z
  .number()
  .int('The overlap is a whole number of hours.')
  .min(0, 'The overlap cannot be negative.')
  .max(MAX_SECRET_OVERLAP_HOURS, `The overlap can be at most ${MAX_SECRET_OVERLAP_HOURS} hours.`);
