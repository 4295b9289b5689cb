import { useQuery } from '@apollo/client/react';
import { ROLE_LABELS } from '@csp/domain';
import { Link } from 'react-router';
import { graphql } from '../generated/gql';
import { useCan } from '../session/useCan';
import { CertificateExpiryBanner } from '../sso/CertificateExpiryBanner';
import { formatDate } from '../ui/format';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { ConsultancyExport } from './ConsultancyExport';
import { InviteForm } from './InviteForm';
import { MemberRoleControl } from './MemberRoleControl';
import { ResendButton } from './ResendButton';
import { RemoveMemberButton } from './RemoveMemberButton';
import { RevokeButton } from './RevokeButton';
import { SignInLock } from './SignInLock';

export const AdminQuery = graphql(`
  query Admin {
    members(first: 100) {
      totalCount
      nodes {
        id
        name
        email
        role
        createdAt
        signInLockedUntil
        client {
          id
          name
        }
      }
    }
    invitations(first: 100) {
      nodes {
        id
        email
        role
        status
        expiresAt
        client {
          id
          name
        }
      }
    }
    clients(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

const INVITATION_STATUS = {
  PENDING: 'Pending',
  ACCEPTED: 'Accepted',
  REVOKED: 'Revoked',
  EXPIRED: 'Expired',
} as const;

/** Members and their roles, and invitations: who was asked, as what, and whether they came. */
export function AdminPage() {
  const { data, loading, error, refetch } = useQuery(AdminQuery);
  const mayManageSso = useCan('sso:manage');
  return (
    <>
      <title>Admin · Service Programme</title>
      <div className="page-heading">
        <h1>Members and invitations</h1>
        <p className="lead">
          Admins manage members; consultants run programmes; client leaders see only their own organisation.
        </p>
        <p>
          <Link to="/admin/api-keys">API keys</Link> · <Link to="/admin/webhooks">Webhooks</Link> ·{' '}
          <Link to="/admin/mail">Sent mail</Link>
          {mayManageSso && (
            <>
              {' '}
              · <Link to="/admin/single-sign-on">Single sign-on</Link>
            </>
          )}
        </p>
      </div>
      <CertificateExpiryBanner />
      <QueryState loading={loading} error={error} what="members" retry={refetch} hasData={Boolean(data)}>
        {data && (
          <div className="stack">
            <Panel title="Invite someone">
              <InviteForm clients={data.clients.nodes} />
            </Panel>
            <Panel title="Members" count={data.members.totalCount}>
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Email</th>
                      <th scope="col">Role</th>
                      <th scope="col">Since</th>
                      <th scope="col">Sign-in</th>
                      <th scope="col">
                        <span className="visually-hidden">Remove</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.members.nodes.map((m) => (
                      <tr key={m.id}>
                        <th scope="row">{m.name}</th>
                        <td>{m.email}</td>
                        <td>
                          <MemberRoleControl member={m} clients={data.clients.nodes} />
                        </td>
                        <td>{formatDate(m.createdAt)}</td>
                        <td>
                          <SignInLock member={m} />
                        </td>
                        <td>
                          <RemoveMemberButton id={m.id} name={m.name} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Panel>
            <Panel title="Invitations" count={data.invitations.nodes.length}>
              {data.invitations.nodes.length === 0 ? (
                <EmptyState title="No invitations yet" />
              ) : (
                <ul className="item-list">
                  {data.invitations.nodes.map((inv) => (
                    <li key={inv.id}>
                      <span className="item-title">{inv.email}</span>
                      <span className="muted">
                        {ROLE_LABELS[inv.role]}
                        {inv.client && ` · ${inv.client.name}`} · expires {formatDate(inv.expiresAt)}
                      </span>
                      <span className="tag">{INVITATION_STATUS[inv.status]}</span>
                      {(inv.status === 'PENDING' || inv.status === 'EXPIRED') && (
                        <ResendButton id={inv.id} email={inv.email} />
                      )}
                      {inv.status === 'PENDING' && <RevokeButton id={inv.id} email={inv.email} />}
                    </li>
                  ))}
                </ul>
              )}
            </Panel>
            <ConsultancyExport />
          </div>
        )}
      </QueryState>
    </>
  );
}
