import type { ClientSize, DimePhase, EngagementKind, EngagementStatus, Industry } from '@csp/domain';

/** The demo consultancy a new user meets on first start: a few clients in different industries and states. */
export const DEMO_ACCOUNT = {
  consultancyName: 'Northbridge Service Partners',
  name: 'Morgan Hale',
  email: 'demo@northbridge.example',
  password: 'service-demo-2026',
};

export const DEMO_CONSULTANT = { name: 'Priya Raman', email: 'priya@northbridge.example' };

/** A demo client as the modules' demo seeds receive it, to hang their own demo data on. */
export interface DemoClientRef {
  id: string;
  name: string;
  industry: string;
}

export interface DemoClient {
  name: string;
  industry: Industry;
  size: ClientSize;
  region: string;
  status: 'PROSPECT' | 'ACTIVE';
  leader?: { name: string; email: string };
  workshop?: {
    beliefs: { statement: string; linked: boolean }[];
    values: { statement: string; linked: boolean }[];
    commonPurpose: string;
    pointOfDifferentiation: string;
  };
  engagements: DemoEngagement[];
}

export interface DemoEngagement {
  title: string;
  kind: EngagementKind;
  /** The path through the lifecycle, from PROPOSED; the last entry is where it ends up. */
  path: EngagementStatus[];
  summary: string;
  phase?: DimePhase;
  /** Days from today; negative is in the past. */
  startsIn: number;
  endsIn: number;
  milestones: { title: string; dueIn: number; phase?: DimePhase; done?: boolean }[];
}

export const DEMO_CLIENTS: DemoClient[] = [
  {
    name: 'Harbourline Bank',
    industry: 'BANKING_FINANCE',
    size: 'LARGE',
    region: 'Wellington',
    status: 'ACTIVE',
    leader: { name: 'Sam Okafor', email: 'sam@harbourline.example' },
    engagements: [
      {
        title: 'Service culture diagnostic',
        kind: 'DIAGNOSTIC',
        path: ['ACTIVE'],
        summary: 'Where service stands in branches and on the phones, before the charter work begins.',
        phase: 'DELIBERATE_CULTURE',
        startsIn: -45,
        endsIn: 30,
        milestones: [
          { title: 'Leadership interviews', dueIn: -30, phase: 'DELIBERATE_CULTURE', done: true },
          { title: 'Frontline survey closes', dueIn: -5, phase: 'INTERACTIONS' },
          { title: 'Findings workshop with the executive team', dueIn: 9, phase: 'DELIBERATE_CULTURE' },
        ],
      },
      {
        title: 'Customer charter 2027',
        kind: 'CHARTER_DEVELOPMENT',
        path: [],
        summary: 'Turn the diagnostic findings into promises customers can hold the bank to.',
        startsIn: 40,
        endsIn: 130,
        milestones: [{ title: 'Purpose statement drafted', dueIn: 60, phase: 'DELIBERATE_CULTURE' }],
      },
    ],
  },
  {
    name: 'Tidewater Hotels',
    industry: 'HOSPITALITY',
    size: 'MEDIUM',
    region: 'Queenstown',
    status: 'ACTIVE',
    engagements: [
      {
        title: 'Hiring for warmth',
        kind: 'HIRING_DESIGN',
        path: ['ACTIVE', 'COMPLETED'],
        summary: 'Role profiles and interview questions for front-desk and concierge staff.',
        startsIn: -200,
        endsIn: -90,
        milestones: [
          { title: 'Role profiles agreed', dueIn: -150, done: true },
          { title: 'Interviewers trained', dueIn: -100, done: true },
        ],
      },
      {
        title: 'Guest memories programme',
        kind: 'CULTURE_PROGRAMME',
        path: ['ACTIVE', 'ON_HOLD'],
        summary: 'Paused over the peak season; resumes with the autumn team.',
        phase: 'MEMORIES',
        startsIn: -60,
        endsIn: 120,
        milestones: [{ title: 'Story-collection week', dueIn: 45, phase: 'MEMORIES' }],
      },
    ],
  },
  {
    name: 'ClearCall Telecom',
    industry: 'TELECOMMUNICATIONS',
    size: 'ENTERPRISE',
    region: 'Auckland',
    status: 'ACTIVE',
    workshop: {
      beliefs: [
        { statement: 'You wait on hold for a long time', linked: true },
        { statement: 'You get passed from one person to the next', linked: true },
        { statement: 'You repeat your story every time', linked: false },
        { statement: 'The voice menu never understands you', linked: false },
      ],
      values: [
        { statement: 'Being recognised when we call back', linked: true },
        { statement: 'Quick, straight answers', linked: false },
        { statement: 'Staff who can fix things themselves', linked: true },
      ],
      commonPurpose: 'Keeping people close to the ones who matter to them.',
      pointOfDifferentiation: 'The first person you speak to owns your problem until it is solved.',
    },
    engagements: [
      {
        title: 'Five-year service programme',
        kind: 'CULTURE_PROGRAMME',
        path: ['ACTIVE'],
        summary: 'A multi-year plan through all four DIME steps, reviewed every quarter.',
        phase: 'INTERACTIONS',
        startsIn: -120,
        endsIn: 1700,
        milestones: [
          {
            title: 'Service values launched to all teams',
            dueIn: -90,
            phase: 'DELIBERATE_CULTURE',
            done: true,
          },
          { title: 'First-contact ownership pilot', dueIn: -2, phase: 'INTERACTIONS' },
          { title: 'Call-back recognition in every channel', dueIn: 12, phase: 'INTERACTIONS' },
          { title: 'Customer stories programme', dueIn: 365, phase: 'MEMORIES' },
          { title: 'Store and online experience redesign', dueIn: 900, phase: 'EXPERIENCES' },
        ],
      },
    ],
  },
  {
    name: 'Greenleaf Grocers',
    industry: 'RETAIL',
    size: 'MEDIUM',
    region: 'Christchurch',
    status: 'PROSPECT',
    engagements: [
      {
        title: 'Leadership coaching pilot',
        kind: 'LEADERSHIP_COACHING',
        path: [],
        summary: 'A proposal for store managers: leading service from the shop floor.',
        startsIn: 30,
        endsIn: 120,
        milestones: [],
      },
    ],
  },
  // Five more banks, lighter than the clients above: with Harbourline they make six in one industry, so its
  // follow-up audit has the five other clients an industry benchmark needs (apps/api/src/demo/audits.ts).
  {
    name: 'Kauri Credit Union',
    industry: 'BANKING_FINANCE',
    size: 'SMALL',
    region: 'Whangārei',
    status: 'ACTIVE',
    engagements: [
      {
        title: 'Member service review',
        kind: 'DIAGNOSTIC',
        path: ['ACTIVE', 'COMPLETED'],
        summary: 'A light-touch look at branch and phone service for a member-owned lender.',
        startsIn: -320,
        endsIn: -100,
        milestones: [],
      },
    ],
  },
  {
    name: 'Southern Cross Building Society',
    industry: 'BANKING_FINANCE',
    size: 'MEDIUM',
    region: 'Dunedin',
    status: 'ACTIVE',
    engagements: [
      {
        title: 'Branch service review',
        kind: 'DIAGNOSTIC',
        path: ['ACTIVE', 'COMPLETED'],
        summary: "How the branches greet, serve and follow up, against the society's own promises.",
        startsIn: -320,
        endsIn: -100,
        milestones: [],
      },
    ],
  },
  {
    name: 'Tasman Mutual Bank',
    industry: 'BANKING_FINANCE',
    size: 'MEDIUM',
    region: 'Nelson',
    status: 'ACTIVE',
    engagements: [
      {
        title: 'Contact-centre service review',
        kind: 'DIAGNOSTIC',
        path: ['ACTIVE', 'COMPLETED'],
        summary: "Calls, chats and call-backs in the bank's contact centre.",
        startsIn: -320,
        endsIn: -100,
        milestones: [],
      },
    ],
  },
  {
    name: 'Ridgeway Savings Bank',
    industry: 'BANKING_FINANCE',
    size: 'SMALL',
    region: 'Hamilton',
    status: 'ACTIVE',
    engagements: [
      {
        title: 'Service values audit',
        kind: 'DIAGNOSTIC',
        path: ['ACTIVE', 'COMPLETED'],
        summary: "Where the bank's service values show up in daily work, and where they do not.",
        startsIn: -320,
        endsIn: -100,
        milestones: [],
      },
    ],
  },
  {
    name: 'Plainsfield Finance',
    industry: 'BANKING_FINANCE',
    size: 'MEDIUM',
    region: 'Palmerston North',
    status: 'ACTIVE',
    engagements: [
      {
        title: 'Lending service review',
        kind: 'DIAGNOSTIC',
        path: ['ACTIVE', 'COMPLETED'],
        summary: 'The loan journey from first enquiry to settlement, as customers live it.',
        startsIn: -320,
        endsIn: -100,
        milestones: [],
      },
    ],
  },
];
