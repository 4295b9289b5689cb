/** Demo charter wording by industry: what a consultancy might draft with each kind of client. */
export interface DemoCharter {
  purposeStatement: { purpose: string; why: string; everythingElse: string };
  promises: {
    title: string;
    description?: string;
    standard?: { metric: string; target: number; unit: string };
  }[];
}

const CHARTERS: Record<string, DemoCharter> = {
  BANKING_FINANCE: {
    purposeStatement: {
      purpose: 'Help every customer feel sure about their money',
      why: 'because money worries follow people home, and a clear answer lets them sleep',
      everythingElse: 'over product targets and call-handling times',
    },
    promises: [
      {
        title: 'A person answers when you call',
        standard: { metric: 'Calls answered by a person within 60 seconds', target: 85, unit: '%' },
      },
      {
        title: 'We explain charges in plain words',
        description: 'Every fee on your statement has a one-line reason you can read without a glossary.',
      },
      {
        title: 'One person sees your problem through',
        description: 'Whoever takes your complaint keeps it until it is resolved, and tells you their name.',
      },
      {
        title: 'We resolve complaints quickly',
        standard: { metric: 'Complaints resolved within 5 working days', target: 80, unit: '%' },
      },
    ],
  },
  HOSPITALITY: {
    purposeStatement: {
      purpose: 'Make every guest feel expected, not processed',
      why: 'because a stay is remembered for how people were made to feel',
      everythingElse: 'over room turnaround and upselling',
    },
    promises: [
      {
        title: 'We greet you by name',
        description: 'From the front desk to the restaurant, staff know who is arriving today.',
      },
      {
        title: 'Your room is ready when we said',
        standard: { metric: 'Rooms ready by the promised check-in time', target: 95, unit: '%' },
      },
      {
        title: 'Any of us can fix it',
        description: 'Every team member may put a small problem right on the spot.',
      },
    ],
  },
  TELECOMMUNICATIONS: {
    purposeStatement: {
      purpose: 'Keep people connected to the ones who matter to them',
      why: 'because a lost connection is a missed moment in someone’s life',
      everythingElse: 'over scripts, transfers and average handling time',
    },
    promises: [
      {
        title: 'We answer quickly',
        standard: { metric: 'Calls answered within 20 seconds', target: 80, unit: '%' },
      },
      {
        title: 'No transfers from desk to desk',
        description: 'The first person you reach owns your problem.',
      },
      {
        title: 'We fix faults fast',
        standard: { metric: 'Home faults repaired within 48 hours', target: 90, unit: '%' },
      },
      { title: 'We tell you before we change your plan' },
    ],
  },
  RETAIL: {
    purposeStatement: {
      purpose: 'Make the weekly shop the easy part of someone’s week',
      why: 'because our customers have busier things to think about than groceries',
      everythingElse: 'over shelf layouts and promotions',
    },
    promises: [
      {
        title: 'Short queues',
        standard: { metric: 'Customers served within 3 minutes of queueing', target: 90, unit: '%' },
      },
      { title: 'We walk you to what you are looking for', description: 'Not pointing, walking.' },
      { title: 'Refunds without a fuss', description: 'With or without a receipt, at any till.' },
    ],
  },
};

const GENERAL: DemoCharter = {
  purposeStatement: {
    purpose: 'Leave every customer better off for having dealt with us',
    why: 'because people remember how we treated them long after what we sold',
    everythingElse: 'over internal procedures and targets',
  },
  promises: [
    {
      title: 'We reply the same day',
      standard: { metric: 'Messages answered within one working day', target: 95, unit: '%' },
    },
    { title: 'We keep you informed', description: 'You hear from us before you need to chase.' },
    { title: 'We own our mistakes' },
  ],
};

export function demoCharterFor(industry: string): DemoCharter {
  return CHARTERS[industry] ?? GENERAL;
}
