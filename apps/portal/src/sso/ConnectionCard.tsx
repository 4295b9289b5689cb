import type { Role, SsoConnectionFieldsFragment } from '../generated/graphql';
import { Panel } from '../ui/Panel';
import { AddDomainForm } from './AddDomainForm';
import { CertificateList } from './CertificateList';
import { ConnectionSettingsForm } from './ConnectionSettingsForm';
import { DomainList } from './DomainList';
import { PROTOCOL_LABELS } from './labels';
import { ProviderSettings } from './ProviderSettings';
import { RemoveConnectionButton } from './RemoveConnectionButton';
import { RoleMappingsEditor } from './RoleMappingsEditor';
import { SsoOnlyForm } from './SsoOnlyForm';
import './sso.css';

interface ConnectionCardProps {
  connection: SsoConnectionFieldsFragment;
  members: readonly { id: string; name: string; email: string; role: Role }[];
  clients: readonly { id: string; name: string }[];
}

/** One connection, in the order an admin sets it up: the provider's side, domains, roles, then SSO-only. */
export function ConnectionCard({ connection, members, clients }: ConnectionCardProps) {
  const oidc = connection.protocol === 'OIDC';
  return (
    <Panel
      title={connection.name}
      actions={<RemoveConnectionButton id={connection.id} name={connection.name} />}
    >
      <p className="sso-connection-facts">
        <span className="tag">{PROTOCOL_LABELS[connection.protocol]}</span>
        {connection.ssoOnly ? (
          <span className="tag status-done">SSO-only</span>
        ) : (
          <span className="tag">Passwords still work</span>
        )}
        <span className="muted">
          {oidc
            ? `Issuer ${connection.issuer ?? '—'} · client ID ${connection.clientId ?? '—'}`
            : `Provider ${connection.idpEntityId ?? '—'}`}
        </span>
      </p>

      <h3>Enter these at your identity provider</h3>
      <ProviderSettings serviceProvider={connection.serviceProvider} />

      {!oidc && (
        <>
          <h3>Signing certificates</h3>
          <CertificateList certificates={connection.certificates} />
        </>
      )}

      <h3>Domains</h3>
      <DomainList domains={connection.domains} />
      <AddDomainForm connectionId={connection.id} connectionName={connection.name} />

      <h3>Roles for new people</h3>
      <RoleMappingsEditor connection={connection} clients={clients} />

      <h3>Passwords</h3>
      <SsoOnlyForm connection={connection} members={members} />

      <details className="sso-settings">
        <summary>Change the connection’s settings</summary>
        <ConnectionSettingsForm connection={connection} />
      </details>
    </Panel>
  );
}
