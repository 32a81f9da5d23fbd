// Create or edit an organization and your assessment of it: type, interest (boring … exciting),
// ratings 1–5 and the goals it demands.
import { GoalPicker } from '../goals/GoalPicker';
import { FormActions } from '../ui/FormActions';
import { Field, SelectField, TextField } from '../ui/Field';
import { useForm } from '../ui/form';
import type { Interest, Organization, OrganizationCreate, OrgType } from './api';
import { INTERESTS, ORG_TYPES, RATINGS } from './labels';

type RatingKey = (typeof RATINGS)[number]['key'];

export type OrganizationValues = {
  name: string;
  type: string;
  website: string;
  location: string;
  interest: string;
  notes: string;
  goal_ids: number[];
} & Record<RatingKey, string>;

export function organizationValues(org?: Organization): OrganizationValues {
  const ratings = Object.fromEntries(RATINGS.map((r) => [r.key, org?.[r.key] ? String(org[r.key]) : ''])) as Record<RatingKey, string>;
  return {
    name: org?.name ?? '',
    type: org?.type ?? 'other',
    website: org?.website ?? '',
    location: org?.location ?? '',
    interest: org?.interest ?? '',
    notes: org?.notes ?? '',
    goal_ids: org?.goal_ids ?? [],
    ...ratings,
  };
}

export function organizationBody(v: OrganizationValues): OrganizationCreate {
  const ratings = Object.fromEntries(RATINGS.map((r) => [r.key, v[r.key] ? Number(v[r.key]) : null]));
  return {
    name: v.name.trim(),
    type: v.type as OrgType,
    website: v.website.trim() || null,
    location: v.location.trim(),
    interest: (v.interest || null) as Interest | null,
    notes: v.notes,
    goal_ids: v.goal_ids,
    ...ratings,
  };
}

export function validateOrganization(v: OrganizationValues) {
  return {
    name: !v.name.trim() ? 'Name the organization.' : v.name.trim().length > 200 ? 'Use at most 200 characters.' : undefined,
    website: v.website && !/^https?:\/\/\S+$/.test(v.website.trim()) ? 'Enter a link starting with https://' : undefined,
    location: v.location.length > 200 ? 'Use at most 200 characters.' : undefined,
    notes: v.notes.length > 20000 ? 'Use at most 20,000 characters.' : undefined,
  };
}

const RATING_OPTIONS = [{ value: '', label: '—' }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))];

interface Props {
  organization?: Organization;
  label: string;
  submitLabel: string;
  onSubmit: (body: OrganizationCreate) => Promise<void>;
  onCancel?: () => void;
}

export function OrganizationForm({ organization, label, submitLabel, onSubmit, onCancel }: Props) {
  const form = useForm<OrganizationValues>({
    initial: organizationValues(organization),
    validate: validateOrganization,
    submit: (v) => onSubmit(organizationBody(v)),
  });
  return (
    <form class="form" noValidate onSubmit={form.onSubmit} aria-label={label}>
      <div class="opp-form-grid">
        <TextField label="Name" maxLength={200} placeholder="e.g. AI4Bharat" error={form.errors.name} {...form.bind('name')} />
        <SelectField label="Type" options={ORG_TYPES} {...form.bind('type')} />
        <SelectField label="Interest" options={[{ value: '', label: 'Not assessed' }, ...INTERESTS]} {...form.bind('interest')} />
        <TextField label="Website" note="optional" type="url" maxLength={2000} error={form.errors.website} {...form.bind('website')} />
        <TextField label="Location" note="optional" maxLength={200} error={form.errors.location} {...form.bind('location')} />
      </div>
      <fieldset class="check-fieldset">
        <legend class="field-label">Ratings (1–5)</legend>
        <div class="opp-form-grid">
          {RATINGS.map((r) => (
            <SelectField key={r.key} label={r.label} options={RATING_OPTIONS} {...form.bind(r.key)} />
          ))}
        </div>
      </fieldset>
      <GoalPicker multiple label="Goals it demands" value={form.values.goal_ids} onChange={(ids) => form.set('goal_ids', ids)} hint="Big tech: DSA, fundamentals…" emptyText="No goals yet — add some on the Goals page." />
      <Field label="Notes" note="optional" error={form.errors.notes}>
        {(control) => <textarea class="input goal-textarea" rows={3} {...control} {...form.bind('notes')} />}
      </Field>
      <FormActions form={form} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
