import { fieldError } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import type { Payload } from '../../core/payloads.js';

/**
 * Placeholder until the ingest lands (api-ingest owns this file): the schema and permissions are in place, the
 * recording is not, so every call is refused and nothing is written.
 */
export async function recordMeasurements(
  _context: RequestContext,
  _input: unknown,
): Promise<Payload<'RecordMeasurementsPayload'>> {
  return {
    serviceLevels: null,
    added: 0,
    replaced: 0,
    corrected: 0,
    userErrors: [fieldError('intervals', 'NOT_ALLOWED', 'Recording measurements is not available yet.')],
  };
}
