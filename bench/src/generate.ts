import pg from 'pg';
import { BUILT_IN_FRAMEWORKS, frameworkCriteria, scoreAudit, type AuditFramework } from '@csp/domain';
import {
  SERVICE_LEVEL_TABLES,
  insertMeasurements,
  serviceLevelRows,
  type MeasurablePromise,
  type MeasurementRun,
} from './service-levels.js';

/**
 * A deterministic generator of consultancies with realistic programmes, written straight into the tables as the
 * owner with bulk inserts (one `INSERT … SELECT FROM unnest(arrays)` per table and chunk). Tenant i is the same
 * whatever else is generated, so a database can grow in steps (10, then 1,000, then 10,000 tenants) and the bench
 * measures the same tenant at each size.
 */

export const BENCH_PASSWORD = 'bench-password-2026';

/** One argon2id hash of BENCH_PASSWORD, so every generated member can sign in without hashing per row. */
export const BENCH_PASSWORD_HASH =
  '$argon2id$v=19$m=65536,p=4,t=3$iJkr6T6G3YeJc4iFTq/KrA$hVJbrZxfiqQq3G/gSbrqQJRKDUeQahRR/Y66IPqLKEU';

export interface GenerateOptions {
  /** Tenants [from, to) are generated. */
  from: number;
  to: number;
  seed?: number;
  /** Clients per consultancy (default 12; the EXPLAIN test uses fewer). */
  clientsPerTenant?: number;
  /** Parallel connections. */
  connections?: number;
  /**
   * Skip the foreign-key triggers while loading (`session_replication_role = replica`, a superuser's setting): the
   * rows are consistent by construction, and the EXPLAIN test generates with the checks on to prove it.
   */
  skipForeignKeyChecks?: boolean;
  /**
   * Service levels with their 15-minute measurements and period rows (`service-levels.ts`): two years for the
   * measured consultancy, a week for a few of every consultancy's promises. Off unless asked for: the tests that
   * generate a thousand consultancies to check query plans need none of it.
   */
  serviceLevels?: boolean;
  /** The consultancy whose service level gets two years of data (default 0, the one the bench measures). */
  measuredTenant?: number;
  /** Measurements end at the last quarter hour before this (default: when `generate` is called). */
  now?: Date;
  log?: (line: string) => void;
}

export interface GenerateResult {
  rows: Record<string, number>;
  totalRows: number;
  seconds: number;
}

/** The email a generated tenant's members sign in with. */
export function benchEmail(tenant: number, member: 'admin' | 'consultant' = 'admin'): string {
  return `${member}-${tenant}@bench-${tenant}.example`;
}

export type Kind = 'uuid' | 'text' | 'int' | 'float' | 'bool' | 'date' | 'timestamptz' | 'jsonb' | 'bytea';

/** Every table the generator writes, with its columns exactly as the migrations create them, in foreign-key order. */
const TABLES: Record<string, [string, Kind][]> = {
  consultancies: [
    ['tenant_id', 'uuid'],
    ['name', 'text'],
    ['created_at', 'timestamptz'],
  ],
  clients: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['name', 'text'],
    ['industry', 'text'],
    ['size', 'text'],
    ['region', 'text'],
    ['status', 'text'],
    ['archived_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  users: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['email', 'text'],
    ['name', 'text'],
    ['password_hash', 'text'],
    ['role', 'text'],
    ['client_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
  sign_in_directory: [
    ['email', 'text'],
    ['tenant_id', 'uuid'],
  ],
  client_workshops: [
    ['tenant_id', 'uuid'],
    ['client_id', 'uuid'],
    ['common_purpose', 'text'],
    ['point_of_differentiation', 'text'],
    ['updated_at', 'timestamptz'],
  ],
  workshop_entries: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['kind', 'text'],
    ['statement', 'text'],
    ['linked', 'bool'],
    ['position', 'int'],
  ],
  engagements: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['title', 'text'],
    ['kind', 'text'],
    ['status', 'text'],
    ['summary', 'text'],
    ['starts_on', 'date'],
    ['ends_on', 'date'],
    ['phase', 'text'],
    ['lead_consultant_id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  engagement_team_members: [
    ['tenant_id', 'uuid'],
    ['client_id', 'uuid'],
    ['engagement_id', 'uuid'],
    ['user_id', 'uuid'],
  ],
  milestones: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['engagement_id', 'uuid'],
    ['title', 'text'],
    ['due_on', 'date'],
    ['phase', 'text'],
    ['done_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
  ],
  charters: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
  charter_versions: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['charter_id', 'uuid'],
    ['client_id', 'uuid'],
    ['number', 'int'],
    ['status', 'text'],
    ['purpose', 'text'],
    ['why', 'text'],
    ['everything_else', 'text'],
    ['promises', 'jsonb'],
    ['revision', 'int'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['published_at', 'timestamptz'],
    ['published_by', 'uuid'],
    ['signed_off_at', 'timestamptz'],
    ['signed_off_by', 'uuid'],
  ],
  audits: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['engagement_id', 'uuid'],
    ['framework_key', 'text'],
    ['framework_version', 'int'],
    ['framework', 'jsonb'],
    ['title', 'text'],
    ['status', 'text'],
    ['conducted_on', 'date'],
    ['revision', 'int'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['submitted_at', 'timestamptz'],
    ['published_at', 'timestamptz'],
    ['overall_score', 'float'],
    ['section_scores', 'jsonb'],
    ['flagged', 'bool'],
  ],
  audit_responses: [
    ['tenant_id', 'uuid'],
    ['audit_id', 'uuid'],
    ['client_id', 'uuid'],
    ['criterion_key', 'text'],
    ['score', 'int'],
    ['not_applicable', 'bool'],
    ['evidence', 'text'],
    ['note', 'text'],
    ['internal', 'bool'],
    ['updated_at', 'timestamptz'],
    ['updated_by', 'uuid'],
  ],
  role_profiles: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['title', 'text'],
    ['summary', 'text'],
    ['revision', 'int'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  hiring_criteria: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['profile_id', 'uuid'],
    ['key', 'text'],
    ['category', 'text'],
    ['title', 'text'],
    ['weight', 'int'],
    ['must_have', 'bool'],
    ['evidence', 'text'],
    ['aeiou_value', 'text'],
    ['position', 'int'],
  ],
  candidate_scorecards: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['profile_id', 'uuid'],
    ['candidate_ref', 'text'],
    ['assessor_id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  candidate_scores: [
    ['tenant_id', 'uuid'],
    ['client_id', 'uuid'],
    ['profile_id', 'uuid'],
    ['scorecard_id', 'uuid'],
    ['criterion_id', 'uuid'],
    ['score', 'int'],
    ['note', 'text'],
  ],
  actions: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['description', 'text'],
    ['owner_id', 'uuid'],
    ['due_on', 'date'],
    ['status', 'text'],
    ['priority', 'text'],
    ['audit_id', 'uuid'],
    ['criterion_key', 'text'],
    ['charter_id', 'uuid'],
    ['promise_key', 'text'],
    ['revision', 'int'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['completed_at', 'timestamptz'],
  ],
  action_notes: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['action_id', 'uuid'],
    ['author_id', 'uuid'],
    ['body', 'text'],
    ['created_at', 'timestamptz'],
  ],
  ...SERVICE_LEVEL_TABLES,
};

export const GENERATED_TABLES = Object.keys(TABLES);
/** What `generate` counts: the tables above, and the measurements (written their own way, `insertMeasurements`). */
const COUNTED_TABLES = [...GENERATED_TABLES, 'service_level_measurements'];

export type Row = Record<string, unknown>;

/** mulberry32: small, fast and the same everywhere. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    uuid: () => {
      const word = () =>
        Math.floor(next() * 4294967296)
          .toString(16)
          .padStart(8, '0');
      const s = word() + word() + word() + word();
      const variant = ((parseInt(s[16] as string, 16) & 0x3) | 0x8).toString(16);
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20)}`;
    },
  };
}

const INDUSTRIES = [
  'BANKING_FINANCE',
  'CONTACT_CENTRE',
  'EDUCATION',
  'GOVERNMENT',
  'HEALTHCARE',
  'HOSPITALITY',
  'INSURANCE',
  'PROFESSIONAL_SERVICES',
  'RETAIL',
  'TECHNOLOGY',
  'TELECOMMUNICATIONS',
  'TRAVEL_TRANSPORT',
  'UTILITIES',
];
const SIZES = ['SMALL', 'MEDIUM', 'LARGE', 'ENTERPRISE'];
const REGIONS = ['North', 'South', 'East', 'West', 'Capital', 'Coast'];
const NAME_A = [
  'Harbour',
  'Summit',
  'Meridian',
  'Oakridge',
  'Bluewater',
  'Kestrel',
  'Lantern',
  'Granite',
  'Willow',
];
const NAME_B = ['Bank', 'Health', 'Hotels', 'Insurance', 'Telecom', 'Retail', 'Transit', 'Energy', 'College'];
const PEOPLE = ['Avery', 'Jordan', 'Morgan', 'Riley', 'Quinn', 'Harper', 'Rowan', 'Sasha', 'Elliot', 'Noor'];
const SURNAMES = [
  'Okafor',
  'Lindqvist',
  'Patel',
  'Moreau',
  'Nakamura',
  'Byrne',
  'Costa',
  'Haddad',
  'Kowalski',
];
const ENGAGEMENT_KINDS = [
  'DIAGNOSTIC',
  'CHARTER_DEVELOPMENT',
  'HIRING_DESIGN',
  'CULTURE_PROGRAMME',
  'TRAINING',
];
const ENGAGEMENT_STATUSES = ['ACTIVE', 'ACTIVE', 'PROPOSED', 'ON_HOLD', 'COMPLETED'];
const PHASES = ['DELIBERATE_CULTURE', 'INTERACTIONS', 'MEMORIES', 'EXPERIENCES'];
const CATEGORIES = ['PERSONALITY_TRAIT', 'INDUSTRY_EXPERIENCE', 'SKILL', 'VALUE_FIT', 'PRODUCT_KNOWLEDGE'];
const AEIOU = ['ACCOUNTABLE', 'ENERGETIC', 'INNOVATIVE', 'OPTIMISTIC', 'UNIQUE'];
const PROMISES = [
  'We answer every call within 20 seconds',
  'We reply to every email the same working day',
  'We call you back when we said we would',
  'We learn your name and use it',
  'We fix it the first time, or tell you when we will',
  'We never pass you on without a warm hand-over',
  'We tell you the price before we start',
  'We keep you posted until it is done',
];

/** Every framework stored on an audit is a built-in one: the real definitions the API scores against. */
const FRAMEWORKS: AuditFramework[] = ['four-rewards', 'five-obstacles', 'dime-maturity'].map(
  (key) => BUILT_IN_FRAMEWORKS.find((framework) => framework.key === key) as AuditFramework,
);
const FRAMEWORK_JSON = new Map(FRAMEWORKS.map((framework) => [framework.key, JSON.stringify(framework)]));

const day = (base: string, offset: number) => {
  const date = new Date(`${base}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
};
const at = (date: string, hour = 9) => `${date}T${String(hour).padStart(2, '0')}:00:00Z`;

export interface TenantRows {
  /** Keyed by table. */
  rows: Record<string, Row[]>;
  /** Each service level's measurements. */
  measurements: MeasurementRun[];
}

/**
 * The rows of one consultancy, keyed by table; with `serviceLevels`, also its service levels and their
 * measurements, from a random stream of their own (so the other rows are the same with or without them).
 */
export function tenantRows(
  index: number,
  seed = 2026,
  clientsPerTenant = 12,
  serviceLevels: { now: Date; measured: boolean } | null = null,
): TenantRows {
  const r = random(seed * 1_000_003 + index);
  const rows: Record<string, Row[]> = Object.fromEntries(GENERATED_TABLES.map((table) => [table, []]));
  const add = (table: string, row: Row) => rows[table]!.push(row);
  const tenant = r.uuid();
  const created = day('2024-01-01', r.int(0, 300));
  add('consultancies', { tenant_id: tenant, name: `Bench Consultancy ${index}`, created_at: at(created) });

  const member = (role: string, email: string, clientId: string | null = null) => {
    const id = r.uuid();
    const row = {
      tenant_id: tenant,
      id,
      email,
      name: `${r.pick(PEOPLE)} ${r.pick(SURNAMES)}`,
      password_hash: BENCH_PASSWORD_HASH,
      role,
      client_id: clientId,
      created_at: at(created),
    };
    return row;
  };
  const admin = member('ADMIN', benchEmail(index, 'admin'));
  const consultants = [admin, member('CONSULTANT', benchEmail(index, 'consultant'))];
  for (let i = 2; i < 4; i++)
    consultants.push(member('CONSULTANT', `consultant${i}-${index}@bench-${index}.example`));
  const leaders: Row[] = [];
  const measurable: MeasurablePromise[] = [];

  // Three industries per consultancy, four clients in each: enough for the industry benchmark (three others).
  const industries = [0, 1, 2].map((k) => INDUSTRIES[(index * 3 + k) % INDUSTRIES.length] as string);
  const framework = FRAMEWORKS[index % FRAMEWORKS.length] as AuditFramework;
  const criteria = frameworkCriteria(framework).map(({ criterion }) => criterion);

  for (let c = 0; c < clientsPerTenant; c++) {
    const client = r.uuid();
    const clientCreated = day(created, r.int(1, 200));
    const status = c % 11 === 10 ? 'PROSPECT' : 'ACTIVE';
    add('clients', {
      tenant_id: tenant,
      id: client,
      name: `${r.pick(NAME_A)} ${r.pick(NAME_B)} ${index}-${c}`,
      industry: industries[c % industries.length],
      size: r.pick(SIZES),
      region: r.pick(REGIONS),
      status,
      archived_at: null,
      created_at: at(clientCreated),
      updated_at: at(clientCreated),
    });
    if (c < 2)
      leaders.push(member('CLIENT_LEADER', `leader${c}-${index}@client-${index}-${c}.example`, client));

    // The differentiation workshop: two beliefs, two values.
    add('client_workshops', {
      tenant_id: tenant,
      client_id: client,
      common_purpose: 'To make every customer feel expected',
      point_of_differentiation: 'The person who answers owns the problem',
      updated_at: at(clientCreated),
    });
    for (let w = 0; w < 4; w++) {
      add('workshop_entries', {
        tenant_id: tenant,
        id: r.uuid(),
        client_id: client,
        kind: w < 2 ? 'BELIEF' : 'VALUE',
        statement:
          w < 2 ? `Customers expect to be passed around (${w + 1})` : `Being known by name (${w - 1})`,
        linked: w % 2 === 0,
        position: w % 2,
      });
    }

    // Two engagements, four milestones each, a team of two.
    const engagements: string[] = [];
    for (let e = 0; e < 2; e++) {
      const id = r.uuid();
      engagements.push(id);
      const starts = day(clientCreated, 30 + e * 120);
      const lead = r.pick(consultants).id as string;
      add('engagements', {
        tenant_id: tenant,
        id,
        client_id: client,
        title: `${e === 0 ? 'Service culture diagnostic' : 'Charter and hiring programme'} ${c}`,
        kind: r.pick(ENGAGEMENT_KINDS),
        status: r.pick(ENGAGEMENT_STATUSES),
        summary: 'Agreed with the client leadership team.',
        starts_on: starts,
        ends_on: day(starts, 180),
        phase: r.pick(PHASES),
        lead_consultant_id: lead,
        created_at: at(starts),
        updated_at: at(starts),
      });
      const team = new Set([lead, r.pick(consultants).id as string]);
      for (const user of team)
        add('engagement_team_members', {
          tenant_id: tenant,
          client_id: client,
          engagement_id: id,
          user_id: user,
        });
      for (let m = 0; m < 4; m++) {
        const due = day('2026-09-01', r.int(0, 150));
        add('milestones', {
          tenant_id: tenant,
          id: r.uuid(),
          client_id: client,
          engagement_id: id,
          title: ['Kick-off workshop', 'Audit fieldwork', 'Charter draft review', 'Leadership read-out'][m],
          due_on: due,
          phase: PHASES[m],
          done_at: due < '2026-11-01' && m < 2 ? at(due, 17) : null,
          created_at: at(starts),
        });
      }
    }

    // A charter for two clients in three: v1 and v2 published, v3 a draft.
    let charter: string | null = null;
    let promiseKeys: string[] = [];
    if (c % 3 !== 2) {
      charter = r.uuid();
      const charterCreated = day(clientCreated, 60);
      add('charters', { tenant_id: tenant, id: charter, client_id: client, created_at: at(charterCreated) });
      const all = PROMISES.map((title, k) => ({
        key: `p${k + 1}`,
        title,
        description: `What "${title.toLowerCase()}" means on the front line.`,
        standard: k % 2 === 0 ? { metric: title, target: 80 + k, unit: '%' } : null,
      }));
      const versions = [
        all.slice(0, 5),
        [...all.slice(0, 3), { ...all[4]!, title: `${all[4]!.title}, always` }, all[5]!, all[6]!],
        all.slice(0, 7),
      ];
      promiseKeys = versions[1]!.map((promise) => promise.key);
      // Version 2 is the charter in force: a service level measures one of its standards.
      for (const promise of versions[1]!) {
        if (promise.standard)
          measurable.push({
            clientId: client,
            charterId: charter,
            key: promise.key,
            metric: promise.standard.metric,
            target: promise.standard.target,
          });
      }
      versions.forEach((promises, v) => {
        const published = v < 2;
        const when = at(day(charterCreated, v * 90));
        add('charter_versions', {
          tenant_id: tenant,
          id: r.uuid(),
          charter_id: charter,
          client_id: client,
          number: v + 1,
          status: published ? 'PUBLISHED' : 'DRAFT',
          purpose:
            v === 0
              ? 'To be the service people tell their friends about'
              : 'To make every customer feel expected',
          why: 'because people come back to people',
          everything_else: 'over every target and every script',
          promises: JSON.stringify(promises),
          revision: 1 + v,
          created_by: admin.id,
          created_at: when,
          updated_at: when,
          published_at: published ? when : null,
          published_by: published ? admin.id : null,
          signed_off_at: null,
          signed_off_by: null,
        });
      });
    }

    // Two audits on the consultancy's framework: last year's published one, this year's in progress.
    const audits: string[] = [];
    for (let a = 0; a < 2; a++) {
      const id = r.uuid();
      audits.push(id);
      const conducted = a === 0 ? day('2025-10-01', r.int(0, 60)) : day('2026-10-01', r.int(0, 30));
      const responses = criteria.map((criterion) => {
        const notApplicable = r.next() < 0.05;
        return {
          criterionKey: criterion.key,
          score: notApplicable ? null : (r.int(a + 1, 5) as 1 | 2 | 3 | 4 | 5),
        };
      });
      const published = a === 0;
      const scores = published ? scoreAudit(framework, responses) : null;
      add('audits', {
        tenant_id: tenant,
        id,
        client_id: client,
        engagement_id: engagements[0],
        framework_key: framework.key,
        framework_version: framework.version,
        framework: FRAMEWORK_JSON.get(framework.key),
        title: `${framework.name} ${conducted.slice(0, 7)}`,
        status: published ? 'PUBLISHED' : 'IN_PROGRESS',
        conducted_on: conducted,
        revision: published ? 4 : 2,
        created_by: admin.id,
        created_at: at(conducted),
        updated_at: at(conducted, 16),
        submitted_at: published ? at(conducted, 15) : null,
        published_at: published ? at(conducted, 16) : null,
        overall_score: scores?.overall ?? null,
        section_scores: scores
          ? JSON.stringify(scores.sections.map(({ key, score }) => ({ key, score })))
          : null,
        flagged: scores ? scores.flagged : null,
      });
      for (const response of responses) {
        add('audit_responses', {
          tenant_id: tenant,
          audit_id: id,
          client_id: client,
          criterion_key: response.criterionKey,
          score: response.score,
          not_applicable: response.score === null,
          evidence: response.score === null ? null : 'Observed on two site visits and in 30 call recordings.',
          note: r.next() < 0.3 ? 'Discuss with the operations lead.' : null,
          internal: false,
          updated_at: at(conducted, 12),
          updated_by: admin.id,
        });
      }
    }

    // Actions: one from a finding, one from a promise, one on its own; a note on the first.
    const owner = r.pick(consultants).id as string;
    for (let k = 0; k < 3; k++) {
      const id = r.uuid();
      const fromFinding = k === 0;
      const fromPromise = k === 1 && charter !== null;
      const status = k === 2 && r.next() < 0.3 ? 'DONE' : r.pick(['OPEN', 'IN_PROGRESS']);
      const createdOn = day('2026-06-01', r.int(0, 120));
      add('actions', {
        tenant_id: tenant,
        id,
        client_id: client,
        description: [
          'Coach the first-line team on warm hand-overs',
          'Publish the call-back standard',
          'Review the complaints log monthly',
        ][k],
        owner_id: owner,
        due_on: day('2026-10-15', r.int(0, 90)),
        status,
        priority: r.pick(['LOW', 'MEDIUM', 'HIGH']),
        audit_id: fromFinding ? audits[0] : null,
        criterion_key: fromFinding ? criteria[0]!.key : null,
        charter_id: fromPromise ? charter : null,
        promise_key: fromPromise ? promiseKeys[0] : null,
        revision: 1,
        created_by: admin.id,
        created_at: at(createdOn),
        updated_at: at(createdOn),
        completed_at: status === 'DONE' ? at(day(createdOn, 20)) : null,
      });
      if (k === 0) {
        add('action_notes', {
          tenant_id: tenant,
          id: r.uuid(),
          client_id: client,
          action_id: id,
          author_id: owner,
          body: 'Agreed the first session for next week.',
          created_at: at(day(createdOn, 3)),
        });
      }
    }

    // A role profile for one client in three, five criteria, three candidates scored on all of them.
    if (c % 3 === 0) {
      const profile = r.uuid();
      const profileCreated = day(clientCreated, 100);
      add('role_profiles', {
        tenant_id: tenant,
        id: profile,
        client_id: client,
        title: 'Customer contact advisor',
        summary: 'First voice customers hear.',
        revision: 1,
        created_at: at(profileCreated),
        updated_at: at(profileCreated),
      });
      const criterionIds: string[] = [];
      for (let k = 0; k < 5; k++) {
        const id = r.uuid();
        criterionIds.push(id);
        add('hiring_criteria', {
          tenant_id: tenant,
          id,
          client_id: client,
          profile_id: profile,
          key: `criterion-${k + 1}`,
          category: CATEGORIES[k],
          title: ['Warmth', 'Sector experience', 'Listening', 'Owns the problem', 'Knows the products'][k],
          weight: 20,
          must_have: k === 0,
          evidence: 'Structured interview and role play.',
          aeiou_value: k === 3 ? r.pick(AEIOU) : null,
          position: k,
        });
      }
      for (let s = 0; s < 3; s++) {
        const scorecard = r.uuid();
        add('candidate_scorecards', {
          tenant_id: tenant,
          id: scorecard,
          client_id: client,
          profile_id: profile,
          candidate_ref: `Candidate ${index}-${c}-${s + 1}`,
          assessor_id: r.pick(consultants).id,
          created_at: at(day(profileCreated, 10 + s)),
          updated_at: at(day(profileCreated, 10 + s)),
        });
        for (const criterion of criterionIds) {
          add('candidate_scores', {
            tenant_id: tenant,
            client_id: client,
            profile_id: profile,
            scorecard_id: scorecard,
            criterion_id: criterion,
            score: r.int(1, 5),
            note: null,
          });
        }
      }
    }
  }

  // Users go in after clients (client leaders reference their client) but before anything that names a user.
  for (const user of [...consultants, ...leaders]) {
    add('users', user);
    add('sign_in_directory', { email: user.email, tenant_id: tenant });
  }
  if (!serviceLevels) return { rows, measurements: [] };
  const levels = serviceLevelRows({
    tenantId: tenant,
    index,
    adminId: admin.id,
    promises: measurable,
    measured: serviceLevels.measured,
    now: serviceLevels.now,
    uuid: random(seed * 1_000_003 + index + 0x5e71ce00).uuid,
  });
  for (const [table, list] of Object.entries(levels.rows)) rows[table] = list;
  return { rows, measurements: levels.measurements };
}

const CAST: Record<Kind, string> = {
  uuid: 'uuid[]',
  text: 'text[]',
  int: 'int[]',
  float: 'float8[]',
  bool: 'bool[]',
  date: 'date[]',
  timestamptz: 'timestamptz[]',
  jsonb: 'jsonb[]',
  bytea: 'bytea[]',
};

/** One INSERT per table: each column travels as one array parameter, so a chunk of any size is one round trip. */
async function insertRows(client: pg.ClientBase, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = TABLES[table]!;
  const params = columns.map(([name]) => rows.map((row) => row[name] ?? null));
  const names = columns.map(([name]) => name).join(', ');
  const arrays = columns.map(([, kind], i) => `$${i + 1}::${CAST[kind]}`).join(', ');
  await client.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})`, params);
}

/** Writes tenants [from, to) as the owner (a superuser or the table owner: row-level security does not bind it). */
export async function generate(ownerUrl: string, options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const seed = options.seed ?? 2026;
  const now = options.now ?? new Date();
  const measuredTenant = options.measuredTenant ?? 0;
  const batch = 50;
  const totals: Record<string, number> = Object.fromEntries(COUNTED_TABLES.map((table) => [table, 0]));
  const pool = new pg.Pool({ connectionString: ownerUrl, max: options.connections ?? 4 });
  // An idle client's error (the server going away) surfaces on the next query; it must not crash the process.
  pool.on('error', () => undefined);
  const batches: [number, number][] = [];
  for (let start = options.from; start < options.to; start += batch)
    batches.push([start, Math.min(options.to, start + batch)]);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < batches.length) {
      const [start, end] = batches[next++]!;
      const merged: Record<string, Row[]> = Object.fromEntries(GENERATED_TABLES.map((table) => [table, []]));
      const measurements: MeasurementRun[] = [];
      for (let index = start; index < end; index++) {
        const { rows, measurements: runs } = tenantRows(
          index,
          seed,
          options.clientsPerTenant,
          options.serviceLevels ? { now, measured: index === measuredTenant } : null,
        );
        for (const table of GENERATED_TABLES) merged[table]!.push(...rows[table]!);
        measurements.push(...runs);
      }
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Bulk load: a lost last batch after a crash would only mean generating it again.
        await client.query('SET LOCAL synchronous_commit = off');
        if (options.skipForeignKeyChecks) await client.query('SET LOCAL session_replication_role = replica');
        for (const table of GENERATED_TABLES) {
          await insertRows(client, table, merged[table]!);
          totals[table]! += merged[table]!.length;
        }
        // Read the count before adding: `total += await …` would add to the total as it was before the await.
        const written = await insertMeasurements(client, measurements);
        totals.service_level_measurements! += written;
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      done += end - start;
      if (options.log && (done % 1000 === 0 || done === options.to - options.from)) {
        options.log(`  ${done} / ${options.to - options.from} consultancies written`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections ?? 4 }, worker));
    // Fresh statistics and visibility map, so plans are the steady state's and autovacuum does not start mid-run.
    await pool.query('VACUUM ANALYZE');
    // Flush what the load and the vacuum dirtied, so the checkpoint's writes land here and not inside a measured
    // run (the smallest size, measured first, has almost nothing to flush). Needs superuser or pg_checkpoint.
    await pool.query('CHECKPOINT').catch(() => undefined);
  } finally {
    await pool.end();
  }
  const totalRows = Object.values(totals).reduce((sum, n) => sum + n, 0);
  return { rows: totals, totalRows, seconds: (performance.now() - started) / 1000 };
}

/** The ids the bench and the EXPLAIN test need of a generated tenant, read back as the owner. */
export async function tenantFixture(ownerUrl: string, index: number) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const [tenant] = (
      await client.query<{ tenant_id: string }>(`SELECT tenant_id FROM consultancies WHERE name = $1`, [
        `Bench Consultancy ${index}`,
      ])
    ).rows;
    if (!tenant) throw new Error(`Consultancy ${index} has not been generated.`);
    const tenantId = tenant.tenant_id;
    const one = async <T extends pg.QueryResultRow>(sql: string): Promise<T> => {
      const { rows } = await client.query<T>(sql, [tenantId]);
      if (!rows[0]) throw new Error(`No row for: ${sql}`);
      return rows[0];
    };
    const firstClient = await one<{ id: string }>(
      `SELECT id FROM clients WHERE tenant_id = $1 ORDER BY name, id LIMIT 1`,
    );
    const audit = await one<{ id: string; framework_key: string }>(
      `SELECT a.id, a.framework_key FROM audits a JOIN clients c ON c.tenant_id = a.tenant_id AND c.id = a.client_id
        WHERE a.tenant_id = $1 AND a.status = 'IN_PROGRESS' ORDER BY c.name, c.id LIMIT 1`,
    );
    const inProgress = (
      await client.query<{ id: string; revision: number }>(
        `SELECT id, revision FROM audits WHERE tenant_id = $1 AND status = 'IN_PROGRESS' ORDER BY id`,
        [tenantId],
      )
    ).rows;
    const charter = await one<{ id: string; client_id: string; v1: string; v2: string }>(
      `SELECT ch.id, ch.client_id,
              (SELECT id FROM charter_versions WHERE tenant_id = ch.tenant_id AND charter_id = ch.id AND number = 1) AS v1,
              (SELECT id FROM charter_versions WHERE tenant_id = ch.tenant_id AND charter_id = ch.id AND number = 2) AS v2
         FROM charters ch WHERE ch.tenant_id = $1 ORDER BY ch.id LIMIT 1`,
    );
    const criteria = (
      await client.query<{ criterion_key: string }>(
        `SELECT criterion_key FROM audit_responses WHERE tenant_id = $1 AND audit_id = $2 ORDER BY criterion_key`,
        [tenantId, audit.id],
      )
    ).rows.map((row) => row.criterion_key);
    // The service level with two years of data (the oldest one), when service levels were generated.
    const serviceLevel = (
      await client.query<{ id: string }>(
        `SELECT id FROM service_levels WHERE tenant_id = $1 ORDER BY created_at, id LIMIT 1`,
        [tenantId],
      )
    ).rows[0];
    // Standards of the charters in force that no service level measures yet: where the bench sets up its own.
    const unmeasured = (
      await client.query<{ client_id: string; key: string; metric: string; target: number }>(
        `SELECT v.client_id, p ->> 'key' AS key, p -> 'standard' ->> 'metric' AS metric,
                (p -> 'standard' ->> 'target')::float8 AS target
           FROM charter_versions v CROSS JOIN LATERAL jsonb_array_elements(v.promises) p
          WHERE v.tenant_id = $1 AND v.status = 'PUBLISHED' AND jsonb_typeof(p -> 'standard') = 'object'
            AND v.number = (SELECT max(w.number) FROM charter_versions w
                             WHERE w.tenant_id = v.tenant_id AND w.charter_id = v.charter_id AND w.status = 'PUBLISHED')
            AND NOT EXISTS (SELECT 1 FROM service_levels s
                             WHERE s.tenant_id = v.tenant_id AND s.client_id = v.client_id AND s.promise_key = p ->> 'key')
          ORDER BY v.client_id, key`,
        [tenantId],
      )
    ).rows.map((row) => ({
      clientId: row.client_id,
      promiseKey: row.key,
      metric: row.metric,
      target: row.target,
    }));
    return {
      tenantId,
      email: benchEmail(index, 'admin'),
      password: BENCH_PASSWORD,
      clientId: firstClient.id,
      auditId: audit.id,
      frameworkKey: audit.framework_key,
      inProgressAudits: inProgress,
      charter: { id: charter.id, clientId: charter.client_id, v1: charter.v1, v2: charter.v2 },
      criterionKeys: criteria,
      serviceLevelId: serviceLevel?.id ?? null,
      unmeasuredPromises: unmeasured,
    };
  } finally {
    await client.end();
  }
}

export type TenantFixture = Awaited<ReturnType<typeof tenantFixture>>;
