import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ServiceLevelGlanceFragment } from '../generated/graphql';
import { useCan } from '../session/useCan';
import { Button } from '../ui/Button';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { ClientServiceLevelsQuery, CreateServiceLevelMutation } from './documents';
import { CurrentStanding } from './CurrentStanding';
import { ServiceLevelForm, newDefinitionValues } from './ServiceLevelForm';
import { suggestDefinition, type StandardLike } from './suggest';
import './service-levels.css';

export interface PromiseWithStandard {
  key: string;
  title: string;
  standard: StandardLike | null;
}

/**
 * On the charter page: each promise of the version in force that has a service standard, whether that standard is
 * measured and how it stands this period; an unmeasured one offers "Measure this standard", whose form starts from
 * the standard's own words. Only published promises: a service level hangs on a promise customers were given.
 */
export function CharterStandards({
  clientId,
  promises,
}: {
  clientId: string;
  promises: readonly PromiseWithStandard[];
}) {
  const { data, loading, error, refetch } = useQuery(ClientServiceLevelsQuery, { variables: { clientId } });
  const mayMeasure = useCan('service-level:write');
  const [open, setOpen] = useState<string | null>(null);
  const withStandard = promises.filter((p) => p.standard);
  const byPromise = new Map((data?.client?.serviceLevels ?? []).map((level) => [level.promiseKey, level]));
  return (
    <Panel title="Standards, measured">
      <QueryState
        loading={loading}
        error={error}
        what="the service levels"
        retry={refetch}
        hasData={Boolean(data)}
      >
        {withStandard.length === 0 ? (
          <EmptyState title="No promise in force has a service standard">
            Give a promise a measurable standard in the next draft (e.g. calls answered within 20 seconds, 90
            %); once it is published, it can be measured here.
          </EmptyState>
        ) : (
          <ul className="item-list standards">
            {withStandard.map((promise) => {
              const level = byPromise.get(promise.key);
              return (
                <li key={promise.key} aria-label={promise.title}>
                  <span className="item-title">{promise.title}</span>
                  <span className="muted">{promise.standard!.description}</span>
                  {level ? (
                    <MeasuredStandard level={level} />
                  ) : open === promise.key ? (
                    <SetUpServiceLevel clientId={clientId} promise={promise} onClose={() => setOpen(null)} />
                  ) : (
                    <>
                      <span className="tag tag-quiet">Not measured yet</span>
                      {mayMeasure && (
                        <Button
                          size="small"
                          aria-label={`Measure this standard: ${promise.title}`}
                          onClick={() => setOpen(promise.key)}
                        >
                          Measure this standard
                        </Button>
                      )}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </Panel>
  );
}

function MeasuredStandard({ level }: { level: ServiceLevelGlanceFragment }) {
  return (
    <div className="measured">
      <CurrentStanding level={level} />
      <span className="muted">{level.summary}</span>
      <Link to={`/service-levels/${level.id}`} aria-label={`Open the service level “${level.name}”`}>
        Open the service level
      </Link>
    </div>
  );
}

function SetUpServiceLevel({
  clientId,
  promise,
  onClose,
}: {
  clientId: string;
  promise: PromiseWithStandard;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const [create] = useMutation(CreateServiceLevelMutation, { refetchQueries: ['ClientServiceLevels'] });
  const suggestion = suggestDefinition(promise.standard!);
  return (
    <div className="set-up">
      <ServiceLevelForm
        label={`Measure “${promise.title}”`}
        start={newDefinitionValues(suggestion)}
        submitLabel="Set up the service level"
        pendingLabel="Setting up…"
        note="Measurements then come from the client’s systems through the API, from a CSV upload, or typed in by hand."
        send={async (definition) =>
          (
            await create({
              variables: { input: { clientId, promiseKey: promise.key, definition } },
            })
          ).data?.createServiceLevel
        }
        onSaved={(payload) => {
          const id = payload.serviceLevel?.id;
          if (id) void navigate(`/service-levels/${id}`);
          else onClose();
        }}
        onCancel={onClose}
      />
    </div>
  );
}
