import { useMutation, useQuery } from '@apollo/client/react';
import { CHANNEL_LABELS, CHANNELS, type Channel } from '@csp/domain';
import { FormProblems } from '../forms/FormProblems';
import { SelectField } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { useMutationForm } from '../forms/useMutationForm';
import { Button } from '../ui/Button';
import {
  LinkCriterionMutation,
  LinkPromiseMutation,
  TouchPointChoicesQuery,
  UnlinkCriterionMutation,
  UnlinkPromiseMutation,
  UpdateTouchPointMutation,
} from './documents';

/** Changes a touch point's name, channel and owning team in one save (the API's `updateTouchPoint`). */
export function TouchPointDetailsForm({
  point,
  onSaved,
}: {
  point: { id: string; name: string; channel: Channel; owningTeam: string };
  onSaved: () => void;
}) {
  const [update] = useMutation(UpdateTouchPointMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm([
    'name',
    'channel',
    'owningTeam',
  ] as const);
  return (
    <form
      ref={formRef}
      className="inline-form"
      aria-label="Change the touch point"
      onSubmit={onSubmit(
        async (values) =>
          (
            await update({
              variables: {
                input: {
                  id: point.id,
                  name: values.name,
                  channel: values.channel as Channel,
                  owningTeam: values.owningTeam,
                },
              },
            })
          ).data?.updateTouchPoint,
        () => onSaved(),
      )}
    >
      <FormProblems failure={failure} errors={errors} />
      <TextField name="name" label="Name" defaultValue={point.name} errors={errors.byField.name} />
      <SelectField
        name="channel"
        label="Channel"
        defaultValue={point.channel}
        options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
        errors={errors.byField.channel}
      />
      <TextField
        name="owningTeam"
        label="Owning team"
        defaultValue={point.owningTeam}
        errors={errors.byField.owningTeam}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save changes
      </SubmitButton>
    </form>
  );
}

/**
 * Links a promise of the client's published charter, or unlinks one; the promises already linked are not offered.
 * Without a published charter there is nothing to link, and it says so.
 */
export function PromiseLinkForm({
  touchPointId,
  clientId,
  linked,
  onSaved,
}: {
  touchPointId: string;
  clientId: string;
  linked: readonly string[];
  onSaved: () => void;
}) {
  const choices = useQuery(TouchPointChoicesQuery, { variables: { clientId } });
  const [link] = useMutation(LinkPromiseMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(['promiseKey'] as const);
  const promises = (choices.data?.client?.charter?.published?.promises ?? []).filter(
    (p) => !linked.includes(p.key),
  );
  if (!choices.data) return null;
  if (!choices.data.client?.charter?.published)
    return <p className="muted">Publish the client’s charter to link its promises here.</p>;
  if (promises.length === 0) return <p className="muted">Every promise of the charter is linked.</p>;
  return (
    <form
      ref={formRef}
      className="inline-form"
      aria-label="Link a promise"
      onSubmit={onSubmit(
        async (values) =>
          (await link({ variables: { input: { id: touchPointId, promiseKey: values.promiseKey } } })).data
            ?.linkTouchPointPromise,
        () => onSaved(),
      )}
    >
      <FormProblems failure={failure} errors={errors} />
      <SelectField
        name="promiseKey"
        label="Promise"
        options={promises.map((p) => ({ value: p.key, label: p.title }))}
        errors={errors.byField.promiseKey}
      />
      <SubmitButton pending={pending} pendingLabel="Linking…">
        Link promise
      </SubmitButton>
    </form>
  );
}

/** A criterion as `framework/criterion`, the one value a select can carry. */
const criterionValue = (frameworkKey: string, criterionKey: string) => `${frameworkKey}/${criterionKey}`;

/**
 * The wording of each criterion by `framework/criterion`, and the criteria the touch point may be linked to: those
 * of the frameworks the client has been audited on (the API refuses others).
 */
export function useCriterionChoices(clientId: string) {
  const choices = useQuery(TouchPointChoicesQuery, { variables: { clientId } });
  const audited = new Set((choices.data?.client?.audits ?? []).map((a) => a.framework.key));
  const wording = new Map<string, { framework: string; prompt: string }>();
  const offered: { value: string; label: string }[] = [];
  for (const framework of choices.data?.auditFrameworks ?? [])
    for (const section of framework.sections)
      for (const criterion of section.criteria) {
        const value = criterionValue(framework.key, criterion.key);
        wording.set(value, { framework: framework.name, prompt: criterion.prompt });
        if (audited.has(framework.key))
          offered.push({ value, label: `${framework.name}: ${criterion.prompt}` });
      }
  return { loaded: Boolean(choices.data), wording, offered };
}

export function CriterionLinkForm({
  touchPointId,
  clientId,
  linked,
  onSaved,
}: {
  touchPointId: string;
  clientId: string;
  linked: readonly { frameworkKey: string; criterionKey: string }[];
  onSaved: () => void;
}) {
  const { loaded, offered } = useCriterionChoices(clientId);
  const [link] = useMutation(LinkCriterionMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm([
    'criterion',
    'frameworkKey',
    'criterionKey',
  ] as const);
  const taken = new Set(linked.map((c) => criterionValue(c.frameworkKey, c.criterionKey)));
  const options = offered.filter((o) => !taken.has(o.value));
  if (!loaded) return null;
  if (offered.length === 0)
    return <p className="muted">Audit the client on a framework to link its criteria here.</p>;
  if (options.length === 0) return null;
  return (
    <form
      ref={formRef}
      className="inline-form"
      aria-label="Link an audit criterion"
      onSubmit={onSubmit(
        async (values) => {
          const [frameworkKey = '', criterionKey = ''] = values.criterion.split('/');
          return (await link({ variables: { input: { id: touchPointId, frameworkKey, criterionKey } } })).data
            ?.linkTouchPointCriterion;
        },
        () => onSaved(),
      )}
    >
      <FormProblems failure={failure} errors={errors} />
      <SelectField
        name="criterion"
        label="Audit criterion"
        options={options}
        errors={[
          ...(errors.byField.criterion ?? []),
          ...(errors.byField.frameworkKey ?? []),
          ...(errors.byField.criterionKey ?? []),
        ]}
      />
      <SubmitButton pending={pending} pendingLabel="Linking…">
        Link criterion
      </SubmitButton>
    </form>
  );
}

/** An unlink button for a promise or a criterion, its failure shown beside it. */
export function UnlinkButton({
  label,
  touchPointId,
  promiseKey,
  criterion,
  onSaved,
}: {
  label: string;
  touchPointId: string;
  promiseKey?: string;
  criterion?: { frameworkKey: string; criterionKey: string };
  onSaved: () => void;
}) {
  const [unlinkPromise] = useMutation(UnlinkPromiseMutation);
  const [unlinkCriterion] = useMutation(UnlinkCriterionMutation);
  const { pending, errors, failure, run } = useMutationForm([] as const);
  return (
    <>
      <Button
        size="small"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          void run(async () => {
            if (criterion)
              return (await unlinkCriterion({ variables: { input: { id: touchPointId, ...criterion } } }))
                .data?.unlinkTouchPointCriterion;
            return (
              await unlinkPromise({
                variables: { input: { id: touchPointId, promiseKey: promiseKey ?? '' } },
              })
            ).data?.unlinkTouchPointPromise;
          }, onSaved)
        }
      >
        {label}
      </Button>
      <FormProblems failure={failure} errors={errors} title="Could not unlink" />
    </>
  );
}
