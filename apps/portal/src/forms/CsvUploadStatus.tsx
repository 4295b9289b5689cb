import type { ReactNode } from 'react';
import { CsvPreviewTable } from './CsvPreviewTable';
import { rowHasErrors, type CheckedCsvRow } from './csv';
import { FormProblems } from './FormProblems';
import type { UserErrorLike } from './field-errors';

/**
 * Where a CSV upload stands, above its buttons: the file's problems and the API's errors that name no row, the
 * check under way, what was recorded, and the preview (its summary, the columns left out, the rows). What the
 * feature adds under the preview (a reason, the buttons) comes as children.
 */
export function CsvUploadStatus<C extends string>({
  failure,
  general,
  pending,
  preview,
  summary,
  recorded,
  columns,
  labels,
  children,
}: {
  failure: string | null;
  /** The API's errors that name no row of the file. */
  general: readonly UserErrorLike[];
  pending: boolean;
  preview: {
    upload: { problems: readonly string[]; ignoredColumns: readonly string[] };
    rows: readonly CheckedCsvRow<C>[];
  } | null;
  /** What the preview says of the file; shown only with a preview. */
  summary: string;
  /** What was recorded, once it was. */
  recorded: string | null;
  columns: readonly C[];
  labels?: Partial<Record<C, string>>;
  children?: ReactNode;
}) {
  const bad = preview ? preview.rows.filter(rowHasErrors).length : 0;
  return (
    <>
      <FormProblems
        failure={failure}
        errors={{
          byField: {},
          general: [...(preview?.upload.problems ?? []), ...general.map((e) => e.message)],
        }}
        title="Could not check the file"
      />
      {pending && !preview && <p role="status">Checking the file…</p>}
      {recorded && (
        <p role="status" className="banner banner-note">
          {recorded}
        </p>
      )}
      {preview && preview.upload.problems.length === 0 && (
        <>
          <p role="status" className={bad ? 'banner banner-error' : 'banner banner-note'}>
            {summary}
          </p>
          {preview.upload.ignoredColumns.length > 0 && (
            <p className="muted">Left out: the columns {preview.upload.ignoredColumns.join(', ')}.</p>
          )}
          <CsvPreviewTable rows={preview.rows} columns={columns} labels={labels} />
          {children}
        </>
      )}
    </>
  );
}
