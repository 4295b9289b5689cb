import type { ReactNode } from 'react';
import { Loading, QueryFailure } from './QueryResult';

interface QueryStateProps {
  loading: boolean;
  error: unknown;
  /** What is loading, e.g. "the charter"; used in the loading and error messages. */
  what: string;
  retry?: () => unknown;
  /** Rendered once there is data. */
  children: ReactNode;
  hasData: boolean;
}

/**
 * The three states of a query for a list or a part of a page: loading, failed (with a retry), and loaded. A page about
 * one thing by id uses `QueryResult`, which also says "not found".
 */
export function QueryState({ loading, error, what, retry, children, hasData }: QueryStateProps) {
  if (loading && !hasData) return <Loading what={what} />;
  if (error || !hasData) return <QueryFailure error={error} what={what} retry={retry} />;
  return <>{children}</>;
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children && <p className="muted">{children}</p>}
    </div>
  );
}
