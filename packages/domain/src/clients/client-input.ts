import { z } from 'zod';
import { CLIENT_SIZES, CLIENT_STATUSES, INDUSTRIES } from './client.js';
import { LIMITS, optionalText, requiredText } from '../validation/text.js';

export const clientInput = z.object({
  name: requiredText('Name', LIMITS.name),
  industry: z.enum(INDUSTRIES, 'Choose an industry from the list.'),
  size: z.enum(CLIENT_SIZES, 'Choose a size band from the list.').nullish(),
  region: optionalText('Region', LIMITS.shortText),
  status: z.enum(CLIENT_STATUSES, 'Choose a status from the list.').optional(),
});
export type ClientInput = z.infer<typeof clientInput>;

/** Updates name only the fields they change; at least one must be there. */
export const clientChanges = clientInput.partial().refine((changes) => Object.keys(changes).length > 0, {
  message: 'Change at least one field.',
});

const workshopStatement = (label: string) => requiredText(label, LIMITS.statement);

/**
 * The differentiation workshop, saved whole: the beliefs customers hold about the client's industry, what the team
 * values as customers themselves, the common purpose that answers the beliefs, and the one point the client chooses
 * to stand out on. `linked` marks the beliefs that point breaks and the values it serves.
 */
export const workshopInput = z.object({
  beliefs: z
    .array(z.object({ statement: workshopStatement('Belief'), linked: z.boolean().default(false) }))
    .max(LIMITS.listItems, `List at most ${LIMITS.listItems} beliefs.`),
  values: z
    .array(z.object({ statement: workshopStatement('Value'), linked: z.boolean().default(false) }))
    .max(LIMITS.listItems, `List at most ${LIMITS.listItems} values.`),
  commonPurpose: optionalText('Common purpose', LIMITS.longText),
  pointOfDifferentiation: optionalText('Point of differentiation', LIMITS.longText),
});
export type WorkshopInput = z.infer<typeof workshopInput>;

/** A point of differentiation means something only when it says which beliefs it breaks or values it serves. */
export function workshopGaps(workshop: WorkshopInput): string[] {
  const gaps: string[] = [];
  if (workshop.beliefs.length === 0) gaps.push('List the common beliefs customers hold about the industry.');
  if (workshop.values.length === 0)
    gaps.push('List what the team values when they are customers themselves.');
  if (!workshop.commonPurpose) gaps.push('Write the common purpose that answers those beliefs.');
  if (!workshop.pointOfDifferentiation) gaps.push('Choose the one point the client will stand out on.');
  else if (!workshop.beliefs.some((b) => b.linked) && !workshop.values.some((v) => v.linked)) {
    gaps.push('Link the point of differentiation to the beliefs it breaks or the values it serves.');
  }
  return gaps;
}
