import { Button } from '../ui/Button';

export interface Entry {
  id?: string;
  statement: string;
  linked: boolean;
}

/** An editable list of workshop statements, each with a "linked to the point of differentiation" tick. */
export function WorkshopEntries({
  legend,
  noun,
  entries,
  onChange,
  errors = [],
}: {
  legend: string;
  noun: string;
  entries: Entry[];
  onChange: (entries: Entry[]) => void;
  errors?: readonly string[] | undefined;
}) {
  const set = (index: number, patch: Partial<Entry>) =>
    onChange(entries.map((e, i) => (i === index ? { ...e, ...patch } : e)));
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {entries.length === 0 && <p className="muted">None yet.</p>}
      <ol className="entry-list">
        {entries.map((entry, index) => (
          <li key={entry.id ?? `new-${index}`}>
            <label className="visually-hidden" htmlFor={`${noun}-${index}`}>
              {`${noun[0]?.toUpperCase()}${noun.slice(1)} ${index + 1}`}
            </label>
            <input
              id={`${noun}-${index}`}
              value={entry.statement}
              onChange={(event) => set(index, { statement: event.target.value })}
            />
            <label className="inline-check">
              <input
                type="checkbox"
                checked={entry.linked}
                onChange={(event) => set(index, { linked: event.target.checked })}
              />{' '}
              Linked
            </label>
            <Button
              size="small"
              onClick={() => onChange(entries.filter((_, i) => i !== index))}
              aria-label={`Remove ${noun} ${index + 1}`}
            >
              Remove
            </Button>
          </li>
        ))}
      </ol>
      {errors.length > 0 && (
        <div className="field-error" role="alert">
          {errors.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      <Button size="small" onClick={() => onChange([...entries, { statement: '', linked: false }])}>
        Add a {noun}
      </Button>
    </fieldset>
  );
}
