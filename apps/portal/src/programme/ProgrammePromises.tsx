import { useQuery } from '@apollo/client/react';
import { PromiseCriteriaQuery, describeLinks } from '../charters/promise-links';
import type { ProgrammePromisesQuery as Answer } from '../generated/graphql';
import { CurrentStanding } from '../service-levels/CurrentStanding';
import { formatDate, formatNumber, formatScore } from '../ui/format';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { ProgrammePromisesQuery } from './documents';
import '../service-levels/service-levels.css';

type Client = NonNullable<Answer['client']>;
type Audit = Client['audits'][number];

/**
 * For a client leader, each promise of their charter with both kinds of evidence that it is kept, side by side:
 * what the audits found on the criteria linked to it, and what the client's own figures measure, in plain words.
 */
export function ProgrammePromises({ clientId }: { clientId: string }) {
  const { data, loading, error, refetch } = useQuery(ProgrammePromisesQuery, { variables: { clientId } });
  const charterId = data?.client?.charter?.id;
  const links = useQuery(PromiseCriteriaQuery, {
    variables: { charterId: charterId ?? '' },
    skip: !charterId,
  });
  const client = data?.client;
  const promises = client?.charter?.published?.promises ?? [];
  return (
    <Panel title="Your promises, and the evidence they are kept">
      <QueryState
        loading={loading}
        error={error}
        what="your promises"
        retry={refetch}
        hasData={Boolean(data)}
      >
        {promises.length === 0 ? (
          <EmptyState title="No promises published yet">
            Once your charter is published, each promise shows here with its audit results and its measured
            figures.
          </EmptyState>
        ) : (
          <ul className="item-list promises-kept">
            {promises.map((promise) => {
              const level = client?.serviceLevels.find((l) => l.promiseKey === promise.key);
              const criteria = links.data
                ? describeLinks(promise.key, links.data.promiseLinks, links.data.auditFrameworks)
                : [];
              return (
                <li key={promise.key} aria-label={promise.title}>
                  <span className="item-title">{promise.title}</span>
                  <div className="evidence-pair">
                    <section aria-label={`Audited: ${promise.title}`}>
                      <h4>Audited</h4>
                      {criteria.length === 0 ? (
                        <p className="muted">No audit criteria test this promise yet.</p>
                      ) : (
                        <>
                          <ul className="linked-criteria">
                            {criteria.flatMap((group) =>
                              group.criteria.map((criterion) => (
                                <li key={`${group.frameworkKey}/${criterion.key}`}>
                                  <span className="tag">{group.framework}</span> {criterion.prompt}
                                </li>
                              )),
                            )}
                          </ul>
                          <AuditScores
                            audits={latestPerFramework(client?.audits ?? [])}
                            promiseKey={promise.key}
                          />
                        </>
                      )}
                    </section>
                    <section aria-label={`Measured: ${promise.title}`}>
                      <h4>Measured</h4>
                      {level ? (
                        <>
                          <p className="plain-summary">
                            <strong>{level.summary}</strong>
                          </p>
                          <p className="muted">{level.definition.description}</p>
                          <CurrentStanding level={level} />
                        </>
                      ) : promise.standard ? (
                        <p className="muted">{`“${promise.standard.description}” is not measured yet.`}</p>
                      ) : (
                        <p className="muted">This promise has no measurable standard.</p>
                      )}
                    </section>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </Panel>
  );
}

/** The API lists audits newest first: the first of each framework is its latest. */
function latestPerFramework(audits: readonly Audit[]): Audit[] {
  return audits.filter((a, i) => audits.findIndex((b) => b.framework.key === a.framework.key) === i);
}

function AuditScores({ audits, promiseKey }: { audits: readonly Audit[]; promiseKey: string }) {
  const scored = audits.flatMap((audit) => {
    const kept = audit.promisesKept.find((p) => p.promiseKey === promiseKey && p.linked > 0);
    return kept ? [{ audit, kept }] : [];
  });
  if (scored.length === 0) return <p className="muted">No published audit has scored these criteria yet.</p>;
  return (
    <ul className="check-list">
      {scored.map(({ audit, kept }) => (
        <li key={audit.id}>
          {`${audit.framework.name}, ${formatDate(audit.conductedOn)}: `}
          <strong>{kept.score === null ? 'not scored' : `${formatScore(kept.score)} of 100`}</strong>
          <span className="muted">{` (${formatNumber(kept.answered)} of ${formatNumber(kept.linked)} linked criteria scored)`}</span>
        </li>
      ))}
    </ul>
  );
}
