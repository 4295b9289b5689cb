import { useMemo } from 'react';
import { auditFindings, scoreAudit } from '@csp/domain';
import type { AuditFrameworkFieldsFragment } from '../generated/graphql';
import { Panel } from '../ui/Panel';
import { EmptyState } from '../ui/QueryState';
import { formatScore } from '../ui/format';
import { NewActionForm } from '../actions/NewActionForm';
import { toScoringResponses, answersFrom } from './answers';
import { toDomainFramework } from './framework';

interface FindingsAudit {
  id: string;
  client: { id: string };
  framework: AuditFrameworkFieldsFragment;
  responses: Parameters<typeof answersFrom>[0];
}

/** The criteria this audit found wanting (the shared rule decides which), each with a way to raise an action. */
export function AuditFindings({ audit }: { audit: FindingsAudit }) {
  const findings = useMemo(() => {
    const framework = toDomainFramework(audit.framework);
    return auditFindings(framework, scoreAudit(framework, toScoringResponses(answersFrom(audit.responses))));
  }, [audit]);
  return (
    <Panel title="Findings" count={findings.length}>
      {findings.length === 0 ? (
        <EmptyState title="No findings">No criterion was scored at the bad end of its scale.</EmptyState>
      ) : (
        <ul className="item-list">
          {findings.map((f) => (
            <li key={f.criterionKey}>
              <span className="item-title">{f.prompt}</span>
              <span className="muted">
                Score {f.score} · {formatScore(f.points)} points{f.critical ? ' · critical' : ''}
              </span>
              <NewActionForm
                clientId={audit.client.id}
                source={{
                  auditId: audit.id,
                  criterionKey: f.criterionKey,
                  label: `Raise an action on “${f.prompt}”`,
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
