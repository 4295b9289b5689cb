/**
 * What the demo's assessors found, per criterion: a first audit and a follow-up some months later, where most
 * things improved and a few did not. Scores are 1–5 as entered (for the five obstacles a high score is a bigger
 * obstacle); `null` is "not applicable".
 */
export interface DemoAnswer {
  score: number | null;
  evidence: string;
  note?: string;
  internal?: boolean;
}

export type DemoRound = Record<string, DemoAnswer>;

export const AEIOU_ROUNDS: { first: DemoRound; followUp: DemoRound } = {
  first: {
    'ownership-to-outcome': {
      score: 2,
      evidence:
        'Of six cases followed end to end, four changed hands three times or more before anyone closed them.',
      note: 'Team leaders say the hand-off rule comes from the old call-centre contract.',
      internal: true,
    },
    'leaders-answerable': {
      score: 3,
      evidence:
        'Service measures appear in the monthly pack, but misses are explained by frontline managers only.',
    },
    'commitments-kept': {
      score: 2,
      evidence:
        '11 of 20 sampled call-back promises were kept on time; nine had no record of being kept at all.',
    },
    'energy-holds-up': {
      score: 3,
      evidence:
        'Mystery calls after 4 pm were noticeably flatter: shorter greetings, no offer of further help.',
    },
    'urgency-fits-need': {
      score: 2,
      evidence: 'Urgent and routine requests waited about the same time (median 26 and 29 hours).',
    },
    'service-discussed': {
      score: 3,
      evidence:
        'Service was on the agenda of four of six team meetings observed; two of those had a real discussion.',
    },
    'staff-ideas-adopted': {
      score: 1,
      evidence:
        'Nobody interviewed could name a staff idea adopted in the last year. The suggestion box is locked.',
    },
    'small-trials': {
      score: 2,
      evidence: 'The new returns process went live everywhere on one day, with no before-and-after measure.',
    },
    'believes-in-long-journey': {
      score: 3,
      evidence: 'Managers are hopeful; several frontline staff called the programme "the latest poster".',
    },
    'forward-after-setbacks': {
      score: 3,
      evidence:
        'After the billing outage, the debrief focused on the fix, though one team still looked for a culprit.',
    },
    'customers-as-individuals': {
      score: 2,
      evidence:
        'Previous contacts are visible in the system, but only two of eight staff observed looked at them.',
    },
    'own-way-of-serving': {
      score: 2,
      evidence:
        'Asked what makes service different here, most staff described the competitor they used to work for.',
      note: 'Good material for the differentiation workshop.',
    },
  },
  followUp: {
    'ownership-to-outcome': {
      score: 4,
      evidence:
        'Five of six cases followed had a named owner from first contact to close, after the ownership pilot.',
    },
    'leaders-answerable': {
      score: 4,
      evidence:
        'The operations director now presents the service measures and answers for the misses herself.',
    },
    'commitments-kept': {
      score: 3,
      evidence: '15 of 20 call-back promises kept on time; the CRM now reminds the owner an hour before.',
    },
    'energy-holds-up': {
      score: 3,
      evidence: 'Late-afternoon calls are better than before but still the weakest part of the day.',
    },
    'urgency-fits-need': {
      score: 4,
      evidence: 'Urgent requests now wait a median of 6 hours against 27 for routine ones.',
    },
    'service-discussed': {
      score: 4,
      evidence: 'Every team meeting observed opened with a customer story and what to learn from it.',
    },
    'staff-ideas-adopted': {
      score: 3,
      evidence: 'Three staff ideas adopted this half-year, including plain-language text messages.',
    },
    'small-trials': {
      score: 4,
      evidence:
        'The text-message change ran in two branches for a month, with complaint counts before and after.',
    },
    'believes-in-long-journey': {
      score: 4,
      evidence:
        'Frontline staff now talk about the programme as theirs; cynical remarks were rare in interviews.',
    },
    'forward-after-setbacks': {
      score: 4,
      evidence:
        'The last two complaints escalated were reviewed within a week with a change agreed each time.',
    },
    'customers-as-individuals': {
      score: 3,
      evidence:
        'Five of eight staff observed used the contact history; the screen layout still hides it on mobile.',
      note: 'Raise the mobile layout with the CRM vendor before the next audit.',
      internal: true,
    },
    'own-way-of-serving': {
      score: 3,
      evidence: 'Half the staff asked could name the point of difference in their own words.',
    },
  },
};

export const OBSTACLE_ROUNDS: { first: DemoRound; followUp: DemoRound } = {
  first: {
    'says-one-thing': {
      score: 4,
      evidence: 'The charter promises unhurried help; the contact-centre bonus still pays for short calls.',
      note: 'The bonus scheme is owned by finance, not operations: involve the CFO early.',
      internal: true,
    },
    'teams-pull-apart': {
      score: 3,
      evidence:
        'Four of five teams named billing as the reason they cannot resolve a customer problem first time.',
    },
    'message-fades': {
      score: 4,
      evidence:
        'The launch speech was strong; service was not mentioned in the next quarter’s leadership updates.',
    },
    'leaders-not-modelling': {
      score: 2,
      evidence:
        'Staff gave two examples of the chief executive taking customer calls during the winter peak.',
    },
    'resources-as-excuse': {
      score: 4,
      evidence: 'Eight of ten managers gave headcount as the main thing stopping improvement.',
    },
    'capacity-unused': {
      score: 3,
      evidence: 'The knowledge-base tool is licensed for all staff; fewer than a third have ever logged in.',
    },
    'success-undefined': {
      score: 3,
      evidence: 'Five people asked gave four different pictures of success; two mentioned a measure.',
    },
    'priorities-unclear': {
      score: 3,
      evidence:
        'Given the speed-versus-thoroughness dilemma, staff split evenly and cited different managers.',
    },
    'customer-picture-dated': {
      score: 4,
      evidence:
        'The last customer research is from four years ago; the segments no longer match the customer base.',
    },
    'slow-to-adapt': {
      score: 3,
      evidence: 'Customers asked for evening chat for a year before a trial began.',
    },
  },
  followUp: {
    'says-one-thing': {
      score: 2,
      evidence:
        'The short-call bonus was replaced by one for first-contact resolution in the new financial year.',
    },
    'teams-pull-apart': {
      score: 2,
      evidence: 'Billing now joins the weekly service huddle; only one team still named it as a blocker.',
    },
    'message-fades': {
      score: 2,
      evidence: 'Service has opened every monthly leadership update since the first audit.',
    },
    'leaders-not-modelling': {
      score: 1,
      evidence:
        'Every senior leader spent a day on the phones this quarter, and staff mention it unprompted.',
    },
    'resources-as-excuse': {
      score: 3,
      evidence: 'Headcount is still raised, but managers now also bring improvements they made without it.',
    },
    'capacity-unused': {
      score: 2,
      evidence:
        'Knowledge-base logins rose to 80% of staff after it was built into the new-starter training.',
    },
    'success-undefined': {
      score: 2,
      evidence: 'Four of five people asked described success with the charter’s three measures.',
    },
    'priorities-unclear': {
      score: 2,
      evidence: 'Staff now resolve the dilemma the same way, citing the purpose statement.',
    },
    'customer-picture-dated': {
      score: 3,
      evidence: 'A customer survey is in the field; results are due next month.',
    },
    'slow-to-adapt': {
      score: null,
      evidence: 'No new shift in customer behaviour was identified in this period to trace.',
    },
  },
};
