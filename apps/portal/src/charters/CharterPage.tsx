import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { FormProblems } from '../forms/FormProblems';
import { useMutationForm } from '../forms/useMutationForm';
import { EmptyState } from '../ui/QueryState';
import { QueryResult } from '../ui/QueryResult';
import { CLIENT_NOT_FOUND } from '../clients/client-not-found';
import { Panel } from '../ui/Panel';
import { CharterDraftEditor } from './CharterDraftEditor';
import { CharterView } from './CharterView';
import { PromiseCriteriaPanel } from './PromiseCriteriaPanel';
import { linkablePromises } from './promise-links';
import { VersionHistory } from './VersionHistory';
import { CharterStandards } from '../service-levels/CharterStandards';
import { CharterQuery, StartCharterDraftMutation } from './documents';
import { Button } from '../ui/Button';

/** A client's charter: the draft being written, the version in force, its history and differences. */
export function CharterPage() {
  const { clientId = '' } = useParams();
  const query = useQuery(CharterQuery, { variables: { clientId } });
  const [start] = useMutation(StartCharterDraftMutation, {
    refetchQueries: ['Charter'],
    awaitRefetchQueries: true,
  });
  const { pending, errors, failure, run } = useMutationForm([]);
  const startDraft = () =>
    void run(async () => (await start({ variables: { input: { clientId } } })).data?.startCharterDraft);

  return (
    <QueryResult query={query} what="the charter" select={(data) => data.client} notFound={CLIENT_NOT_FOUND}>
      {(client, { charter }) => (
        <>
          <title>{`Charter · ${client.name} · Service Programme`}</title>
          <div className="page-heading">
            <p className="eyebrow">
              <Link to={`/clients/${clientId}`}>{client.name}</Link>
            </p>
            <h1>Customer-service charter</h1>
          </div>
          <FormProblems failure={failure} errors={errors} />
          <div className="stack">
            {charter?.currentDraft ? (
              <CharterDraftEditor key={charter.currentDraft.id} draft={charter.currentDraft} />
            ) : (
              <Panel title="Draft">
                <EmptyState title={charter?.published ? 'No draft in progress' : 'No charter yet'}>
                  {charter?.published
                    ? 'A new draft starts as a copy of the version in force.'
                    : 'Start with the purpose statement and the promises customers can hold the client to.'}
                </EmptyState>
                <Button variant="primary" onClick={startDraft} disabled={pending}>
                  {charter?.published ? 'Start a new draft' : 'Start the charter'}
                </Button>
              </Panel>
            )}
            {charter?.published && (
              <Panel title={`In force: version ${charter.published.number}`}>
                <CharterView version={charter.published} />
              </Panel>
            )}
            {charter?.published && (
              <CharterStandards clientId={clientId} promises={charter.published.promises} />
            )}
            {charter && (
              <PromiseCriteriaPanel
                charterId={charter.id}
                promises={linkablePromises(charter.currentDraft?.promises, charter.published?.promises)}
              />
            )}
            {charter && charter.versions.length > 0 && (
              <VersionHistory clientId={clientId} versions={charter.versions} />
            )}
          </div>
        </>
      )}
    </QueryResult>
  );
}
