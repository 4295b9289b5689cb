import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { QueryState } from '../ui/QueryState';
import { CandidateRanking } from './CandidateRanking';
import { ProfileEditor } from './ProfileEditor';
import { ScorecardForm } from './ScorecardForm';
import { RoleProfileQuery } from './documents';

export function RoleProfilePage() {
  const { profileId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(RoleProfileQuery, { variables: { id: profileId } });
  const profile = data?.roleProfile;
  if (data && !profile) return <p role="alert">There is no such role profile.</p>;
  return (
    <QueryState
      loading={loading}
      error={error}
      what="the role profile"
      retry={refetch}
      hasData={Boolean(profile)}
    >
      {profile && (
        <>
          <title>{`${profile.title} · Service Programme`}</title>
          <div className="page-heading">
            <p className="eyebrow">
              <Link to={`/clients/${profile.client.id}/hiring`}>{profile.client.name} · hiring</Link>
            </p>
            <h1>{profile.title}</h1>
          </div>
          <div className="stack">
            <ProfileEditor key={profile.revision} profile={profile} />
            <CandidateRanking candidates={profile.candidates} />
            {profile.ready && <ScorecardForm profileId={profile.id} criteria={profile.criteria} />}
          </div>
        </>
      )}
    </QueryState>
  );
}
