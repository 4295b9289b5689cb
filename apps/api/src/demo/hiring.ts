import type { RequestContext } from '../core/context.js';
import { criteriaOfProfile, createRoleProfile, saveCandidateScorecard } from '../modules/hiring/index.js';
import type { DemoClientRef } from './demo-programme.js';
import { type Payload } from '../core/payloads.js';

type Criterion = {
  category: string;
  title: string;
  weight: number;
  mustHave?: boolean;
  evidence: string;
  aeiouValue?: string;
};

/** 30 + 15 + 15 + 20 + 20 = 100, so candidates can be scored against it. */
const FRONT_DESK_HOST: Criterion[] = [
  {
    category: 'PERSONALITY_TRAIT',
    title: 'Warmth with arriving guests',
    weight: 30,
    mustHave: true,
    evidence: 'Role-play a guest arriving after a delayed flight; listen for a welcome that sounds meant.',
    aeiouValue: 'OPTIMISTIC',
  },
  {
    category: 'PERSONALITY_TRAIT',
    title: 'Keeps calm with a queue at the desk',
    weight: 15,
    evidence: 'Ask how they handled the longest queue they have faced, and what the last person in it felt.',
    aeiouValue: 'ENERGETIC',
  },
  {
    category: 'INDUSTRY_EXPERIENCE',
    title: 'Front-office experience in hospitality',
    weight: 15,
    evidence: 'Walk through a shift they ran: arrivals, departures, a room that was not ready.',
  },
  {
    category: 'SKILL',
    title: 'Reservation-system fluency',
    weight: 20,
    evidence: 'A five-minute exercise: change a booking, split a bill, note a guest preference.',
  },
  {
    category: 'VALUE_FIT',
    title: 'Owns a guest problem until it is solved',
    weight: 20,
    mustHave: true,
    evidence: 'Ask for a time they kept hold of a complaint that was not their fault, and how it ended.',
    aeiouValue: 'ACCOUNTABLE',
  },
];

/** One score per criterion in the order above; null leaves it for the second interview. */
const CANDIDATES: { ref: string; scores: (number | null)[] }[] = [
  { ref: 'FD-2031', scores: [5, 4, 3, 4, 5] },
  { ref: 'FD-2032', scores: [4, 4, 5, 3, 4] },
  // A better fit than FD-2032 on paper, but the welcome fell flat: the failed must-have ranks them last.
  { ref: 'FD-2033', scores: [2, 5, 5, 5, 5] },
  { ref: 'FD-2034', scores: [4, 3, 2, null, null] },
];

/** Still being designed: 35 + 25 + 20 + 10 = 90, so the portal shows what is missing before anyone is scored. */
const CONTACT_CENTRE_AGENT: Criterion[] = [
  {
    category: 'PERSONALITY_TRAIT',
    title: 'Patience with a frustrated caller',
    weight: 35,
    mustHave: true,
    evidence: 'Play a recorded complaint and ask for their first three sentences in reply.',
    aeiouValue: 'OPTIMISTIC',
  },
  {
    category: 'SKILL',
    title: 'Explains a plan change in plain words',
    weight: 25,
    evidence: 'Ask them to explain a roaming charge to a caller who has never travelled.',
  },
  {
    category: 'PRODUCT_KNOWLEDGE',
    title: 'Knows how plans and add-ons fit together',
    weight: 20,
    evidence: 'A short quiz on the three best-selling plans.',
  },
  {
    category: 'INDUSTRY_EXPERIENCE',
    title: 'Inbound contact-centre experience',
    weight: 10,
    evidence: 'Ask what their last centre measured, and which measure they would drop.',
  },
];

/**
 * A front-desk profile with four scored candidates (one flagged, one incomplete) for the hotel client, and a
 * contact-centre profile still being balanced for another client. Goes through the services, so the same rules apply.
 */
export async function seedHiringDemo(context: RequestContext, clients: DemoClientRef[], _today: string) {
  if (clients.length === 0) return;
  const hotel = clients.find((c) => c.industry === 'HOSPITALITY') ?? clients[0]!;
  const host = expectOk(
    await createRoleProfile(context, {
      clientId: hotel.id,
      title: 'Front-desk host',
      summary: 'The first and last face a guest sees: check-in, check-out and every question in between.',
      criteria: FRONT_DESK_HOST,
    }),
  ).roleProfile!;
  const criteria = await criteriaOfProfile(context).load(host.id);
  for (const candidate of CANDIDATES) {
    expectOk(
      await saveCandidateScorecard(context, {
        profileId: host.id,
        candidateRef: candidate.ref,
        scores: candidate.scores.flatMap((score, index) =>
          score === null ? [] : [{ criterionId: criteria[index]!.id, score }],
        ),
      }),
    );
  }

  const elsewhere =
    clients.find((c) => c.id !== hotel.id && c.industry === 'TELECOMMUNICATIONS') ??
    clients.find((c) => c.id !== hotel.id);
  if (elsewhere) {
    expectOk(
      await createRoleProfile(context, {
        clientId: elsewhere.id,
        title: 'Contact-centre agent',
        summary: 'Answers calls and chats; owns the caller’s problem from the first hello.',
        criteria: CONTACT_CENTRE_AGENT,
      }),
    );
  }
}

function expectOk<
  T extends Payload<'RoleProfilePayload'> | { userErrors: { field: string; message: string }[] },
>(payload: T): T {
  if (payload.userErrors.length) {
    const problems = payload.userErrors.map((e) => `${e.field}: ${e.message}`).join('; ');
    throw new Error(`Hiring demo data was refused: ${problems}`);
  }
  return payload;
}
