import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { CsvFilePicker } from '../forms/CsvFilePicker';
import { CsvUploadStatus } from '../forms/CsvUploadStatus';
import { downloadText, rowHasErrors } from '../forms/csv';
import { SubmitButton } from '../forms/SubmitButton';
import type { UserErrorLike } from '../forms/field-errors';
import { useMutationForm } from '../forms/useMutationForm';
import type { RecordComplaintsMutation as Answer } from '../generated/graphql';
import { Button } from '../ui/Button';
import { formatNumber } from '../ui/format';
import {
  COMPLAINT_CSV_COLUMNS,
  COMPLAINT_CSV_HEADER,
  COMPLAINT_CSV_LABELS,
  exampleComplaintCsv,
  readComplaintCsv,
  sendableComplaintRows,
  withComplaintErrors,
  type ComplaintCsvRow,
  type ComplaintCsvUpload,
} from './csv';
import { ComplaintTimeZoneQuery, RecordComplaintsMutation } from './documents';

type Result = NonNullable<Answer['recordComplaints']>;

interface Preview {
  fileName: string;
  upload: ComplaintCsvUpload;
  rows: ComplaintCsvRow[];
  sent: ComplaintCsvRow[];
  /** What the dry run said would happen, once it found nothing wrong. */
  checked: Result | null;
}

const FIELDS = ['rows'] as const;

/**
 * Complaints from a CSV export: read in the browser, checked whole by the API (`recordComplaints` with `dryRun`)
 * without writing, shown as a preview with each problem on its line and column, and recorded all together only
 * when nothing is wrong. A row whose reference was sent before replaces that complaint.
 */
export function ComplaintUpload({ clientId, onRecorded }: { clientId: string; onRecorded: () => unknown }) {
  const zone = useQuery(ComplaintTimeZoneQuery, { variables: { clientId } });
  const timeZone = zone.data?.client?.complaintPatterns.timeZone ?? 'UTC';
  const [record] = useMutation(RecordComplaintsMutation);
  const { formRef, pending, failure, run } = useMutationForm(FIELDS);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [recorded, setRecorded] = useState<Result | null>(null);
  const [general, setGeneral] = useState<UserErrorLike[]>([]);
  const fileRef = useRef<HTMLInputElement>(null);

  async function send(rows: readonly ComplaintCsvRow[], dryRun: boolean) {
    let answer: Result | null = null;
    const saved = await run(async () => {
      answer =
        (
          await record({
            variables: { input: { clientId, dryRun, rows: rows.map((row) => row.complaint!) } },
          })
        ).data?.recordComplaints ?? null;
      return answer;
    });
    return { saved, answer: answer as Result | null };
  }

  function judge(base: Preview, answer: Result): Preview {
    const marked = withComplaintErrors(base.rows, base.sent, answer.userErrors);
    setGeneral(marked.general);
    return { ...base, rows: marked.rows, checked: answer.userErrors.length === 0 ? answer : null };
  }

  async function check(file: File) {
    setRecorded(null);
    setGeneral([]);
    const upload = readComplaintCsv(await file.text(), timeZone);
    const sent = sendableComplaintRows(upload);
    const base: Preview = { fileName: file.name, upload, rows: upload.rows, sent, checked: null };
    if (upload.problems.length > 0 || sent.length === 0) {
      setPreview(base);
      return;
    }
    const { answer } = await send(sent, true);
    setPreview(answer ? judge(base, answer) : base);
  }

  async function commit() {
    if (!preview) return;
    const { saved, answer } = await send(preview.sent, false);
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

  return (
    <CsvFilePicker
      className="complaint-upload"
      label="Complaints CSV file"
      pending={pending}
      inputRef={fileRef}
      onFile={check}
      hint={
        <>
          One complaint a line, as your CRM or spreadsheet exports them, under a header such as{' '}
          <code>{COMPLAINT_CSV_HEADER}</code>. Received at, channel, category, severity and what happened are
          needed; times are ISO 8601 with their offset (2026-11-30T09:00:00Z) or local times (2026-11-30
          09:00, read in {timeZone}); the category is its name in the client’s list, and the touch point
          (optional) its name on the client’s journey. A line with a reference sent before replaces that
          complaint. Nothing is recorded while any line is wrong.{' '}
          <Button size="small" onClick={() => downloadText('complaints-example.csv', exampleComplaintCsv())}>
            Download an example file
          </Button>
        </>
      }
    >
      <form
        ref={formRef}
        className="form"
        aria-label="Record the uploaded complaints"
        onSubmit={(event) => {
          event.preventDefault();
          void commit();
        }}
      >
        <CsvUploadStatus
          failure={failure}
          general={general}
          pending={pending}
          preview={preview}
          summary={preview ? summaryText(preview, badRows.length) : ''}
          recorded={recorded && recordedText(recorded)}
          columns={COMPLAINT_CSV_COLUMNS}
          labels={COMPLAINT_CSV_LABELS}
        >
          {preview && badRows.length === 0 && preview.checked && (
            <div className="form-buttons">
              <SubmitButton pending={pending} pendingLabel="Recording…">
                {`Record ${formatNumber(preview.sent.length)} ${preview.sent.length === 1 ? 'complaint' : 'complaints'}`}
              </SubmitButton>
              <Button onClick={() => setPreview(null)}>Discard</Button>
            </div>
          )}
        </CsvUploadStatus>
      </form>
    </CsvFilePicker>
  );
}

function summaryText(preview: Preview, bad: number): string {
  const one = preview.rows.length === 1;
  const total = formatNumber(preview.rows.length);
  if (bad > 0) {
    const rows = one
      ? `The 1 row in ${preview.fileName} needs`
      : `${formatNumber(bad)} of ${total} rows in ${preview.fileName} ${bad === 1 ? 'needs' : 'need'}`;
    return `${rows} fixing. Nothing has been recorded: correct ${bad === 1 ? 'that row' : 'them'} in the file and choose it again.`;
  }
  if (preview.checked) {
    const { added, replaced, unchanged } = preview.checked;
    const more = [
      replaced > 0
        ? `${formatNumber(replaced)} replacing ${replaced === 1 ? 'a complaint' : 'complaints'} already recorded`
        : '',
      unchanged > 0
        ? `${formatNumber(unchanged)} already recorded as ${unchanged === 1 ? 'it is' : 'they are'}`
        : '',
    ].filter(Boolean);
    const rows = one
      ? `The 1 row of ${preview.fileName} is good`
      : `All ${total} rows of ${preview.fileName} are good`;
    return `${rows}: ${[`${formatNumber(added)} new`, ...more].join(', ')}. Nothing is recorded until you confirm.`;
  }
  return `The rows of ${preview.fileName} could not be checked.`;
}

function recordedText(result: Result): string {
  const parts = [`${formatNumber(result.added)} new`];
  if (result.replaced) parts.push(`${formatNumber(result.replaced)} replaced`);
  if (result.unchanged) parts.push(`${formatNumber(result.unchanged)} unchanged`);
  return `Recorded: ${parts.join(', ')}.`;
}
