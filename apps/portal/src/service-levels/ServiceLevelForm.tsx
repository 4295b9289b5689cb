import {
  SERVICE_EVENT_KIND_LABELS,
  SERVICE_PERIOD_LABELS,
  THRESHOLD_UNIT_LABELS,
  WEEKDAYS,
  WEEKDAY_LABELS,
  type ServiceEventKind,
  type ServicePeriodKind,
  type ThresholdUnit,
  type Weekday,
} from '@csp/domain';
import { useId, useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SelectField, optionsFrom } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextAreaField } from '../forms/TextAreaField';
import { TextField } from '../forms/TextField';
import { useMutationForm, type Payload } from '../forms/useMutationForm';
import type { UserErrorLike } from '../forms/field-errors';
import type { ServiceLevelDefinitionInput } from '../generated/graphql';
import { Button } from '../ui/Button';
import { browserTimeZone, timeZoneNames } from './figures';
import { shareFromPercent } from './percent';
import './service-levels.css';

/** What the form starts from: a suggestion from the promise's standard, or the definition in force. */
export interface DefinitionValues {
  name: string;
  eventKind: ServiceEventKind;
  goodRule: string;
  threshold: { value: number; unit: ThresholdUnit } | null;
  targetPercent: string;
  period: ServicePeriodKind;
  timeZone: string;
  businessHours: readonly { day: Weekday; opens: string; closes: string }[] | null;
  exclusionRule: string;
}

const D = 'definition';
type DayField =
  `definition.businessHours.${Weekday}` | `definition.businessHours.${Weekday}.${'opens' | 'closes'}`;
const DAY_FIELDS: DayField[] = WEEKDAYS.flatMap((day) => [
  `${D}.businessHours.${day}` as const,
  `${D}.businessHours.${day}.opens` as const,
  `${D}.businessHours.${day}.closes` as const,
]);
export const DEFINITION_FIELDS = [
  `${D}.name`,
  `${D}.eventKind`,
  `${D}.goodRule`,
  `${D}.threshold.value`,
  `${D}.threshold.unit`,
  `${D}.target`,
  `${D}.period`,
  `${D}.timeZone`,
  `${D}.businessHours`,
  ...DAY_FIELDS,
  `${D}.exclusionRule`,
  'promiseKey',
  'expectedRevision',
] as const;
type Field = (typeof DEFINITION_FIELDS)[number];

export function newDefinitionValues(start: Partial<DefinitionValues>): DefinitionValues {
  return {
    name: '',
    eventKind: 'CALL',
    goodRule: '',
    threshold: null,
    targetPercent: '',
    period: 'WEEK',
    timeZone: browserTimeZone(),
    businessHours: null,
    exclusionRule: '',
    ...start,
  };
}

type Read =
  | { ok: true; definition: ServiceLevelDefinitionInput; days: Weekday[] }
  | { ok: false; errors: UserErrorLike[] };

/** The form's text as the API's input; what cannot be sent at all (a target that is no percentage) is said here. */
function readDefinition(values: Record<Field, string>): Read {
  const errors: UserErrorLike[] = [];
  const target = shareFromPercent(values[`${D}.target`]);
  if (!target.ok) errors.push({ field: `${D}.target`, message: target.message });
  const thresholdText = values[`${D}.threshold.value`].trim().replace(',', '.');
  const thresholdValue = thresholdText === '' ? null : Number(thresholdText);
  if (thresholdValue !== null && !Number.isFinite(thresholdValue)) {
    errors.push({ field: `${D}.threshold.value`, message: 'The threshold must be a number, e.g. 60.' });
  }
  const days = WEEKDAYS.filter((day) => values[`${D}.businessHours.${day}`] === 'on');
  if (values[`${D}.businessHours`] === 'on' && days.length === 0) {
    errors.push({
      field: `${D}.businessHours`,
      message: 'Tick the days the client is open, or untick business hours.',
    });
  }
  if (errors.length > 0 || !target.ok) return { ok: false, errors };
  const businessHours =
    values[`${D}.businessHours`] === 'on'
      ? days.map((day) => ({
          day,
          opens: values[`${D}.businessHours.${day}.opens`],
          closes: values[`${D}.businessHours.${day}.closes`],
        }))
      : null;
  return {
    ok: true,
    days,
    definition: {
      name: values[`${D}.name`],
      eventKind: values[`${D}.eventKind`] as ServiceEventKind,
      goodRule: values[`${D}.goodRule`],
      threshold:
        thresholdValue === null
          ? null
          : { value: thresholdValue, unit: values[`${D}.threshold.unit`] as ThresholdUnit },
      target: target.share,
      period: values[`${D}.period`] as ServicePeriodKind,
      timeZone: values[`${D}.timeZone`].trim(),
      businessHours,
      exclusionRule: values[`${D}.exclusionRule`],
    },
  };
}

/** `definition.businessHours.2.closes` names the third day sent; the form's inputs are named by the day. */
function byDay(userErrors: readonly UserErrorLike[], days: readonly Weekday[]): UserErrorLike[] {
  return userErrors.map((error) => ({
    ...error,
    field: error.field.replace(/^definition\.businessHours\.(\d+)/, (whole, index: string) => {
      const day = days[Number(index)];
      return day ? `${D}.businessHours.${day}` : whole;
    }),
  }));
}

interface ServiceLevelFormProps<P extends Payload> {
  /** The form's accessible name, e.g. "Measure “We answer quickly”". */
  label: string;
  start: DefinitionValues;
  submitLabel: string;
  pendingLabel: string;
  /** Shown above the buttons: what saving will do. */
  note?: string;
  send: (definition: ServiceLevelDefinitionInput) => Promise<P | null | undefined>;
  onSaved: (payload: P) => unknown;
  onCancel: () => void;
}

/**
 * The definition of a service level, for setting one up from a promise and for changing it later: what an event
 * is, what makes one good, the target as a percentage, the period and the client's time zone, business hours if
 * any, and the rule for abandoned or excluded events, in words.
 */
export function ServiceLevelForm<P extends Payload>({
  label,
  start,
  submitLabel,
  pendingLabel,
  note,
  send,
  onSaved,
  onCancel,
}: ServiceLevelFormProps<P>) {
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(DEFINITION_FIELDS);
  const [withHours, setWithHours] = useState(Boolean(start.businessHours?.length));
  const zonesId = useId();
  const zones = timeZoneNames();
  const e = (field: Field) => errors.byField[field];
  const submit = onSubmit(
    async (values) => {
      const read = readDefinition(values);
      if (!read.ok) return { userErrors: read.errors } as unknown as P;
      const payload = await send(read.definition);
      return payload ? { ...payload, userErrors: byDay(payload.userErrors, read.days) } : payload;
    },
    (_form, payload) => onSaved(payload),
  );
  const hours = new Map((start.businessHours ?? []).map((d) => [d.day, d]));

  return (
    <form ref={formRef} className="form service-level-form" onSubmit={submit} aria-label={label} noValidate>
      <FormProblems failure={failure} errors={errors} />
      <TextField
        name={`${D}.name`}
        label="Name"
        defaultValue={start.name}
        hint="How the service level is called on the charter, the programme and in reports."
        required
        errors={e(`${D}.name`)}
      />
      <SelectField
        name={`${D}.eventKind`}
        label="What counts as an event"
        defaultValue={start.eventKind}
        options={optionsFrom(SERVICE_EVENT_KIND_LABELS)}
        errors={e(`${D}.eventKind`)}
      />
      <div className="definition-rule">
        <TextField
          name={`${D}.goodRule`}
          label="What makes an event good"
          defaultValue={start.goodRule}
          hint="In words, e.g. “answered by a person within”; the threshold, if there is one, goes beside it."
          required
          errors={e(`${D}.goodRule`)}
        />
        <TextField
          name={`${D}.threshold.value`}
          label="Threshold (optional)"
          inputMode="decimal"
          defaultValue={start.threshold ? String(start.threshold.value) : ''}
          errors={e(`${D}.threshold.value`)}
        />
        <SelectField
          name={`${D}.threshold.unit`}
          label="Threshold unit"
          defaultValue={start.threshold?.unit ?? 'SECONDS'}
          options={optionsFrom(THRESHOLD_UNIT_LABELS)}
          errors={e(`${D}.threshold.unit`)}
        />
      </div>
      <div className="definition-judged">
        <TextField
          name={`${D}.target`}
          label="Target (%)"
          inputMode="decimal"
          defaultValue={start.targetPercent}
          hint="The share of valid events that must be good, e.g. 90 or 99.95."
          required
          errors={e(`${D}.target`)}
        />
        <SelectField
          name={`${D}.period`}
          label="Judged over each"
          defaultValue={start.period}
          options={optionsFrom(SERVICE_PERIOD_LABELS)}
          errors={e(`${D}.period`)}
        />
        <TextField
          name={`${D}.timeZone`}
          label="Client’s time zone"
          defaultValue={start.timeZone}
          list={zones.length ? zonesId : undefined}
          hint="Days, weeks and months follow the client’s clock, e.g. Europe/London."
          required
          autoComplete="off"
          errors={e(`${D}.timeZone`)}
        />
        {zones.length > 0 && (
          <datalist id={zonesId}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        )}
      </div>
      <fieldset className="fieldset">
        <legend>Business hours</legend>
        <label className="inline-check">
          <input
            type="checkbox"
            name={`${D}.businessHours`}
            checked={withHours}
            onChange={(event) => setWithHours(event.currentTarget.checked)}
          />
          The client is open at set hours only
        </label>
        <p className="field-hint">
          Local times, HH:MM (24:00 for midnight at the end of the day). A period’s projection then counts the
          hours the client is open, not the hours on the clock.
        </p>
        {e(`${D}.businessHours`) && (
          <div className="field-error">
            {e(`${D}.businessHours`)!.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        )}
        {withHours && (
          <ul className="business-hours">
            {WEEKDAYS.map((day) => {
              const open = hours.get(day);
              const weekday = !['SATURDAY', 'SUNDAY'].includes(day);
              return (
                <li key={day}>
                  <label className="inline-check">
                    <input
                      type="checkbox"
                      name={`${D}.businessHours.${day}`}
                      defaultChecked={start.businessHours ? Boolean(open) : weekday}
                    />
                    {WEEKDAY_LABELS[day]}
                  </label>
                  <TextField
                    name={`${D}.businessHours.${day}.opens`}
                    label={`${WEEKDAY_LABELS[day]} opens`}
                    inputMode="numeric"
                    placeholder="08:00"
                    defaultValue={open?.opens ?? '08:00'}
                    errors={e(`${D}.businessHours.${day}.opens`)}
                  />
                  <TextField
                    name={`${D}.businessHours.${day}.closes`}
                    label={`${WEEKDAY_LABELS[day]} closes`}
                    inputMode="numeric"
                    placeholder="18:00"
                    defaultValue={open?.closes ?? '18:00'}
                    errors={e(`${D}.businessHours.${day}.closes`)}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      <TextAreaField
        name={`${D}.exclusionRule`}
        label="Abandoned and excluded events"
        defaultValue={start.exclusionRule}
        hint="Say which events are left out and why, so anyone reading a figure knows what it is a share of, e.g. “Calls abandoned within 5 seconds are not counted; all others are valid.” If none are, say so: “None: every call counts.”"
        required
        errors={e(`${D}.exclusionRule`)}
      />
      {note && <p className="banner banner-note">{note}</p>}
      <div className="form-buttons">
        <SubmitButton pending={pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
