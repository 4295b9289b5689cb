/** Shown while the first page's code and the visitor's session load; usually for a blink. */
export function PageLoading() {
  return (
    <div className="page-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>Loading Service Programme…</span>
    </div>
  );
}
