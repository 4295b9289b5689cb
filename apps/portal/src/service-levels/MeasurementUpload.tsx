import { useMutation } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { CsvFilePicker } from '../forms/CsvFilePicker';
import { CsvUploadStatus } from '../forms/CsvUploadStatus';
import { downloadText } from '../forms/csv';
import { SubmitButton } from '../forms/SubmitButton';
import { TextAreaField } from '../forms/TextAreaField';
import type { UserErrorLike } from '../forms/field-errors';
import { useMutationForm } from '../forms/useMutationForm';
import type { MeasurementIntervalInput, RecordMeasurementsMutation as Answer } from '../generated/graphql';
import { Button } from '../ui/Button';
import { formatNumber } from '../ui/format';
import {
  CSV_COLUMNS,
  CSV_HEADER,
  asksForCorrectionReason,
  badRowErrors,
  exampleCsv,
  linesNamed,
  readMeasurementCsv,
  rowHasErrors,
  sendableRows,
  withApiErrors,
  type CsvRow,
  type CsvUpload,
} from './csv';
import { RecordMeasurementsMutation } from './documents';

type Result = NonNullable<Answer['recordMeasurements']>;

interface Preview {
  fileName: string;
  upload: CsvUpload;
  rows: CsvRow[];
  sent: CsvRow[];
  /** What the dry run said would happen, once it found nothing wrong. */
  checked: Result | null;
  /** The API asked for a correction reason: the file changes figures of a closed period. */
  asksReason: boolean;
  /** Lines of rows that change figures of a closed period. */
  closedLines: number[];
}

const FIELDS = ['correctionReason', 'intervals'] as const;

function toInput(serviceLevelId: string, row: CsvRow): MeasurementIntervalInput {
  const interval = row.interval!;
  return { serviceLevelId, ...interval };
}

/**
 * Measurements from a CSV file: read in the browser, checked whole by the API (`dryRun`) without writing, shown as
 * a preview with each problem on its row and column, and recorded only when nothing is wrong. A file that changes
 * a closed period's figures asks for the reason, which is kept with the correction.
 */
export function MeasurementUpload({
  serviceLevelId,
  timeZone,
  onRecorded,
}: {
  serviceLevelId: string;
  timeZone: string;
  onRecorded: () => unknown;
}) {
  const [record] = useMutation(RecordMeasurementsMutation);
  const { formRef, pending, errors, failure, run } = useMutationForm(FIELDS);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [recorded, setRecorded] = useState<Result | null>(null);
  const [general, setGeneral] = useState<UserErrorLike[]>([]);
  const fileRef = useRef<HTMLInputElement>(null);

  async function send(rows: readonly CsvRow[], dryRun: boolean, correctionReason: string | null) {
    let answer: Result | null = null;
    const saved = await run(async () => {
      answer =
        (
          await record({
            variables: {
              input: {
                intervals: rows.map((row) => toInput(serviceLevelId, row)),
                dryRun,
                correctionReason,
              },
            },
          })
        ).data?.recordMeasurements ?? null;
      return answer;
    });
    return { saved, answer: answer as Result | null };
  }

  async function check(file: File) {
    setRecorded(null);
    setGeneral([]);
    const upload = readMeasurementCsv(await file.text(), timeZone);
    const sent = sendableRows(upload);
    const base: Preview = {
      fileName: file.name,
      upload,
      rows: upload.rows,
      sent,
      checked: null,
      asksReason: false,
      closedLines: [],
    };
    if (upload.problems.length > 0 || sent.length === 0) {
      setPreview(base);
      return;
    }
    const { answer } = await send(sent, true, null);
    if (!answer) {
      setPreview(base);
      return;
    }
    setPreview(judge(base, answer));
  }

  /** Puts the API's answer on the rows; the request for a correction reason is no fault of a row. */
  function judge(base: Preview, answer: Result): Preview {
    const faults = badRowErrors(answer.userErrors);
    const marked = withApiErrors(base.rows, base.sent, faults);
    setGeneral(marked.general);
    const closedLines = linesNamed(
      base.sent,
      answer.userErrors.filter((e) => !faults.includes(e)),
    );
    const clean = answer.userErrors.length === 0;
    const asksReason = asksForCorrectionReason(answer.userErrors);
    return { ...base, rows: marked.rows, checked: clean ? answer : null, asksReason, closedLines };
  }

  async function commit(reason: string | null) {
    if (!preview) return;
    const { saved, answer } = await send(preview.sent, false, reason);
    if (saved) {
      setRecorded(saved);
      setPreview(null);
      if (fileRef.current) fileRef.current.value = '';
      await onRecorded();
    } else if (answer) {
      setPreview(judge({ ...preview, rows: preview.upload.rows }, answer));
    }
  }

  const badRows = preview ? preview.rows.filter(rowHasErrors) : [];
  const needsReason = Boolean(
    preview && badRows.length === 0 && preview.upload.problems.length === 0 && preview.asksReason,
  );

  return (
    <CsvFilePicker
      className="measurement-upload"
      label="CSV file"
      pending={pending}
      inputRef={fileRef}
      onFile={check}
      hint={
        <>
          One interval a line, under the header <code>{CSV_HEADER}</code>: start and end of the interval (ISO
          8601 with its offset, e.g. 2026-11-30T09:00:00Z, or a local time such as 2026-11-30 09:00, read in{' '}
          {timeZone}), then how many events were good, how many were valid, and how many were left out under
          the exclusion rule (may be left empty). The end is not part of the interval; an interval sent again
          with the same start and end replaces the one recorded.{' '}
          <Button size="small" onClick={() => downloadExample(timeZone)}>
            Download an example file
          </Button>
        </>
      }
    >
      <form
        ref={formRef}
        className="form"
        aria-label="Record the uploaded measurements"
        onSubmit={(event) => {
          event.preventDefault();
          const reason = new FormData(event.currentTarget).get('correctionReason');
          void commit(needsReason ? String(reason ?? '') : null);
        }}
      >
        <CsvUploadStatus
          failure={failure}
          general={general}
          pending={pending}
          preview={preview}
          summary={preview ? summaryText(preview, badRows.length) : ''}
          recorded={recorded && recordedText(recorded)}
          columns={CSV_COLUMNS}
        >
          {preview && needsReason && (
            <TextAreaField
              name="correctionReason"
              label="Reason for the correction"
              hint={`${closedText(preview.closedLines)} figures of periods that have closed and were already judged. Say why (e.g. “The platform’s export for 24 November missed the evening shift.”); the reason is kept with the correction, for the client to see.`}
              required
              errors={errors.byField.correctionReason}
            />
          )}
          {preview && badRows.length === 0 && (preview.checked || needsReason) && (
            <div className="form-buttons">
              <SubmitButton pending={pending} pendingLabel="Recording…">
                {needsReason
                  ? `Record ${formatNumber(preview.sent.length)} intervals with this reason`
                  : `Record ${formatNumber(preview.sent.length)} intervals`}
              </SubmitButton>
              <Button onClick={() => setPreview(null)}>Discard</Button>
            </div>
          )}
        </CsvUploadStatus>
      </form>
    </CsvFilePicker>
  );
}

function closedText(lines: readonly number[]): string {
  if (lines.length === 0) return 'The file changes';
  if (lines.length === 1) return `Line ${lines[0]} changes`;
  return `Lines ${lines.join(', ')} change`;
}

function summaryText(preview: Preview, bad: number): string {
  const total = formatNumber(preview.rows.length);
  if (bad > 0) {
    return `${formatNumber(bad)} of ${total} rows in ${preview.fileName} need fixing. Nothing has been recorded: correct them in the file and choose it again.`;
  }
  if (preview.checked) {
    const { added, replaced } = preview.checked;
    const replacing = replaced > 0 ? `, ${formatNumber(replaced)} replacing intervals already recorded` : '';
    return `All ${total} rows of ${preview.fileName} are good: ${formatNumber(added)} new${replacing}. Nothing is recorded until you confirm.`;
  }
  return `All ${total} rows of ${preview.fileName} are good, but some change periods that have closed: give the reason below.`;
}

function recordedText(result: Result): string {
  const parts = [`${formatNumber(result.added)} new`];
  if (result.replaced) parts.push(`${formatNumber(result.replaced)} replaced`);
  if (result.corrected) {
    parts.push(
      `${formatNumber(result.corrected)} closed ${result.corrected === 1 ? 'period' : 'periods'} corrected`,
    );
  }
  return `Recorded: ${parts.join(', ')}.`;
}

function downloadExample(timeZone: string) {
  downloadText('measurements-example.csv', exampleCsv(timeZone));
}
