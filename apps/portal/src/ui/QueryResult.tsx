import type { ReactNode } from 'react';
import { Button } from './Button';
import { ErrorBanner } from '../forms/ErrorBanner';
import { isOffline } from '../app/online';
import { describeError, isNotFound, isUnreachable } from '../forms/describe-error';

/** The part of Apollo's `useQuery` result a page needs; pass the result itself. */
export interface QueryLike<TData> {
  data?: TData | undefined;
  loading: boolean;
  error?: unknown;
  refetch?: () => unknown;
}

export interface NotFound {
  /** The page's heading, e.g. "Client not found". */
  title: string;
  /** What happened, in the viewer's words, e.g. "There is no such client in your consultancy." */
  message: string;
  /** The way back: a link to where the viewer can carry on. */
  back: ReactNode;
}

interface QueryResultProps<TData, T> {
  query: QueryLike<TData>;
  /** What is loading, e.g. "the client": used in the loading and failure messages. */
  what: string;
  /** The thing the page is about, out of the answer; null or undefined when there is no such thing. */
  select: (data: TData) => T | null | undefined;
  notFound: NotFound;
  /** True while something the query waits for is still loading (the programme page waits for `me`). */
  waiting?: boolean;
  children: (thing: T, data: TData) => ReactNode;
}

/**
 * A page that loads one thing by id, in its four states, each said once: loading; not found (the API answered
 * without it, or with NOT_FOUND), with a way back; a failure to reach the API, with a retry; any other failure, in
 * the API's words, with a retry. Only the loaded state reaches `children`, with the thing typed as present.
 */
export function QueryResult<TData, T>({
  query,
  what,
  select,
  notFound,
  waiting = false,
  children,
}: QueryResultProps<TData, T>) {
  const { data, loading, error, refetch } = query;
  const thing = data === undefined ? null : select(data);
  if (thing !== null && thing !== undefined && data !== undefined) return <>{children(thing, data)}</>;
  if ((loading || waiting) && data === undefined) return <Loading what={what} />;
  if (error && !isNotFound(error)) return <QueryFailure error={error} what={what} retry={refetch} />;
  return <NotFoundState {...notFound} />;
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

/**
 * A query that failed: a connection problem reads as one ("you are offline" when the browser says so), anything
 * else in the API's words; all offer a retry.
 */
export function QueryFailure({
  error,
  what,
  retry,
}: {
  error: unknown;
  what: string;
  retry?: () => unknown;
}) {
  const unreachable = isUnreachable(error);
  if (unreachable && isOffline()) {
    return (
      <ErrorBanner title="You are offline">
        <p>Loading {what} needs a connection. Try again once you are back online.</p>
        {retry && <Button onClick={() => void retry()}>Try again</Button>}
      </ErrorBanner>
    );
  }
  return (
    <ErrorBanner title={unreachable ? 'We could not reach Service Programme' : `Could not load ${what}`}>
      <p>{unreachable ? 'Check your connection and try again.' : describeError(error)}</p>
      {retry && <Button onClick={() => void retry()}>Try again</Button>}
    </ErrorBanner>
  );
}

function NotFoundState({ title, message, back }: NotFound) {
  return (
    <>
      <title>{`${title} · Service Programme`}</title>
      <div className="page-heading">
        <h1>{title}</h1>
        <p className="lead" role="alert">
          {message}
        </p>
      </div>
      <p>{back}</p>
    </>
  );
}
