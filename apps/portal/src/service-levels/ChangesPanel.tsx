import { NewActionForm } from '../actions/NewActionForm';
import type { ServiceLevelQuery } from '../generated/graphql';
import { useCan } from '../session/useCan';
import { Panel } from '../ui/Panel';
import { EmptyState } from '../ui/QueryState';
import { formatCompliance, formatTarget, periodDays, periodNoun } from './figures';

type Level = NonNullable<ServiceLevelQuery['serviceLevel']>;

/** What the action raised from a breach starts with: the period, its compliance and the target. */
export function breachActionText(period: {
  label: string;
  compliance: number | null;
  target: number;
}): string {
  return `Compliance ${formatCompliance(period.compliance, period.target)} in ${period.label}, target ${formatTarget(period.target)}: `;
}

/** Breaches (a period closed under target) and recoveries, newest first; an action can be raised from a breach. */
export function ChangesPanel({ level }: { level: Level }) {
  const mayRaise = useCan('action:write');
  const noun = periodNoun(level.definition.period);
  return (
    <Panel title="Breaches and recoveries" count={level.changes.length}>
      {level.changes.length === 0 ? (
        <EmptyState title="No breach so far">
          {`A breach is a ${noun} that closes under its target; the next ${noun} that meets it is a recovery.`}
        </EmptyState>
      ) : (
        <ul className="item-list changes">
          {level.changes.map((change) => {
            const { period } = change;
            const breached = change.kind === 'BREACHED';
            return (
              <li key={`${change.kind} ${period.label}`}>
                <span className="item-title">
                  <span className={breached ? 'tag tag-danger' : 'tag status-done'}>
                    {breached ? 'Breached' : 'Recovered'}
                  </span>{' '}
                  {period.label}
                </span>
                <span>
                  {`${formatCompliance(period.compliance, period.target)} against ${formatTarget(period.target)}`}
                </span>
                <span className="muted">{periodDays(period, level.definition.timeZone)}</span>
                {breached && mayRaise && (
                  <NewActionForm
                    clientId={level.client.id}
                    source={{
                      charterId: level.client.charter?.id,
                      promiseKey: level.promiseKey,
                      description: breachActionText(period),
                      label: `Raise an action on ${period.label}`,
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
