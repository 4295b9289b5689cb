import { ErrorBanner } from '../forms/ErrorBanner';
import type { SignInNotice } from './sign-in-notice';

/** The word the sign-in page has for someone arriving from their identity provider or from signing out. */
export function SignInNoticeBanner({ notice }: { notice: SignInNotice }) {
  if (notice.kind === 'refused')
    return (
      <ErrorBanner title="Single sign-on did not sign you in">
        <p>{notice.message}</p>
      </ErrorBanner>
    );
  return (
    <div className="banner banner-note" role="status">
      {notice.kind === 'waiting' ? (
        <>
          <p className="banner-title">Almost there</p>
          <p>{notice.message}</p>
        </>
      ) : (
        <p>You have signed out. See you soon.</p>
      )}
    </div>
  );
}
