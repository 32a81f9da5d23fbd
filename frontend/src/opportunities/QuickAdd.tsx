// Quick add on the board: organization (autocompleted from yours; a new name creates it),
// role, kind and stage. A second application for the same organization and role is created
// anyway, and the server's warning is shown.
import { useState } from 'preact/hooks';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/Field';
import { useForm } from '../ui/form';
import { useUniqueId } from '../ui/useUniqueId';
import { createApplication, createOrganization, type ApplicationCreated, type Kind, type Organization, type OrgType, type Stage } from './api';
import { findByName } from './board';
import { KINDS, ORG_TYPES, STAGES } from './labels';

export type QuickAddValues = { organization: string; type: string; role: string; kind: string; stage: string };

export function validateQuickAdd(v: QuickAddValues) {
  return {
    organization: !v.organization.trim() ? 'Name the organization.' : v.organization.trim().length > 200 ? 'Use at most 200 characters.' : undefined,
    role: !v.role.trim() ? 'Name the role.' : v.role.trim().length > 200 ? 'Use at most 200 characters.' : undefined,
  };
}

interface Props {
  organizations: Organization[];
  onAdded: (app: ApplicationCreated, newOrganization: boolean) => void;
}

export function QuickAdd({ organizations, onAdded }: Props) {
  const listId = useUniqueId('org-names');
  const [warnings, setWarnings] = useState<string[]>([]);
  const form = useForm<QuickAddValues>({
    initial: { organization: '', type: 'other', role: '', kind: 'job', stage: 'wishlist' },
    validate: validateQuickAdd,
    submit: async (v) => {
      setWarnings([]);
      const known = findByName(organizations, v.organization);
      const org = known ?? (await createOrganization({ name: v.organization.trim(), type: v.type as OrgType }));
      const app = await createApplication({ organization_id: org.id, role: v.role.trim(), kind: v.kind as Kind, stage: v.stage as Stage });
      setWarnings(app.warnings ?? []);
      form.reset({ ...v, organization: '', role: '' });
      onAdded(app, !known);
    },
  });
  const isNew = form.values.organization.trim() !== '' && !findByName(organizations, form.values.organization);
  return (
    <form class="form opp-quick-add" noValidate onSubmit={form.onSubmit} aria-label="Quick add an application">
      <div class="opp-quick-grid">
        <TextField label="Organization" list={listId} autoComplete="off" maxLength={200} placeholder="e.g. Sarvam AI" error={form.errors.organization} {...form.bind('organization')} hint={isNew ? 'New: it will be added to your organizations.' : undefined} />
        <datalist id={listId}>
          {organizations.map((o) => (
            <option key={o.id} value={o.name} />
          ))}
        </datalist>
        {isNew && <SelectField label="Type" options={ORG_TYPES} {...form.bind('type')} />}
        <TextField label="Role" maxLength={200} placeholder="e.g. ML Engineer" error={form.errors.role} {...form.bind('role')} />
        <SelectField label="Kind" options={KINDS} {...form.bind('kind')} />
        <SelectField label="Stage" options={STAGES} {...form.bind('stage')} />
      </div>
      {form.formError && <Alert>{form.formError}</Alert>}
      {warnings.map((w) => (
        <Alert key={w} kind="info">
          Added, but note: {w}.
        </Alert>
      ))}
      <div class="form-actions">
        <Button type="submit" variant="primary" busy={form.busy} busyLabel="Adding…">
          Add application
        </Button>
      </div>
    </form>
  );
}
