import type { ReactNode } from 'react';
import { ErrorBanner } from '../forms/ErrorBanner';
import { describeError } from '../forms/describe-error';
import { Button } from './Button';

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

/** The three states every query passes through: loading, failed (with a retry), and loaded. */
export function QueryState({ loading, error, what, retry, children, hasData }: QueryStateProps) {
  if (loading && !hasData) {
    return (
      <p className="muted" role="status">
        Loading {what}…
      </p>
    );
  }
  if (error || !hasData) {
    return (
      <ErrorBanner title={`Could not load ${what}`}>
        <p>{describeError(error)}</p>
        {retry && <Button onClick={() => void retry()}>Try again</Button>}
      </ErrorBanner>
    );
  }
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
