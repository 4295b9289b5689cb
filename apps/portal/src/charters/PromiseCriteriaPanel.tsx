import { useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { EmptyState, QueryState } from '../ui/QueryState';
import { Panel } from '../ui/Panel';
import { CriteriaPicker } from './CriteriaPicker';
import { PromiseCriteriaQuery, describeLinks, type LinkablePromise } from './promise-links';
import { Button } from '../ui/Button';
import './charters.css';

/**
 * The thread from what the client promised to the evidence: for each promise, the audit criteria that test it.
 * Loaded with its own query, apart from the charter, to keep each query under the API's cost budget.
 */
export function PromiseCriteriaPanel({
  charterId,
  promises,
}: {
  charterId: string;
  promises: readonly LinkablePromise[];
}) {
  const { data, loading, error, refetch } = useQuery(PromiseCriteriaQuery, { variables: { charterId } });
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const toggles = useRef(new Map<string, HTMLButtonElement | null>());

  function done(promise: LinkablePromise, saved: boolean) {
    setEditing(null);
    setNotice(saved ? `Links saved for “${promise.title}”.` : null);
    // Back to the button that opened the picker, so keyboard users do not lose their place.
    requestAnimationFrame(() => toggles.current.get(promise.key)?.focus());
  }

  return (
    <Panel title="Promises and the audit criteria that test them">
      <QueryState
        loading={loading}
        error={error}
        what="the audit criteria"
        retry={refetch}
        hasData={Boolean(data)}
      >
        {data && data.auditFrameworks.length === 0 ? (
          <EmptyState title="No audit frameworks yet">
            An admin can add frameworks; then each promise can be linked to the criteria that test it.
          </EmptyState>
        ) : promises.length === 0 ? (
          <EmptyState title="No promises to link yet">
            Save the draft with its promises first; each saved promise can then be linked to audit criteria.
          </EmptyState>
        ) : (
          data && (
            <>
              <p className="muted">
                Each audit on a linked framework then says how well the promise was kept. New promises can be
                linked once the draft is saved.
              </p>
              <p role="status" className="muted">
                {notice ?? ''}
              </p>
              <ul className="item-list promise-links">
                {promises.map((promise) => {
                  const linked = describeLinks(promise.key, data.promiseLinks, data.auditFrameworks);
                  const open = editing === promise.key;
                  const action = open ? 'Close' : linked.length ? 'Change criteria' : 'Link criteria';
                  return (
                    <li key={promise.key}>
                      <span className="item-title">{promise.title}</span>
                      {linked.length === 0 ? (
                        <span className="muted">Not linked to any criterion yet.</span>
                      ) : (
                        <ul className="linked-criteria" aria-label={`Criteria linked to “${promise.title}”`}>
                          {linked.flatMap((group) =>
                            group.criteria.map((criterion) => (
                              <li key={`${group.frameworkKey}/${criterion.key}`}>
                                <span className="tag">{group.framework}</span> {criterion.prompt}
                              </li>
                            )),
                          )}
                        </ul>
                      )}
                      <Button
                        ref={(button) => {
                          toggles.current.set(promise.key, button);
                        }}
                        size="small"
                        aria-expanded={open}
                        aria-label={`${action} for “${promise.title}”`}
                        onClick={() => {
                          setNotice(null);
                          setEditing(open ? null : promise.key);
                        }}
                      >
                        {action}
                      </Button>
                      {open && (
                        <CriteriaPicker
                          charterId={charterId}
                          promise={promise}
                          frameworks={data.auditFrameworks}
                          links={data.promiseLinks}
                          onDone={(saved) => done(promise, saved)}
                        />
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          )
        )}
      </QueryState>
    </Panel>
  );
}
