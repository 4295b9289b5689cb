import { addMember, createClient, createEngagement, signUpConsultancy, type SignedIn } from './factories.js';
import { publishedCharter, saveDraft, startDraft, type VersionView } from './charter-factories.js';
import { createAudit, publishedAudit, type Answer, type AuditRef } from './audits-factories.js';
import { createRoleProfile, type ProfileResult } from './hiring-factories.js';
import { createServiceLevel, type ServiceLevelRef } from './service-level-factories.js';
import type {
  CreateClientInput,
  CreateEngagementInput,
  CreateRoleProfileInput,
  ServiceLevelDefinitionInput,
} from './generated/graphql.js';
import type { TestApi } from './test-api.js';

/**
 * A fluent seed over the factories: each step acts as the consultancy's admin on what the steps before it made,
 * and names its result, so a test never threads ids from call to call.
 *
 *   const world = await seed(api).consultancy().client({ industry: 'RETAIL' }).leader().charter({ published: true });
 *   world.admin, world.client (its id), world.leader, world.charter (the published version)
 *
 * With an admin a test already has: `seed(api, admin).client().leader()`.
 * A second thing of a kind takes a name: `.client({}, 'otherClient')`. Steps that need a client or an engagement
 * use the latest one made.
 */
export function seed(api: TestApi): Seed<object>;
/** A seed acting as an admin a test already has (its consultancy): `seed(api, admin).client().charter()`. */
export function seed(api: TestApi, admin: SignedIn): Seed<{ admin: SignedIn }>;
export function seed(api: TestApi, admin?: SignedIn): Seed<object> {
  if (!admin) return new Seed(api, []);
  return new Seed<object>(api, []).then_('admin', async (_api, world) => {
    world.admin = admin;
    return admin;
  });
}

type Step = (api: TestApi, world: World) => Promise<void>;

/** What the steps made so far, by name, plus the latest client and engagement for the steps that need one. */
interface World {
  handles: Record<string, unknown>;
  admin?: SignedIn;
  client?: string;
  engagement?: string;
  /** The latest charter version made, for the steps that hang on its promises. */
  charter?: VersionView;
}

type With<H, K extends string, V> = H & { [key in K]: V };

/** A step's input, or a function of what the steps before it made (e.g. a member's id). */
type From<H, T> = T | ((world: H) => T);
const from = <H, T>(input: From<H, T>, world: World): T =>
  typeof input === 'function' ? (input as (world: H) => T)(world.handles as H) : input;

export interface CharterOptions {
  /** Publish version 1 (default), or leave it a saved draft. */
  published?: boolean;
  content?: Parameters<typeof saveDraft>[3];
}

export interface AuditOptions {
  frameworkKey?: string;
  conductedOn?: string;
  /** Answer every criterion and publish (default); `'DRAFT'` creates it only; `'SUBMITTED'` stops short. */
  until?: 'DRAFT' | 'SUBMITTED' | 'PUBLISHED';
  answers?: Record<string, Answer>;
  otherwise?: Answer;
}

export class Seed<H> implements PromiseLike<H> {
  constructor(
    private readonly api: TestApi,
    private readonly steps: Step[],
  ) {}

  /** Adds a step whose result is kept under `name`. */
  then_<K extends string, V>(name: K, make: (api: TestApi, world: World) => Promise<V>) {
    const step: Step = async (api, world) => {
      world.handles[name] = await make(api, world);
    };
    return new Seed<With<H, K, V>>(this.api, [...this.steps, step]);
  }

  /** A new consultancy with its admin signed in (`admin`). */
  consultancy<K extends string = 'admin'>(name?: string, as?: K) {
    return this.then_((as ?? 'admin') as K, async (api, world) => {
      world.admin = await signUpConsultancy(api, name);
      return world.admin;
    });
  }

  /** A client of the consultancy (its id, `client`), made by the admin. */
  client<K extends string = 'client'>(input: From<H, Partial<CreateClientInput>> = {}, as?: K) {
    return this.then_((as ?? 'client') as K, async (api, world) => {
      world.client = await createClient(api, need(world, 'admin'), from(input, world));
      return world.client;
    });
  }

  /** An engagement with the latest client (its id, `engagement`). */
  engagement<K extends string = 'engagement'>(input: From<H, Partial<CreateEngagementInput>> = {}, as?: K) {
    return this.then_((as ?? 'engagement') as K, async (api, world) => {
      const admin = need(world, 'admin');
      world.engagement = await createEngagement(api, admin, need(world, 'client'), from(input, world));
      return world.engagement;
    });
  }

  /** A consultant of the consultancy, signed in (`consultant`). */
  consultant<K extends string = 'consultant'>(as?: K) {
    return this.then_((as ?? 'consultant') as K, (api, world) =>
      addMember(api, need(world, 'admin'), 'CONSULTANT'),
    );
  }

  /** A client leader of the latest client, signed in (`leader`). */
  leader<K extends string = 'leader'>(as?: K) {
    return this.then_((as ?? 'leader') as K, (api, world) =>
      addMember(api, need(world, 'admin'), 'CLIENT_LEADER', need(world, 'client')),
    );
  }

  /** Version 1 of the latest client's charter, published unless asked not to (`charter`). */
  charter<K extends string = 'charter'>(options: CharterOptions = {}, as?: K) {
    return this.then_((as ?? 'charter') as K, async (api, world): Promise<VersionView> => {
      const admin = need(world, 'admin');
      const clientId = need(world, 'client');
      world.charter =
        options.published === false
          ? await saveDraft(api, admin, await startDraft(api, admin, clientId), options.content)
          : await publishedCharter(api, admin, clientId, options.content);
      return world.charter;
    });
  }

  /** An audit of the latest client, every criterion answered and published unless `until` says otherwise. */
  audit<K extends string = 'audit'>(options: AuditOptions = {}, as?: K) {
    return this.then_((as ?? 'audit') as K, async (api, world): Promise<AuditRef> => {
      const admin = need(world, 'admin');
      const clientId = need(world, 'client');
      const { until = 'PUBLISHED', ...rest } = options;
      if (until === 'DRAFT') {
        return createAudit(api, admin, clientId, {
          frameworkKey: rest.frameworkKey,
          conductedOn: rest.conductedOn,
        });
      }
      return publishedAudit(api, admin, clientId, {
        ...rest,
        conductedOn: rest.conductedOn ?? '2026-01-15',
        until: until === 'SUBMITTED' ? 'SUBMITTED' : undefined,
      });
    });
  }

  /** A role profile for the latest client, the front-desk example unless given (`profile`). */
  roleProfile<K extends string = 'profile'>(input: From<H, Partial<CreateRoleProfileInput>> = {}, as?: K) {
    return this.then_((as ?? 'profile') as K, (api, world): Promise<ProfileResult> =>
      createRoleProfile(api, need(world, 'admin'), need(world, 'client'), from(input, world)),
    );
  }

  /**
   * A service level on a promise of the latest charter (published): its first promise with a standard unless
   * `promiseKey` says which, with the factory's weekly calls definition unless `definition` changes it.
   */
  serviceLevel<K extends string = 'serviceLevel'>(
    options: { promiseKey?: string; definition?: Partial<ServiceLevelDefinitionInput> } = {},
    as?: K,
  ) {
    return this.then_((as ?? 'serviceLevel') as K, (api, world): Promise<ServiceLevelRef> => {
      const charter = world.charter;
      const promiseKey = options.promiseKey ?? charter?.promises.find((p) => p.standard)?.key;
      if (!promiseKey) throw new Error('seed: a service level needs a charter with a standard first');
      return createServiceLevel(
        api,
        need(world, 'admin'),
        need(world, 'client'),
        promiseKey,
        options.definition,
      );
    });
  }

  /** Makes the named client the latest one again, for the steps that follow. */
  on(client: keyof H & string) {
    const step: Step = async (_api, world) => {
      world.client = world.handles[client] as string;
    };
    return new Seed<H>(this.api, [...this.steps, step]);
  }

  /** Runs the steps in order and resolves to the named handles. */
  then<R1 = H, R2 = never>(
    onFulfilled?: ((value: H) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.run().then(onFulfilled, onRejected);
  }

  private async run(): Promise<H> {
    const world: World = { handles: {} };
    for (const step of this.steps) await step(this.api, world);
    return world.handles as H;
  }
}

function need<K extends 'admin' | 'client' | 'engagement'>(world: World, what: K): NonNullable<World[K]> {
  const value = world[what];
  if (!value) throw new Error(`seed: a step needs ${what === 'admin' ? 'a consultancy' : `a ${what}`} first`);
  return value as NonNullable<World[K]>;
}
