// The funnel: how many applications reached each stage of the main path, the share that went
// on, and the days spent in each stage; filterable by organization type and kind.
import { useState } from 'preact/hooks';
import { BarChart } from '../ui/charts';
import { SelectField } from '../ui/Field';
import { formatPercent } from '../ui/format';
import { ErrorState, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import { getStats, type Funnel, type Kind, type OrgType } from './api';
import { KINDS, ORG_TYPES, stageLabel } from './labels';
import { SubNav } from './SubNav';
import './opportunities.css';

const SHORT: Record<string, string> = { applied: 'Applied', screening: 'Screen', interviewing: 'Interview', offer: 'Offer', accepted: 'Accept' };

const days = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v} d`);

export function FunnelTable({ funnel }: { funnel: Funnel }) {
  return (
    // Scrolls sideways on a phone: focusable (and named) so the keyboard can scroll it too.
    <div class="opp-table-wrap" role="region" aria-label="Funnel by stage" tabIndex={0}>
      <table class="opp-table">
        <caption class="visually-hidden">Funnel by stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col" class="num">Reached</th>
            <th scope="col" class="num">Went on</th>
            <th scope="col" class="num">Median days</th>
            <th scope="col" class="num">75th pct days</th>
          </tr>
        </thead>
        <tbody>
          {funnel.stages.map((s) => (
            <tr key={s.stage}>
              <th scope="row">{stageLabel(s.stage)}</th>
              <td class="num">{s.reached}</td>
              <td class="num">{s.conversion === null || s.conversion === undefined ? '—' : formatPercent(s.conversion)}</td>
              <td class="num">{days(s.median_days)}</td>
              <td class="num">{days(s.p75_days)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function FunnelPage() {
  const [type, setType] = useState('');
  const [kind, setKind] = useState('');
  const stats = useRequest(() => getStats({ ...(type ? { type: type as OrgType } : {}), ...(kind ? { kind: kind as Kind } : {}) }), [type, kind]);
  const s = stats.data;
  return (
    <div class="page opp-page">
      <header class="page-header">
        <h1 tabIndex={-1}>Funnel</h1>
        <p class="muted">From applied to accepted: how far your applications get, and how long each step takes.</p>
      </header>
      <SubNav />
      <div class="opp-filters">
        <SelectField label="Organization type" options={[{ value: '', label: 'All types' }, ...ORG_TYPES]} value={type} onChange={(e) => setType(e.currentTarget.value)} />
        <SelectField label="Kind" options={[{ value: '', label: 'All kinds' }, ...KINDS]} value={kind} onChange={(e) => setKind(e.currentTarget.value)} />
      </div>
      {stats.status === 'error' && !s ? (
        <ErrorState title="Couldn't load the funnel" error={stats.error} onRetry={stats.reload} />
      ) : !s ? (
        <Loading label="Loading the funnel…" minHeight="12rem" />
      ) : (
        <section class="card" aria-labelledby="opp-funnel-title" aria-busy={stats.status === 'loading'}>
          <h2 id="opp-funnel-title" class="visually-hidden">
            Funnel
          </h2>
          <dl class="opp-kpis">
            <div>
              <dt>Applications</dt>
              <dd>{s.total}</dd>
            </div>
            <div>
              <dt>Response rate</dt>
              <dd>{formatPercent(s.response_rate ?? null)}</dd>
            </div>
            <div>
              <dt>Offers</dt>
              <dd>{s.stages.find((x) => x.stage === 'offer')?.reached ?? 0}</dd>
            </div>
          </dl>
          {s.total === 0 ? (
            <p class="muted">No applications match. Add some on the board.</p>
          ) : (
            <>
              <BarChart title="Applications that reached each stage" data={s.stages.map((x) => ({ label: SHORT[x.stage] ?? stageLabel(x.stage), value: x.reached, title: `${stageLabel(x.stage)}: ${x.reached}` }))} maxLabels={5} />
              <FunnelTable funnel={s} />
            </>
          )}
        </section>
      )}
    </div>
  );
}
