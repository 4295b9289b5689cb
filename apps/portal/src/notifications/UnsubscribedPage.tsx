import { PREFERENCE_KIND_WORDS, isPreferenceKind } from '@csp/domain';
import { Link, useSearchParams } from 'react-router';

/**
 * Where an unsubscribe link's button leads, signed in or not. The kind comes from the link's own redirect; only a kind
 * we know is named (its words from the domain), so the URL cannot make the page say anything else.
 */
export function UnsubscribedPage() {
  const [params] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const label = isPreferenceKind(kind)
    ? PREFERENCE_KIND_WORDS[kind].label
    : kind === 'DIGEST'
      ? 'your daily or weekly summary, and the updates it gathered'
      : null;
  return (
    <>
      <h1>You are unsubscribed</h1>
      {label ? (
        <p>
          You will no longer get emails about: <strong>{label}</strong>.
        </p>
      ) : (
        <p>You will no longer get these emails.</p>
      )}
      <p>
        Changed your mind, or want fewer emails of other kinds? Sign in and open your{' '}
        <Link to="/settings/email">email settings</Link>.
      </p>
    </>
  );
}
