import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { formatDate, formatDateTime } from '../ui/format';
import { Panel } from '../ui/Panel';
import { QueryState } from '../ui/QueryState';
import { CharterDiffView } from './CharterDiffView';
import { CharterDiffQuery } from './documents';

interface VersionRow {
  id: string;
  number: number;
  status: 'DRAFT' | 'PUBLISHED';
  createdAt: string;
  publishedAt: string | null;
  signOff: { signedAt: string; signedBy: { name: string } | null } | null;
}

/** Every version, newest first, and the difference between any two of them. */
export function VersionHistory({
  clientId,
  versions,
}: {
  clientId: string;
  versions: readonly VersionRow[];
}) {
  const [from, setFrom] = useState(versions[1]?.id ?? versions[0]?.id ?? '');
  const [to, setTo] = useState(versions[0]?.id ?? '');
  const fromId = useId();
  const toId = useId();
  return (
    <Panel title="Version history" count={versions.length}>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Published</th>
              <th scope="col">Sign-off</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <th scope="row">Version {v.number}</th>
                <td>{v.status === 'DRAFT' ? 'Draft' : 'Published'}</td>
                <td>{v.publishedAt ? formatDate(v.publishedAt) : '—'}</td>
                <td>
                  {v.signOff
                    ? `Signed off by ${v.signOff.signedBy?.name ?? 'a leader'}, ${formatDateTime(v.signOff.signedAt)}`
                    : v.status === 'PUBLISHED'
                      ? 'Awaiting sign-off'
                      : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {versions.length > 1 && (
        <>
          <h3>Compare two versions</h3>
          <div className="filters">
            <div className="field">
              <label htmlFor={fromId}>From</label>
              <select id={fromId} value={from} onChange={(e) => setFrom(e.target.value)}>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>{`Version ${v.number}`}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={toId}>To</label>
              <select id={toId} value={to} onChange={(e) => setTo(e.target.value)}>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>{`Version ${v.number}`}</option>
                ))}
              </select>
            </div>
          </div>
          <DiffLoader clientId={clientId} from={from} to={to} />
        </>
      )}
    </Panel>
  );
}

function DiffLoader({ clientId, from, to }: { clientId: string; from: string; to: string }) {
  const { data, loading, error, refetch } = useQuery(CharterDiffQuery, { variables: { clientId, from, to } });
  const diff = data?.charter?.diff;
  return (
    <QueryState loading={loading} error={error} what="the difference" retry={refetch} hasData={Boolean(diff)}>
      {diff && <CharterDiffView diff={diff} />}
    </QueryState>
  );
}
