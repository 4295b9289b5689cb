import { HIRING_CATEGORY_LABELS, weightTotal, weightTotalProblem } from '@csp/domain';
import type { HiringCategory } from '../generated/graphql';
import { optionsFrom } from '../forms/SelectField';
import { newCriterion, weightOf, type CriterionDraft } from './criteria-state';
import { Button } from '../ui/Button';
import './hiring.css';

interface WeightEditorProps {
  criteria: readonly CriterionDraft[];
  onChange: (criteria: CriterionDraft[]) => void;
  /** The API's messages for a path such as `criteria.2.weight`. */
  errors?: (path: string) => readonly string[] | undefined;
}

const CATEGORY_OPTIONS = optionsFrom(HIRING_CATEGORY_LABELS);

/**
 * A role profile's criteria with their weights, and the live total the shared rules judge (`weightTotal`,
 * `weightTotalProblem`): it must reach exactly 100 before candidates can be scored.
 */
export function WeightEditor({ criteria, onChange, errors = () => undefined }: WeightEditorProps) {
  const total = weightTotal(criteria.map((c) => ({ weight: weightOf(c) })));
  const problem = weightTotalProblem(total);
  const set = (index: number, patch: Partial<CriterionDraft>) =>
    onChange(criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <div className="weight-editor">
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Category</th>
              <th scope="col">Weight</th>
              <th scope="col">Must-have</th>
              <th scope="col">Evidence or interview question</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c, i) => {
              const n = i + 1;
              const rowErrors = [
                ...(errors(`criteria.${i}.title`) ?? []),
                ...(errors(`criteria.${i}.weight`) ?? []),
                ...(errors(`criteria.${i}.evidence`) ?? []),
                ...(errors(`criteria.${i}`) ?? []),
              ];
              return (
                <tr key={c.localId}>
                  <td>
                    <input
                      aria-label={`Criterion ${n} title`}
                      value={c.title}
                      aria-invalid={errors(`criteria.${i}.title`) ? true : undefined}
                      onChange={(e) => set(i, { title: e.target.value })}
                    />
                    {rowErrors.length > 0 && (
                      <div className="field-error">
                        {rowErrors.map((m) => (
                          <p key={m}>{m}</p>
                        ))}
                      </div>
                    )}
                  </td>
                  <td>
                    <select
                      aria-label={`Criterion ${n} category`}
                      value={c.category}
                      onChange={(e) => set(i, { category: e.target.value as HiringCategory })}
                    >
                      {CATEGORY_OPTIONS.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={`Criterion ${n} weight`}
                      className="weight-input"
                      type="number"
                      min={1}
                      max={100}
                      step={1}
                      value={c.weight}
                      aria-invalid={errors(`criteria.${i}.weight`) ? true : undefined}
                      onChange={(e) => set(i, { weight: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Criterion ${n} is a must-have`}
                      checked={c.mustHave}
                      onChange={(e) => set(i, { mustHave: e.target.checked })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Criterion ${n} evidence`}
                      value={c.evidence}
                      onChange={(e) => set(i, { evidence: e.target.value })}
                    />
                  </td>
                  <td>
                    <Button
                      size="small"
                      aria-label={`Remove criterion ${n}`}
                      onClick={() => onChange(criteria.filter((_, j) => j !== i))}
                    >
                      Remove
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className={problem ? 'weight-total weight-total-off' : 'weight-total weight-total-ok'} role="status">
        Total weight: <strong>{total}</strong> of 100. {problem ?? 'Ready to score candidates.'}
      </p>
      {errors('criteria') && (
        <div className="field-error">
          {errors('criteria')?.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      <Button onClick={() => onChange([...criteria, newCriterion()])}>Add a criterion</Button>
    </div>
  );
}
