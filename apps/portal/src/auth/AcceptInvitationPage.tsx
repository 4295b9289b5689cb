import { useQuery } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { graphql } from '../generated/gql';
import { ErrorBanner } from '../forms/ErrorBanner';
import { describeError } from '../forms/describe-error';
import { AcceptInvitationForm } from './AcceptInvitationForm';
import { invitationTokenFrom } from './invitation-token';

export const InvitationQuery = graphql(`
  query Invitation($token: String!) {
    invitation(token: $token) {
      consultancyName
      email
      role
      clientName
      expiresAt
    }
  }
`);

export function AcceptInvitationPage() {
  const token = invitationTokenFrom(useLocation().hash);
  const { data, loading, error } = useQuery(InvitationQuery, {
    variables: { token: token ?? '' },
    skip: !token,
    fetchPolicy: 'network-only',
  });

  return (
    <>
      <title>Accept your invitation · Service Programme</title>
      <h1>Accept your invitation</h1>
      {!token ? (
        <InvitationUnusable />
      ) : loading ? (
        <p className="muted" role="status">
          Checking your invitation…
        </p>
      ) : error ? (
        <ErrorBanner title="Could not check the invitation">{describeError(error)}</ErrorBanner>
      ) : data?.invitation ? (
        <AcceptInvitationForm token={token} invitation={data.invitation} />
      ) : (
        <InvitationUnusable />
      )}
    </>
  );
}

function InvitationUnusable() {
  return (
    <>
      <p className="lead">
        This invitation link is not valid any more: it may have been used already, revoked, or it has expired.
      </p>
      <p>Ask the person who invited you for a new link. If you already have an account, you can sign in.</p>
      <p className="aside">
        <Link to="/sign-in">Go to sign in</Link>
      </p>
    </>
  );
}
