import { formatNumber } from '../ui/format';
import { rowHasErrors, type CheckedCsvRow } from './csv';
import './csv-upload.css';

/** A preview lists every row with a problem, but only the first few good ones: a file may hold thousands. */
const SAMPLE = 12;
const MAX_SHOWN = 200;

/**
 * The preview of an uploaded CSV file: the rows to fix (each problem on its cell, or on the row), or when there
 * are none the first rows as they will be sent. Cells are shown as text, whatever they hold.
 */
export function CsvPreviewTable<C extends string>({
  rows,
  columns,
  labels,
}: {
  rows: readonly CheckedCsvRow<C>[];
  columns: readonly C[];
  /** The column headings; the column's own name when left out. */
  labels?: Partial<Record<C, string>>;
}) {
  const bad = rows.filter(rowHasErrors);
  const shown = (bad.length > 0 ? bad : rows.slice(0, SAMPLE)).slice(0, MAX_SHOWN);
  const caption =
    bad.length > 0
      ? `The rows to fix${bad.length > shown.length ? ` (the first ${formatNumber(shown.length)})` : ''}, by their line in the file.`
      : `The first ${formatNumber(shown.length)} of ${formatNumber(rows.length)} rows.`;
  return (
    // A file's columns can be wider than the page: the scrolled box takes the keyboard's focus, so it can be scrolled
    // without a mouse (axe: scrollable-region-focusable).
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="table upload-preview">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {labels?.[column] ?? column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.line} className={rowHasErrors(row) ? 'row-invalid' : undefined}>
              <th scope="row">
                Line {row.line}
                {row.errors.row?.map((message) => (
                  <span key={message} className="cell-error">
                    {message}
                  </span>
                ))}
              </th>
              {columns.map((column) => {
                const messages = row.errors[column];
                return (
                  <td key={column} className={messages ? 'cell-invalid' : undefined}>
                    <span className="cell-value">{row.cells[column] || '—'}</span>
                    {messages?.map((message) => (
                      <span key={message} className="cell-error">
                        {message}
                      </span>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
