import { X509Certificate } from 'node:crypto';
import type { SsoCertificateMapper } from './mappers.js';

/**
 * A certificate as an admin pastes it or metadata carries it (PEM, or bare base64 DER, with or without line breaks),
 * as PEM; null when it is no X.509 certificate. node:crypto parses it: no library needed for reading one.
 */
export function certificatePem(text: string): string | null {
  const body = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  const pem = `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
  try {
    new X509Certificate(pem);
    return pem;
  } catch {
    return null;
  }
}

export function describeCertificate(pem: string): SsoCertificateMapper {
  const certificate = new X509Certificate(pem);
  return {
    subject: certificate.subject.replace(/\n/g, ', '),
    expiresAt: new Date(certificate.validTo),
    fingerprint: certificate.fingerprint256,
  };
}
