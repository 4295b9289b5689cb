import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ServiceLevelQuery } from '../generated/graphql';
import { useCan } from '../session/useCan';
import { Button } from '../ui/Button';
import { formatDateTimeIn, formatNumber } from '../ui/format';
import { Panel } from '../ui/Panel';
import { QueryResult, type NotFound } from '../ui/QueryResult';
import { EmptyState } from '../ui/QueryState';
import { ComplianceChart } from './ComplianceChart';
import { openPeriodWord } from './CurrentStanding';
import { ChangesPanel } from './ChangesPanel';
import { DefinitionFacts, HistoryPanel } from './HistoryPanel';
import { IntervalForm } from './IntervalForm';
import { MeasurementUpload } from './MeasurementUpload';
import { PeriodsTable } from './PeriodsTable';
import { ServiceLevelForm } from './ServiceLevelForm';
import { ServiceLevelQuery as ServiceLevelDocument, UpdateServiceLevelMutation } from './documents';
import {
  describeBudget,
  formatCompliance,
  formatInterval,
  formatTarget,
  periodDays,
  periodNoun,
} from './figures';
import { percentFromShare } from './percent';
import './service-levels.css';

type Level = NonNullable<ServiceLevelQuery['serviceLevel']>;

const NOT_FOUND: NotFound = {
  title: 'Service level not found',
  message: 'There is no such service level in your consultancy.',
  back: <Link to="/">Go to your clients</Link>,
};

const SPANS = [12, 26, 52] as const;

/**
 * One service level: how this period is going, compliance per period against the target with its interval band,
 * the table of periods, breaches and recoveries (an action can be raised from a breach), the measurements coming
 * in (CSV upload, one interval by hand), and the history of definition versions and corrections.
 */
export function ServiceLevelPage() {
  const { serviceLevelId = '' } = useParams();
  const [last, setLast] = useState<number>(12);
  const query = useQuery(ServiceLevelDocument, { variables: { id: serviceLevelId, last } });
  return (
    <QueryResult
      query={query}
      what="the service level"
      select={(data) => data.serviceLevel}
      notFound={NOT_FOUND}
    >
      {(level) => <ServiceLevelView level={level} last={last} onSpan={setLast} />}
    </QueryResult>
  );
}

function ServiceLevelView({
  level,
  last,
  onSpan,
}: {
  level: Level;
  last: number;
  onSpan: (last: number) => void;
}) {
  const client = useApolloClient();
  // New figures change the periods, the breaches and maybe the corrections: everything on the page but the form.
  const refetch = () => client.refetchQueries({ include: ['ServiceLevel', 'ServiceLevelHistory'] });
  const mayEdit = useCan('service-level:write');
  const mayMeasure = useCan('measurement:write');
  const mayManageKeys = useCan('apikey:manage');
  const [editing, setEditing] = useState(false);
  const { definition } = level;
  const noun = periodNoun(definition.period);
  const measured = level.measuredUntil !== null;
  return (
    <>
      <title>{`${level.name} · ${level.client.name} · Service Programme`}</title>
      <div className="page-heading">
        <p className="eyebrow">
          <Link to={`/clients/${level.client.id}`}>{level.client.name}</Link> ·{' '}
          <Link to={`/clients/${level.client.id}/charter`}>Charter</Link>
        </p>
        <h1>{level.name}</h1>
        <p className="lead">
          {level.promiseTitle ? (
            <>
              Measures the promise “{level.promiseTitle}”: {definition.description}.
            </>
          ) : (
            <>{definition.description}. The promise it measures is no longer in the charter in force.</>
          )}
        </p>
        <p>
          <span className="tag">{level.summary}</span>
          {measured && (
            <span className="muted">
              {' '}
              Figures up to {formatDateTimeIn(level.measuredUntil!, definition.timeZone)} (
              {definition.timeZone}).
            </span>
          )}
        </p>
      </div>
      <div className="stack">
        {!measured && (
          <Panel title="No figures yet">
            <EmptyState title="No figures yet: upload a CSV or connect the client’s platform with an API key">
              Figures come as counts per interval (good, valid and excluded events).{' '}
              {mayMeasure && <a href="#measurements">Upload a CSV file or enter an interval below</a>}
              {mayMeasure && '; or '}
              {mayManageKeys ? (
                <Link to="/admin/api-keys">create an API key</Link>
              ) : (
                'ask an admin of your consultancy for an API key'
              )}{' '}
              with the measurement scope, fenced to {level.client.name}, for the client’s platform to send
              them itself.
            </EmptyState>
          </Panel>
        )}
        <CurrentPeriodPanel level={level} />
        <Panel
          title="Compliance per period"
          actions={
            <div className="span-choice" role="group" aria-label="Periods shown">
              {SPANS.map((span) => (
                <Button key={span} size="small" aria-pressed={last === span} onClick={() => onSpan(span)}>
                  {`Last ${span} ${noun}s`}
                </Button>
              ))}
            </div>
          }
        >
          <ComplianceChart periods={level.periods} />
          <PeriodsTable periods={level.periods} timeZone={definition.timeZone} />
        </Panel>
        <ChangesPanel level={level} />
        {mayMeasure && (
          <Panel title="Measurements">
            <div id="measurements" className="stack">
              <MeasurementUpload
                serviceLevelId={level.id}
                timeZone={definition.timeZone}
                onRecorded={refetch}
              />
              <IntervalForm serviceLevelId={level.id} timeZone={definition.timeZone} onRecorded={refetch} />
            </div>
          </Panel>
        )}
        <Panel
          title={`Definition (version ${definition.version})`}
          actions={
            mayEdit && !editing ? (
              <Button size="small" onClick={() => setEditing(true)}>
                Change the definition
              </Button>
            ) : null
          }
        >
          {editing ? (
            <EditDefinition level={level} onDone={() => setEditing(false)} />
          ) : (
            <DefinitionFacts definition={definition} />
          )}
        </Panel>
        <HistoryPanel serviceLevelId={level.id} />
      </div>
    </>
  );
}

function CurrentPeriodPanel({ level }: { level: Level }) {
  const period = level.currentPeriod;
  const { timeZone } = level.definition;
  return (
    <Panel title={`This ${periodNoun(level.definition.period)}: ${period.label}`}>
      <p className="muted">{periodDays(period, timeZone)}, still running.</p>
      {period.valid === 0 ? (
        <p>No figures for this period yet.</p>
      ) : (
        <>
          {period.atRisk && (
            <p className="banner banner-error" role="status">
              {`At risk: at the current rate the period ends at ${formatCompliance(period.projected, period.target)}, under the target of ${formatTarget(period.target)}.`}
            </p>
          )}
          <dl className="facts facts-inline current-period">
            <dt>So far</dt>
            <dd>
              {formatCompliance(period.compliance, period.target)} ({openPeriodWord(period).toLowerCase()})
            </dd>
            <dt>Target</dt>
            <dd>{formatTarget(period.target)}</dd>
            <dt>Projected</dt>
            <dd>{formatCompliance(period.projected, period.target)}</dd>
            <dt>95 % interval</dt>
            <dd>{formatInterval(period.complianceInterval)}</dd>
            <dt>Valid events</dt>
            <dd>{`${formatNumber(period.valid)} (${formatNumber(period.good)} good, ${formatNumber(period.excluded)} left out)`}</dd>
            <dt>Budget</dt>
            <dd>{describeBudget(period.budgetLeft, period.valid)}</dd>
          </dl>
        </>
      )}
    </Panel>
  );
}

function EditDefinition({ level, onDone }: { level: Level; onDone: () => void }) {
  const [update] = useMutation(UpdateServiceLevelMutation, {
    refetchQueries: ['ServiceLevel', 'ServiceLevelHistory'],
    awaitRefetchQueries: true,
  });
  const { definition } = level;
  const days = periodDays(level.currentPeriod, definition.timeZone);
  return (
    <ServiceLevelForm
      label="Change the definition"
      start={{
        name: level.name,
        eventKind: definition.eventKind,
        goodRule: definition.goodRule,
        threshold: definition.threshold,
        targetPercent: percentFromShare(definition.target),
        period: definition.period,
        timeZone: definition.timeZone,
        businessHours: definition.businessHours,
        exclusionRule: definition.exclusionRule,
      }}
      submitLabel="Save the definition"
      pendingLabel="Saving…"
      note={`Renaming changes nothing else. A change to what is measured or how it is judged starts definition version ${definition.version + 1} from the start of the current period (${level.currentPeriod.label}, ${days}); periods that have closed keep the version they were judged by.`}
      send={async (input) =>
        (
          await update({
            variables: { input: { id: level.id, expectedRevision: level.revision, definition: input } },
          })
        ).data?.updateServiceLevel
      }
      onSaved={onDone}
      onCancel={onDone}
    />
  );
}
