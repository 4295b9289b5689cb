import { z } from 'zod';
import { LIMITS, optionalText } from '../validation/text.js';
import { eachOnce } from '../validation/each-once.js';
import { candidateScorecardInput, roleProfileInput } from './hiring-input.js';

/**
 * The forms behind the API's hiring mutations and the portal's editors. They reuse the shapes in hiring-input.ts
 * and add only what a stored profile or scorecard carries beyond the arithmetic: a summary, and a note per score.
 */
export const roleProfileForm = roleProfileInput.extend({
  summary: optionalText('Summary', LIMITS.longText),
});
export type RoleProfileForm = z.infer<typeof roleProfileForm>;

const scoreShape = candidateScorecardInput.shape.scores.element.shape;

export const scorecardForm = z.object({
  candidateRef: candidateScorecardInput.shape.candidate,
  scores: z
    .array(
      z.object({
        criterionId: z.string('Choose a criterion.').trim().min(1, 'Choose a criterion.'),
        score: scoreShape.score,
        note: optionalText('Note', LIMITS.statement),
      }),
    )
    .max(LIMITS.listItems, `Give at most ${LIMITS.listItems} scores.`)
    // One score per criterion: two would leave the reader guessing which one the fit used.
    .superRefine(
      eachOnce(
        (entry) => entry.criterionId,
        'criterionId',
        () => 'This criterion is already scored above.',
      ),
    ),
});
export type ScorecardForm = z.infer<typeof scorecardForm>;

const KEY_MAX = 64;
const SUFFIX_ROOM = 8;

/**
 * A readable, stable key for a new criterion, made from its title ("Warmth with guests" → `warmth-with-guests`),
 * with -2, -3… when the profile already uses it. Keys never change afterwards, so an HR system that stored one
 * keeps finding the same criterion after its title is reworded.
 */
export function criterionKeyFor(title: string, taken: ReadonlySet<string>): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, KEY_MAX - SUFFIX_ROOM)
      .replace(/^-+|-+$/g, '') || 'criterion';
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) {
    const candidate = `${slug}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
