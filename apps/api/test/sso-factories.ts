import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { SESSION_COOKIE } from '../src/core/auth/authenticate.js';
import type { SsoSettings } from '../src/core/context.js';
import { graphql } from './generated/index.js';
import type { SsoRoleMappingInput } from './generated/graphql.js';
import type { SignedIn } from './factories.js';
import type { TestOidcProvider } from './oidc-provider.js';
import type { TestApi } from './test-api.js';

/** A DNS the test writes: TXT records by name, as `resolveTxt` answers them. */
export function testDns(): { records: Map<string, string[]>; settings: Pick<SsoSettings, 'resolveTxt'> } {
  const records = new Map<string, string[]>();
  return {
    records,
    settings: {
      resolveTxt: async (name) => {
        const values = records.get(name);
        if (!values) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
        return values.map((value) => [value]);
      },
    },
  };
}

export const uniqueDomain = () => `org-${randomUUID().slice(0, 8)}.test`;

const ADD_OIDC = graphql(`
  mutation SsoFactoryAddOidc($input: AddOidcConnectionInput!) {
    addOidcConnection(input: $input) {
      connection {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const ADD_DOMAIN = graphql(`
  mutation SsoFactoryAddDomain($input: AddSsoDomainInput!) {
    addSsoDomain(input: $input) {
      domain {
        id
        verificationRecordName
        verificationRecordValue
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const VERIFY_DOMAIN = graphql(`
  mutation SsoFactoryVerifyDomain($input: VerifySsoDomainInput!) {
    verifySsoDomain(input: $input) {
      domain {
        verifiedAt
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const UPDATE_CONNECTION = graphql(`
  mutation SsoFactoryUpdateConnection($input: UpdateSsoConnectionInput!) {
    updateSsoConnection(input: $input) {
      connection {
        id
        ssoOnly
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export async function addOidcConnection(api: TestApi, admin: SignedIn, provider: TestOidcProvider) {
  const added = await api.graphql(
    ADD_OIDC,
    {
      input: {
        name: 'Test identity provider',
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
      },
    },
    { token: admin.token },
  );
  expect(added.data.addOidcConnection.userErrors).toEqual([]);
  return added.data.addOidcConnection.connection!.id;
}

/** Binds the domain and, unless told otherwise, publishes its TXT record and verifies it. */
export async function addDomain(
  api: TestApi,
  admin: SignedIn,
  dns: ReturnType<typeof testDns>,
  connectionId: string,
  domain: string,
  options: { verify?: boolean } = {},
) {
  const added = await api.graphql(ADD_DOMAIN, { input: { connectionId, domain } }, { token: admin.token });
  expect(added.data.addSsoDomain.userErrors).toEqual([]);
  const record = added.data.addSsoDomain.domain!;
  if (options.verify === false) return record.id;
  dns.records.set(record.verificationRecordName, [record.verificationRecordValue]);
  const verified = await api.graphql(VERIFY_DOMAIN, { input: { id: record.id } }, { token: admin.token });
  expect(verified.data.verifySsoDomain.userErrors).toEqual([]);
  return record.id;
}

export async function updateConnection(
  api: TestApi,
  admin: SignedIn,
  input: {
    id: string;
    roleMappings?: SsoRoleMappingInput[];
    ssoOnly?: boolean;
    breakGlassAdminId?: string;
  },
) {
  const updated = await api.graphql(UPDATE_CONNECTION, { input }, { token: admin.token });
  return updated.data.updateSsoConnection;
}

/**
 * A browser as far as sign-in needs one: it follows redirects across the API and the provider, keeps each host's
 * cookies (ports aside, as browsers do), and stops where the API hands over to the portal.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly api: TestApi) {}

  /** Follows redirects from `url` until one leads to a portal page; answers that page's address. */
  async visit(url: string, init: RequestInit = {}): Promise<URL> {
    let next = new URL(url, this.api.url);
    let request: RequestInit = init;
    for (let hop = 0; hop < 20; hop++) {
      const response = await fetch(next, {
        ...request,
        redirect: 'manual',
        headers: { ...(request.headers as Record<string, string>), cookie: this.cookieHeader() },
      });
      this.keep(response);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        throw new Error(`${next.href} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
      }
      next = new URL(location, next);
      request = {};
      const onApi = next.origin === new URL(this.api.url).origin;
      if (onApi && !next.pathname.startsWith('/sso/')) return next;
    }
    throw new Error('Too many redirects');
  }

  /** The session cookie, as the portal's requests would carry it. */
  get session(): string {
    const value = this.cookies.get(SESSION_COOKIE);
    return value ? `${SESSION_COOKIE}=${value}` : '';
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** Signs in through the connection from the sign-in page: `/sso/start` with the email typed there. */
export async function signInThroughProvider(api: TestApi, email: string, browser = new TestBrowser(api)) {
  const landed = await browser.visit(`/sso/start?email=${encodeURIComponent(email)}&returnTo=/clients`);
  return { landed, browser, refusal: landed.searchParams.get('sso') };
}

const TRAIL = graphql(`
  query SsoFactoryTrail($action: String) {
    activity(first: 50, action: $action) {
      nodes {
        action
        detail
        objectType
        objectId
        actor {
          id
        }
      }
    }
  }
`);

export async function trailOf(api: TestApi, admin: SignedIn, action: string) {
  const trail = await api.graphql(TRAIL, { action }, { token: admin.token });
  expect(trail.errors).toBeUndefined();
  return trail.data.activity.nodes;
}
