import type { CharterDiffFieldsFragment } from '../generated/graphql';
import './charters.css';

const PART_LABELS = {
  PURPOSE: 'Purpose (P)',
  WHY: 'Why (W)',
  EVERYTHING_ELSE: 'Over everything else (E)',
} as const;
const FIELD_LABELS = { TITLE: 'Title', DESCRIPTION: 'Description', STANDARD: 'Service standard' } as const;

interface Row {
  id: string;
  label: string;
  before: string;
  after: string;
  kind: 'changed' | 'added' | 'removed' | 'moved';
}

/** Turns the API's diff into side-by-side rows: what the older version said, what the newer one says. */
export function diffRows(diff: CharterDiffFieldsFragment): Row[] {
  return [
    ...diff.purpose.map((p) => ({
      id: `purpose-${p.part}`,
      label: PART_LABELS[p.part],
      before: p.before,
      after: p.after,
      kind: 'changed' as const,
    })),
    ...diff.changed.flatMap((c) =>
      c.fields.map((f) => ({
        id: `changed-${c.key}-${f.field}`,
        label: `${c.title}: ${FIELD_LABELS[f.field].toLowerCase()}`,
        before: f.before ?? '—',
        after: f.after ?? '—',
        kind: 'changed' as const,
      })),
    ),
    ...diff.added.map((a) => ({
      id: `added-${a.key}`,
      label: `Promise ${a.position}`,
      before: '',
      after: a.title,
      kind: 'added' as const,
    })),
    ...diff.removed.map((r) => ({
      id: `removed-${r.key}`,
      label: `Promise ${r.position}`,
      before: r.title,
      after: '',
      kind: 'removed' as const,
    })),
    ...diff.reordered.map((m) => ({
      id: `moved-${m.key}`,
      label: m.title,
      before: `Position ${m.from}`,
      after: `Position ${m.to}`,
      kind: 'moved' as const,
    })),
  ];
}

const KIND_LABELS = { changed: 'Changed', added: 'Added', removed: 'Removed', moved: 'Moved' } as const;

/** Two versions side by side, one row per difference; says so plainly when there is none. */
export function CharterDiffView({ diff }: { diff: CharterDiffFieldsFragment }) {
  const rows = diffRows(diff);
  if (rows.length === 0) {
    return (
      <p className="muted">
        Versions {diff.from.number} and {diff.to.number} say the same thing.
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="table diff-table">
        <caption>
          What changed from version {diff.from.number} to version {diff.to.number}
        </caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Version {diff.from.number}</th>
            <th scope="col">Version {diff.to.number}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={`diff-${row.kind}`}>
              <th scope="row">
                <span className="tag">{KIND_LABELS[row.kind]}</span> {row.label}
              </th>
              <td className="diff-before">
                {row.before ? <del>{row.before}</del> : <span className="muted">—</span>}
              </td>
              <td className="diff-after">
                {row.after ? <ins>{row.after}</ins> : <span className="muted">—</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {diff.summary.length > 0 && (
        <ul className="diff-summary">
          {diff.summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
