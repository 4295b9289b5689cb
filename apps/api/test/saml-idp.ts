import { randomUUID } from 'node:crypto';
import * as samlify from 'samlify';
import selfsigned from 'selfsigned';

/**
 * An identity provider in the test process, with samlify (a SAML library other than the API's node-saml, so the two
 * are checked against each other rather than against themselves). It answers the API's AuthnRequests with responses
 * it signs, tampered with when a test asks, and takes part in single logout over HTTP-Redirect.
 */

// samlify refuses to run without a schema validator; the API's node-saml is what is under test here.
samlify.setSchemaValidator({ validate: () => Promise.resolve('skipped') });

const REDIRECT = samlify.Constants.namespace.binding.redirect;
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

export interface SigningKey {
  privateKey: string;
  certificate: string;
}

/** A self-signed RSA key and certificate, as a provider publishes in its metadata. */
export async function signingKey(commonName = 'Test identity provider'): Promise<SigningKey> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: commonName }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 365 * 86_400_000),
  });
  return { privateKey: pems.private, certificate: pems.cert };
}

/** What a login response says; every field can be set wrong on purpose. */
export interface LoginAnswer {
  nameId: string;
  nameIdFormat?: string;
  attributes?: Record<string, string | string[]>;
  sessionIndex?: string;
  /** Defaults to the id of the request answered; null leaves it out (IdP-initiated). */
  inResponseTo?: string | null;
  /** Defaults to the SP's entity id. */
  audience?: string;
  /** Defaults to the IdP's entity id. */
  issuer?: string;
  notBefore?: Date;
  /** Defaults to five minutes from now (the Conditions and the SubjectConfirmationData). */
  notOnOrAfter?: Date;
}

/** A response to post to the ACS, as the browser would from the provider's auto-submitting form. */
export interface PostedResponse {
  SAMLResponse: string;
  RelayState?: string;
}

export interface TestIdp {
  entityId: string;
  ssoUrl: string;
  sloUrl: string;
  key: SigningKey;
  /** The provider's metadata, as an admin pastes it into addSamlConnection. */
  metadataXml: string;
  /**
   * Trusts a service provider by its metadata (the API's GET …/metadata). samlify signs what the metadata asks
   * (WantAssertionsSigned); `signResponse` signs the whole response as well.
   */
  trust(spMetadataXml: string, options?: { signResponse?: boolean }): void;
  /** Answers the AuthnRequest in `signInUrl` (the redirect the API sent the browser to), RelayState kept. */
  answer(signInUrl: string, login: LoginAnswer): Promise<PostedResponse>;
  /** An IdP-initiated response: in response to nothing. */
  unsolicited(login: LoginAnswer, relayState?: string): Promise<PostedResponse>;
  /** Answers the LogoutRequest in `logoutUrl` with a signed LogoutResponse: the URL the browser is sent back to. */
  logoutResponse(logoutUrl: string): Promise<string>;
  /** A signed LogoutRequest of the provider's own (the person signed out there): the URL of our logout endpoint. */
  logoutRequest(nameId: string, sessionIndex?: string): string;
  /** The same over HTTP-POST: the form the browser posts to our logout endpoint, the request signed inside. */
  postedLogoutRequest(nameId: string, sessionIndex?: string): { SAMLRequest: string };
  /** The id of the AuthnRequest in `signInUrl`. */
  requestIdOf(signInUrl: string): Promise<string>;
}

export async function startTestIdp(options: { entityId?: string; key?: SigningKey } = {}): Promise<TestIdp> {
  const entityId = options.entityId ?? `https://idp-${randomUUID().slice(0, 8)}.example.org/saml`;
  const key = options.key ?? (await signingKey());
  const ssoUrl = `${entityId}/sso`;
  const sloUrl = `${entityId}/slo`;
  const idp = samlify.IdentityProvider({
    entityID: entityId,
    privateKey: key.privateKey,
    signingCert: key.certificate,
    nameIDFormat: [EMAIL_FORMAT],
    wantAuthnRequestsSigned: false,
    singleSignOnService: [{ Binding: REDIRECT, Location: ssoUrl }],
    singleLogoutService: [{ Binding: REDIRECT, Location: sloUrl }],
  });
  let sp: samlify.ServiceProviderInstance | null = null;
  const trusted = () => {
    if (!sp) throw new Error('Call trust(spMetadataXml) first.');
    return sp;
  };
  const queryOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

  async function parsedRequest(signInUrl: string) {
    return idp.parseLoginRequest(trusted(), 'redirect', { query: queryOf(signInUrl) });
  }

  async function respond(login: LoginAnswer, inResponseTo: string | null): Promise<string> {
    const serviceProvider = trusted();
    const result = await idp.createLoginResponse(
      serviceProvider,
      { extract: {} },
      'post',
      { email: login.nameId },
      {
        customTagReplacement: () => ({
          id: '',
          context: responseXml(
            {
              issuer: entityId,
              audience: serviceProvider.entityMeta.getEntityID(),
              acsUrl: serviceProvider.entityMeta.getAssertionConsumerService('post') as string,
            },
            { inResponseTo, ...login },
          ),
        }),
      },
    );
    return result.context;
  }

  return {
    entityId,
    ssoUrl,
    sloUrl,
    key,
    metadataXml: idp.getMetadata(),
    trust(spMetadataXml, trustOptions = {}) {
      sp = samlify.ServiceProvider({
        metadata: spMetadataXml,
        wantMessageSigned: trustOptions.signResponse ?? false,
        wantLogoutRequestSigned: true,
        wantLogoutResponseSigned: true,
      });
    },
    async requestIdOf(signInUrl) {
      return String((await parsedRequest(signInUrl)).extract.request?.id ?? '');
    },
    async answer(signInUrl, login) {
      const request = await parsedRequest(signInUrl);
      const requestId = String(request.extract.request?.id ?? '');
      const relayState = new URL(signInUrl).searchParams.get('RelayState');
      const SAMLResponse = await respond(
        login,
        login.inResponseTo === undefined ? requestId : login.inResponseTo,
      );
      return relayState ? { SAMLResponse, RelayState: relayState } : { SAMLResponse };
    },
    async unsolicited(login, relayState) {
      const SAMLResponse = await respond(login, login.inResponseTo ?? null);
      return relayState === undefined ? { SAMLResponse } : { SAMLResponse, RelayState: relayState };
    },
    async logoutResponse(logoutUrl) {
      const request = await idp.parseLogoutRequest(trusted(), 'redirect', { query: queryOf(logoutUrl) });
      return idp.createLogoutResponse(trusted(), { extract: request.extract }, 'redirect', {
        relayState: new URL(logoutUrl).searchParams.get('RelayState') ?? '',
      }).context;
    },
    postedLogoutRequest(nameId, sessionIndex) {
      const posted = idp.createLogoutRequest(trusted(), 'post', {
        logoutNameID: nameId,
        sessionIndex: sessionIndex ?? '',
      });
      return { SAMLRequest: posted.context };
    },
    logoutRequest(nameId, sessionIndex) {
      return idp.createLogoutRequest(trusted(), 'redirect', {
        logoutNameID: nameId,
        sessionIndex: sessionIndex ?? '',
      }).context;
    },
  };
}

const escape = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The response before samlify signs it: written out here, not from samlify's template, so each condition can be set
 * (or left out) as a test needs. samlify signs the assertion, as the SP's metadata asks (WantAssertionsSigned).
 */
function responseXml(
  parties: { issuer: string; audience: string; acsUrl: string },
  login: LoginAnswer & { inResponseTo: string | null },
): string {
  const now = new Date();
  const notOnOrAfter = (login.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000)).toISOString();
  const notBefore = (login.notBefore ?? now).toISOString();
  const issuer = escape(login.issuer ?? parties.issuer);
  const inResponseTo = login.inResponseTo ? ` InResponseTo="${escape(login.inResponseTo)}"` : '';
  const attributes = Object.entries(login.attributes ?? {})
    .map(
      ([name, values]) =>
        `<saml:Attribute Name="${escape(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified">${[
          values,
        ]
          .flat()
          .map((value) => `<saml:AttributeValue xsi:type="xs:string">${escape(value)}</saml:AttributeValue>`)
          .join('')}</saml:Attribute>`,
    )
    .join('');
  return (
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"` +
    ` ID="_${randomUUID()}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${escape(parties.acsUrl)}"${inResponseTo}>` +
    `<saml:Issuer>${issuer}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema"` +
    ` ID="_${randomUUID()}" Version="2.0" IssueInstant="${now.toISOString()}">` +
    `<saml:Issuer>${issuer}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="${escape(login.nameIdFormat ?? EMAIL_FORMAT)}">${escape(login.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}" Recipient="${escape(parties.acsUrl)}"${inResponseTo}/>` +
    `</saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}">` +
    `<saml:AudienceRestriction><saml:Audience>${escape(login.audience ?? parties.audience)}</saml:Audience></saml:AudienceRestriction>` +
    `</saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="${escape(login.sessionIndex ?? `_${randomUUID()}`)}">` +
    `<saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext>` +
    `</saml:AuthnStatement>` +
    (attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : '') +
    `</saml:Assertion></samlp:Response>`
  );
}
