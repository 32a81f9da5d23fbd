// One organization: your assessment, its readiness (the goals it demands and their progress)
// and your applications there.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { withIdParam } from '../ui/routeId';
import { ErrorState, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useRequest } from '../ui/useRequest';
import { useTitle } from '../ui/useTitle';
import { deleteOrganization, getOrganization, listApplications, updateOrganization, type OrganizationCreate } from './api';
import { RATINGS, interestLabel, kindLabel, stageLabel, typeLabel } from './labels';
import { OrganizationForm } from './OrganizationForm';
import { Readiness } from './Readiness';
import { SubNav } from './SubNav';
import './opportunities.css';

function OrganizationView({ id }: { id: number }) {
  const { route } = useLocation();
  const org = useRequest(() => getOrganization(id));
  const apps = useRequest(() => listApplications({ organization_id: id }));
  const [editing, setEditing] = useState(false);
  useTitle(org.data?.name);
  const remove = useAction(() => deleteOrganization(id), { stayBusy: true, onDone: () => route('/opportunities/organizations') });

  if (org.status === 'error' && !org.data) return <ErrorState title="Couldn't load this organization" error={org.error} onRetry={org.reload} />;
  if (!org.data) return <Loading label="Loading organization…" minHeight="12rem" />;
  const o = org.data;

  const save = async (body: OrganizationCreate) => {
    await updateOrganization(id, body);
    setEditing(false);
    org.reload();
  };

  return (
    <div class="page opp-page">
      <header class="page-header page-header-row opp-header">
        <div class="page-header-title">
          <p class="muted">{typeLabel(o.type)}{o.location && ` · ${o.location}`}</p>
          <h1 tabIndex={-1}>{o.name}</h1>
        </div>
        {!editing && (
          <div class="opp-header-actions">
            <Button onClick={() => setEditing(true)}>Edit</Button>
            <Button variant="danger" onClick={() => remove.ask(undefined)}>
              Delete
            </Button>
          </div>
        )}
      </header>
      <SubNav />
      {editing ? (
        <section class="card opp-add" aria-labelledby="opp-org-edit">
          <h2 id="opp-org-edit">Edit {o.name}</h2>
          <OrganizationForm organization={o} label={`Edit ${o.name}`} submitLabel="Save" onSubmit={save} onCancel={() => setEditing(false)} />
        </section>
      ) : (
        <div class="opp-grid-2">
          <section class="card" aria-labelledby="opp-assess">
            <h2 id="opp-assess">Your assessment</h2>
            <p>
              Interest: <strong>{interestLabel(o.interest)}</strong>
            </p>
            <ul class="opp-ratings">
              {RATINGS.map((r) => (
                <li key={r.key}>
                  {r.label}: {o[r.key] ? `${o[r.key]}/5` : '—'}
                </li>
              ))}
            </ul>
            {o.website && (
              <p>
                <a href={o.website} rel="noopener noreferrer" target="_blank">
                  {o.website}
                </a>
              </p>
            )}
            {o.notes && <p class="muted">{o.notes}</p>}
          </section>
          <section class="card" aria-labelledby="opp-org-ready">
            <h2 id="opp-org-ready">Readiness</h2>
            <Readiness goals={o.readiness} empty="Link the goals it demands (Edit → Goals it demands) to see how ready you are." />
          </section>
        </div>
      )}
      <section class="card" aria-labelledby="opp-org-apps">
        <h2 id="opp-org-apps">Applications</h2>
        {apps.status === 'error' ? (
          <ErrorState error={apps.error} onRetry={apps.reload} />
        ) : !apps.data ? (
          <Loading />
        ) : apps.data.items.length === 0 ? (
          <p class="muted">None yet. Add one from the board’s quick add.</p>
        ) : (
          <ul class="opp-list">
            {apps.data.items.map((a) => (
              <li key={a.id}>
                <div>
                  <a href={`/opportunities/${a.id}`}>{a.role}</a> <span class="muted">· {kindLabel(a.kind)}</span>
                </div>
                <span class="opp-tag">{stageLabel(a.stage)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {remove.error && !remove.dialog.open && <Alert>{remove.error}</Alert>}
      <ConfirmDialog title={`Delete ${o.name}?`} confirmLabel="Delete" busyLabel="Deleting…" danger {...remove.dialog}>
        <p>
          {o.application_count === 0
            ? 'It has no applications.'
            : o.application_count === 1
              ? 'Its application, with its history and events, goes with it.'
              : `Its ${o.application_count} applications, with their history and events, go with it.`}
        </p>
      </ConfirmDialog>
    </div>
  );
}

export default withIdParam(OrganizationView);
