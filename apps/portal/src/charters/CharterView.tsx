import type { CharterVersionFieldsFragment } from '../generated/graphql';
import { formatDate, formatDateTime } from '../ui/format';
import './charters.css';

/** A charter version as customers and leaders read it, with its sign-off status. */
export function CharterView({ version }: { version: CharterVersionFieldsFragment }) {
  const { purpose, why, everythingElse } = version.purposeStatement;
  return (
    <article className="charter">
      <blockquote className="purpose">
        <p>
          <strong>{purpose}</strong>
        </p>
        <p>
          <span className="muted">Why: </span>
          {why}
        </p>
        <p>
          <span className="muted">Over: </span>
          {everythingElse}
        </p>
      </blockquote>
      <ol className="promise-list">
        {version.promises.map((promise) => (
          <li key={promise.key}>
            <strong>{promise.title}</strong>
            {promise.description && <p>{promise.description}</p>}
            {promise.standard && <p className="tag">{promise.standard.description}</p>}
          </li>
        ))}
      </ol>
      <p className="muted">
        {version.publishedAt ? `Published ${formatDate(version.publishedAt)}` : 'Not published'}
        {version.publishedBy && ` by ${version.publishedBy.name}`}.{' '}
        {version.signOff
          ? `Signed off by ${version.signOff.signedBy?.name ?? 'a client leader'} on ${formatDateTime(version.signOff.signedAt)}.`
          : version.status === 'PUBLISHED'
            ? 'Awaiting sign-off by the client.'
            : ''}
      </p>
    </article>
  );
}
