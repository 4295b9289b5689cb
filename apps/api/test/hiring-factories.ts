import { expect } from 'vitest';
import type { TestApi } from './test-api.js';
import type { SignedIn } from './factories.js';
import { graphql } from './generated/index.js';
import type { AeiouValue, CreateRoleProfileInput, HiringCategory } from './generated/graphql.js';

export interface CriterionFields {
  id?: string;
  category: HiringCategory;
  title: string;
  weight: number;
  mustHave?: boolean;
  evidence: string;
  aeiouValue?: AeiouValue | null;
}

/** The worked example: 40 (personality trait, must-have) + 35 (industry experience) + 25 (skill) = 100. */
export const FRONT_DESK_CRITERIA: CriterionFields[] = [
  {
    category: 'PERSONALITY_TRAIT',
    title: 'Warmth with guests',
    weight: 40,
    mustHave: true,
    evidence: 'Role-play a tired guest arriving late; look for a genuine welcome.',
    aeiouValue: 'OPTIMISTIC',
  },
  {
    category: 'INDUSTRY_EXPERIENCE',
    title: 'Hotel front-office experience',
    weight: 35,
    evidence: 'Ask about the busiest check-in they have handled.',
  },
  {
    category: 'SKILL',
    title: 'Booking-system fluency',
    weight: 25,
    evidence: 'A five-minute exercise on a test reservation.',
  },
];

/** The fields of a role profile the hiring tests read back: spread `...HiringTestProfile` in a test's document. */
export const PROFILE_FIELDS = graphql(`
  fragment HiringTestProfile on RoleProfile {
    id
    title
    summary
    revision
    weightTotal
    ready
    readinessGaps {
      field
      code
      message
    }
    criteria {
      id
      key
      category
      title
      weight
      mustHave
      evidence
      aeiouValue
    }
  }
`);

export interface ProfileResult {
  id: string;
  revision: number;
  criteria: { id: string; key: string; weight: number }[];
}

export async function createRoleProfile(
  api: TestApi,
  who: SignedIn,
  clientId: string,
  input: Partial<CreateRoleProfileInput> = {},
): Promise<ProfileResult> {
  const response = await api.graphql(
    graphql(`
      mutation FactoryCreateRoleProfile($input: CreateRoleProfileInput!) {
        createRoleProfile(input: $input) {
          roleProfile {
            id
            revision
            criteria {
              id
              key
              weight
            }
          }
          userErrors {
            field
            message
          }
        }
      }
    `),
    { input: { clientId, title: 'Front-desk host', criteria: FRONT_DESK_CRITERIA, ...input } },
    who,
  );
  expect(response.errors).toBeUndefined();
  expect(response.data.createRoleProfile.userErrors).toEqual([]);
  return response.data.createRoleProfile.roleProfile!;
}

export const SAVE_SCORECARD = graphql(`
  mutation HiringSaveScorecard($input: SaveCandidateScorecardInput!) {
    saveCandidateScorecard(input: $input) {
      scorecard {
        id
        candidateRef
        fit
        complete
        flagged
        failedMustHaves {
          key
        }
        assessor {
          id
        }
        scores {
          criterion {
            key
          }
          score
          note
        }
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

/** Scores a candidate with one score per criterion, in the profile's order (null leaves a criterion unscored). */
export async function scoreCandidate(
  api: TestApi,
  who: SignedIn,
  profile: ProfileResult,
  candidateRef: string,
  scores: (number | null)[],
): Promise<string> {
  const response = await api.graphql(
    SAVE_SCORECARD,
    {
      input: {
        profileId: profile.id,
        candidateRef,
        scores: scores.flatMap((score, index) =>
          score === null ? [] : [{ criterionId: profile.criteria[index]?.id as string, score }],
        ),
      },
    },
    who,
  );
  expect(response.errors).toBeUndefined();
  expect(response.data.saveCandidateScorecard.userErrors).toEqual([]);
  return response.data.saveCandidateScorecard.scorecard!.id;
}
