// Your organizations grouped by type, each with your assessment.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ErrorState, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import { createOrganization, listOrganizations, type Organization, type OrganizationCreate } from './api';
import { formatPercent } from '../ui/format';
import { INTERESTS, ORG_TYPES, RATINGS, interestLabel } from './labels';
import { OrganizationForm } from './OrganizationForm';
import { SubNav } from './SubNav';
import './opportunities.css';

function ratingsText(org: Organization): string {
  return RATINGS.filter((r) => org[r.key])
    .map((r) => `${r.label} ${org[r.key]}/5`)
    .join(' · ');
}

export default function OrganizationsPage() {
  const list = useRequest(() => listOrganizations());
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const create = async (body: OrganizationCreate) => {
    const org = await createOrganization(body);
    setCreating(false);
    setNotice(org.name);
    list.reload();
  };

  const orgs = list.data?.items ?? [];
  return (
    <div class="page opp-page">
      <header class="page-header page-header-row opp-header">
        <div class="page-header-title">
          <h1 tabIndex={-1}>Organizations</h1>
          <p class="muted">Companies, labs and communities, and how you rate them.</p>
        </div>
        {!creating && (
          <Button variant="primary" onClick={() => { setCreating(true); setNotice(null); }}>
            New organization
          </Button>
        )}
      </header>
      <SubNav />
      {creating && (
        <section class="card opp-add" aria-labelledby="opp-org-new">
          <h2 id="opp-org-new">New organization</h2>
          <OrganizationForm label="New organization" submitLabel="Add organization" onSubmit={create} onCancel={() => setCreating(false)} />
        </section>
      )}
      {notice && <Alert kind="success">Added {notice}.</Alert>}
      {list.status === 'error' && !list.data ? (
        <ErrorState title="Couldn't load your organizations" error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading label="Loading organizations…" minHeight="12rem" />
      ) : orgs.length === 0 ? (
        <p class="empty">No organizations yet. Add the companies and labs you are weighing — analytics firms, AI product companies, big tech, research labs.</p>
      ) : (
        ORG_TYPES.map((t) => {
          const group = orgs.filter((o) => o.type === t.value);
          if (group.length === 0) return null;
          return (
            <section key={t.value} class="opp-org-group" aria-labelledby={`opp-type-${t.value}`}>
              <h2 id={`opp-type-${t.value}`}>
                {t.label} <span class="opp-count">{group.length}</span>
              </h2>
              <ul class="opp-list">
                {group.map((o) => (
                  <li key={o.id}>
                    <div>
                      <a href={`/opportunities/organizations/${o.id}`}>
                        <strong>{o.name}</strong>
                      </a>
                      {o.location && <span class="muted"> · {o.location}</span>}
                      {ratingsText(o) && <p class="opp-ratings">{ratingsText(o)}</p>}
                      {o.readiness.length > 0 && (
                        <p class="opp-ratings">
                          Readiness:{' '}
                          {o.readiness.map((g, i) => (
                            <Fragment key={g.id}>
                              {i > 0 && ' · '}
                              <a href={`/goals/${g.id}`}>{g.title}</a> {formatPercent(g.progress)}
                            </Fragment>
                          ))}
                        </p>
                      )}
                    </div>
                    <span class={o.interest && INTERESTS.findIndex((i) => i.value === o.interest) >= 3 ? 'opp-tag' : 'opp-tag opp-tag-plain'}>{interestLabel(o.interest)}</span>
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
    </div>
  );
}
