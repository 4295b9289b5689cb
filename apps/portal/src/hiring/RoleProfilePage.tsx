import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { QueryResult, type NotFound } from '../ui/QueryResult';
import { CandidateRanking } from './CandidateRanking';
import { ProfileEditor } from './ProfileEditor';
import { ScorecardForm } from './ScorecardForm';
import { RoleProfileQuery } from './documents';

const PROFILE_NOT_FOUND: NotFound = {
  title: 'Role profile not found',
  message: 'There is no such role profile.',
  back: <Link to="/">Go to your clients</Link>,
};

export function RoleProfilePage() {
  const { profileId = '' } = useParams();
  const query = useQuery(RoleProfileQuery, { variables: { id: profileId } });
  return (
    <QueryResult
      query={query}
      what="the role profile"
      select={(data) => data.roleProfile}
      notFound={PROFILE_NOT_FOUND}
    >
      {(profile) => (
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
    </QueryResult>
  );
}
