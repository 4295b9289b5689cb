import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { certificatePem } from './certificates.js';

const METADATA = 'urn:oasis:names:tc:SAML:2.0:metadata';
const SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#';
export const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

/** The provider's settings read from its metadata XML. */
export interface SamlProviderSettings {
  idpEntityId: string;
  ssoUrl: string;
  logoutUrl: string | null;
  certificates: string[];
}

/**
 * Reads an identity provider's metadata: its entity id, where to send sign-in requests (HTTP-Redirect, as we send
 * them, else HTTP-POST), where to send logout requests, and its signing certificates (all of them: a provider
 * publishes the next one beside the current one during a rollover). Null when one of the first two or any
 * certificate is missing, or the text is no XML.
 */
export function samlMetadataSettings(xml: string): SamlProviderSettings | null {
  const document = parseXml(xml);
  const entity = document ? providerEntityOf(document) : null;
  if (!entity) return null;
  const descriptor = children(entity, 'IDPSSODescriptor')[0];
  const idpEntityId = entity.getAttribute('entityID')?.trim();
  if (!descriptor || !idpEntityId) return null;
  const ssoUrl = serviceLocation(descriptor, 'SingleSignOnService');
  const certificates = children(descriptor, 'KeyDescriptor')
    // A key without `use` serves both signing and encryption (saml-metadata §2.4.1.1).
    .filter((key) => ['', 'signing'].includes(key.getAttribute('use') ?? ''))
    .flatMap((key) => Array.from(key.getElementsByTagNameNS(SIGNATURE, 'X509Certificate')))
    .map((certificate) => certificatePem(certificate.textContent ?? ''))
    .filter((pem): pem is string => pem !== null);
  if (!ssoUrl || certificates.length === 0) return null;
  return {
    idpEntityId,
    ssoUrl,
    logoutUrl: serviceLocation(descriptor, 'SingleLogoutService'),
    certificates: [...new Set(certificates)],
  };
}

/**
 * node-saml writes one SingleLogoutService, for HTTP-POST; we take logout messages over HTTP-Redirect as well (the
 * binding most providers use for logout), so our metadata says so.
 */
export function withRedirectLogout(metadataXml: string, sloUrl: string): string {
  const document = parseXml(metadataXml);
  const descriptor = document?.getElementsByTagNameNS(METADATA, 'SPSSODescriptor')[0];
  const post = descriptor ? children(descriptor, 'SingleLogoutService')[0] : undefined;
  if (!document || !descriptor || !post) return metadataXml;
  const redirect = document.createElementNS(METADATA, post.tagName);
  redirect.setAttribute('Binding', REDIRECT_BINDING);
  redirect.setAttribute('Location', sloUrl);
  descriptor.insertBefore(redirect, post);
  return new XMLSerializer().serializeToString(document);
}

/**
 * xmldom only reports malformed XML to its error handler: a document half read is no metadata. It never fetches
 * external entities, so a DOCTYPE cannot make us read a file or a URL.
 */
function parseXml(xml: string): Document | null {
  const fail = (message: unknown) => {
    throw new Error(String(message));
  };
  try {
    const document = new DOMParser({ errorHandler: { error: fail, fatalError: fail } }).parseFromString(
      xml,
      'application/xml',
    );
    return document.documentElement ? document : null;
  } catch {
    return null;
  }
}

/** The metadata's identity provider: the document's EntityDescriptor, or the first of an EntitiesDescriptor with one. */
function providerEntityOf(document: Document): Element | null {
  const entities = Array.from(document.getElementsByTagNameNS(METADATA, 'EntityDescriptor'));
  return entities.find((entity) => children(entity, 'IDPSSODescriptor').length > 0) ?? null;
}

function serviceLocation(descriptor: Element, service: string): string | null {
  const services = children(descriptor, service);
  const location = (binding: string) =>
    services
      .find((element) => element.getAttribute('Binding') === binding)
      ?.getAttribute('Location')
      ?.trim();
  return location(REDIRECT_BINDING) || location(POST_BINDING) || null;
}

function children(parent: Element, localName: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (node): node is Element =>
      node.nodeType === 1 &&
      (node as Element).namespaceURI === METADATA &&
      (node as Element).localName === localName,
  );
}
