import type { SsoConnectionFieldsFragment } from '../generated/graphql';
import { formatDate } from '../ui/format';
import { certificateLife } from './labels';

type Certificate = SsoConnectionFieldsFragment['certificates'][number];

/** The provider's signing certificates we trust, each with its expiry; those close to it stand out. */
export function CertificateList({ certificates }: { certificates: readonly Certificate[] }) {
  if (certificates.length === 0) return null;
  return (
    <ul className="item-list">
      {certificates.map((certificate) => (
        <li key={certificate.fingerprint}>
          <span className="item-title">{certificate.subject}</span>
          <span className="muted">
            Until {formatDate(certificate.expiresAt)} · SHA-256 <code>{certificate.fingerprint}</code>
          </span>
          <span className={certificate.expiresSoon ? 'tag tag-danger' : 'tag'}>
            {certificateLife(certificate.daysLeft)}
          </span>
        </li>
      ))}
    </ul>
  );
}
