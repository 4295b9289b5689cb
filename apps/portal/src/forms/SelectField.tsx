import { useId, type SelectHTMLAttributes } from 'react';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name'> {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  errors?: readonly string[] | undefined;
  /** Offered first with an empty value, e.g. "Any status". */
  placeholder?: string;
}

/** A labelled select whose errors are tied to it, like TextField. */
export function SelectField({ name, label, options, errors = [], placeholder, ...select }: SelectFieldProps) {
  const id = useId();
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  return (
    <div className={errorId ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select
        {...select}
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errorId && (
        <div className="field-error" id={errorId}>
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
    </div>
  );
}

/** Options from a label record such as ENGAGEMENT_STATUS_LABELS. */
export function optionsFrom<K extends string>(labels: Record<K, string>) {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}
