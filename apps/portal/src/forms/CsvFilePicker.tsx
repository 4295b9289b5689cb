import { useId, type ReactNode, type Ref } from 'react';

/**
 * A CSV upload's section: its title, what the file must hold (`hint`, with the example's download), and the file
 * input, which reads nothing itself: `onFile` gets the chosen file. What the feature shows of the file (the preview,
 * its form) comes as children, inside the same section. The input is disabled while the upload is `pending`;
 * `inputRef` lets the feature clear the choice once the file is recorded, so the same file can be chosen again.
 */
export function CsvFilePicker({
  className,
  label,
  hint,
  pending,
  onFile,
  inputRef,
  children,
}: {
  className: string;
  /** The input's label, unique on the page ("Complaints CSV file"). */
  label: string;
  hint: ReactNode;
  pending: boolean;
  onFile: (file: File) => unknown;
  inputRef?: Ref<HTMLInputElement>;
  children?: ReactNode;
}) {
  const fileId = useId();
  const hintId = useId();
  return (
    <section className={className} aria-labelledby={`${fileId}-title`}>
      <h3 id={`${fileId}-title`}>Upload a CSV file</h3>
      <p className="field-hint" id={hintId}>
        {hint}
      </p>
      <div className="field">
        <label htmlFor={fileId}>{label}</label>
        <input
          ref={inputRef}
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={hintId}
          disabled={pending}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void onFile(file);
          }}
        />
      </div>
      {children}
    </section>
  );
}
