import { useId, type InputHTMLAttributes } from 'react';

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'name' | 'aria-invalid' | 'aria-describedby'
>;

interface TextFieldProps extends InputProps {
  name: string;
  label: string;
  /** Guidance shown under the label, before anything has gone wrong. */
  hint?: string;
  /** The API's messages for this field; the input is marked invalid while there are any. */
  errors?: readonly string[] | undefined;
}

/** A labelled input whose hint and errors are tied to it, so assistive technology reads them with the field. */
export function TextField({ name, label, hint, errors = [], type = 'text', ...input }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={errorId ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        {...input}
        id={id}
        name={name}
        type={type}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
      />
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
