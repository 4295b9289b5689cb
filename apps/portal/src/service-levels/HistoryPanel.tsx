import { useQuery } from '@apollo/client/react';
import { SERVICE_EVENT_KIND_LABELS, THRESHOLD_UNIT_LABELS, WEEKDAY_LABELS } from '@csp/domain';
import type { ServiceLevelDefinitionFieldsFragment } from '../generated/graphql';
import { formatDateTime, formatDateTimeIn, formatNumber } from '../ui/format';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { ServiceLevelHistoryQuery } from './documents';
import { formatTarget } from './figures';

/** The definition's versions and the corrections of closed periods: how each figure came to be what it is. */
export function HistoryPanel({ serviceLevelId }: { serviceLevelId: string }) {
  const { data, loading, error, refetch } = useQuery(ServiceLevelHistoryQuery, {
    variables: { id: serviceLevelId },
  });
  const level = data?.serviceLevel;
  return (
    <Panel title="History">
      <QueryState loading={loading} error={error} what="the history" retry={refetch} hasData={Boolean(level)}>
        {level && (
          <>
            <h3>Definition versions</h3>
            <ol className="item-list versions" reversed>
              {level.versions.map((version) => (
                <li key={version.version}>
                  <span className="item-title">
                    Version {version.version}
                    <span className="muted">
                      {' '}
                      · judges periods from {formatDateTimeIn(version.effectiveFrom, version.timeZone)} (
                      {version.timeZone})
                    </span>
                  </span>
                  <DefinitionFacts definition={version} />
                  <span className="muted">
                    Set {formatDateTime(version.createdAt)}
                    {version.createdBy && ` by ${version.createdBy.name}`}
                  </span>
                </li>
              ))}
            </ol>
            <h3>Corrections of closed periods</h3>
            {level.corrections.length === 0 ? (
              <EmptyState title="No corrections">
                Figures of a period that has closed change only with a recorded reason; each such change is
                listed here.
              </EmptyState>
            ) : (
              <ul className="item-list corrections">
                {level.corrections.map((c) => (
                  <li key={c.id}>
                    <span className="item-title">{c.periodLabel}</span>
                    <span>
                      {`${formatNumber(c.goodBefore)} good of ${formatNumber(c.validBefore)} → ${formatNumber(c.goodAfter)} good of ${formatNumber(c.validAfter)}`}
                    </span>
                    <span className="correction-reason">“{c.reason}”</span>
                    <span className="muted">
                      {formatDateTime(c.recordedAt)},{' '}
                      {c.recordedBy ? `by ${c.recordedBy.name}` : 'through an API key'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </Panel>
  );
}

/** A definition as facts: the event, the good rule with its threshold, the target, period, zone, hours, exclusions. */
export function DefinitionFacts({ definition }: { definition: ServiceLevelDefinitionFieldsFragment }) {
  const hours = definition.businessHours;
  return (
    <dl className="facts definition-facts">
      <dt>Measures</dt>
      <dd>{definition.description}</dd>
      <dt>Event</dt>
      <dd>{SERVICE_EVENT_KIND_LABELS[definition.eventKind]}</dd>
      <dt>Good when</dt>
      <dd>
        {definition.goodRule}
        {definition.threshold &&
          ` ${formatNumber(definition.threshold.value)} ${THRESHOLD_UNIT_LABELS[definition.threshold.unit]}`}
      </dd>
      <dt>Target</dt>
      <dd>{formatTarget(definition.target)}</dd>
      <dt>Time zone</dt>
      <dd>{definition.timeZone}</dd>
      <dt>Business hours</dt>
      <dd>
        {hours && hours.length
          ? hours.map((d) => `${WEEKDAY_LABELS[d.day]} ${d.opens}–${d.closes}`).join(', ')
          : 'Events count whenever they happen'}
      </dd>
      <dt>Left out</dt>
      <dd>{definition.exclusionRule}</dd>
    </dl>
  );
}
