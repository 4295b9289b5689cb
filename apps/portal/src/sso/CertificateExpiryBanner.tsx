import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useCan } from '../session/useCan';
import { SsoCertificateWarningsQuery } from './documents';
import { certificateLife } from './labels';

/**
 * Tells admins, wherever they manage the consultancy, that a provider's signing certificate is about to expire:
 * once it does, nobody of that connection can sign in until it is replaced at the provider and here.
 */
export function CertificateExpiryBanner({ linkToPage = true }: { linkToPage?: boolean }) {
  const mayManage = useCan('sso:manage');
  const { data } = useQuery(SsoCertificateWarningsQuery, { skip: !mayManage });
  const expiring = (data?.ssoConnections ?? []).flatMap((connection) =>
    connection.certificates
      .filter((certificate) => certificate.expiresSoon)
      .map((certificate) => ({ connection: connection.name, ...certificate })),
  );
  if (expiring.length === 0) return null;
  return (
    <div className="banner banner-error" role="alert">
      <p className="banner-title">A single sign-on certificate needs replacing</p>
      <ul>
        {expiring.map((certificate) => (
          <li key={`${certificate.connection} ${certificate.fingerprint}`}>
            {certificate.connection}: {certificateLife(certificate.daysLeft).toLowerCase()}. Once it has
            expired, nobody can sign in through it.
          </li>
        ))}
      </ul>
      {linkToPage && (
        <p>
          <Link to="/admin/single-sign-on">Replace it on the Single sign-on page</Link>
        </p>
      )}
    </div>
  );
}
