import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../auth/session';
import { json, mockApi, USER } from '../test/api';
import { ApplicationView } from './ApplicationPage';

const APP = {
  id: 4,
  organization_id: 7,
  organization: { id: 7, name: 'Google', type: 'big_tech' },
  role: 'Software Engineer',
  kind: 'job',
  source: '',
  url: null,
  stage: 'rejected',
  stage_changed_at: '2026-11-20T10:00:00Z',
  applied_on: '2026-11-01',
  follow_up_on: null,
  goal_ids: [3],
  notes: '',
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-20T10:00:00Z',
  next_event: null,
  readiness: [{ id: 3, title: 'DSA', progress: 0.4 }],
  readiness_from: 'application',
};

const HISTORY = [
  { from_stage: null, to_stage: 'applied', at: '2026-11-01T10:00:00Z', note: '' },
  { from_stage: 'applied', to_stage: 'interviewing', at: '2026-11-10T10:00:00Z', note: 'referral' },
  { from_stage: 'interviewing', to_stage: 'rejected', at: '2026-11-20T10:00:00Z', note: '' },
];

function renderPage(extra: Record<string, unknown> = {}) {
  const api = mockApi({
    'GET /api/v1/applications/4': APP,
    'GET /api/v1/applications/4/history': { items: HISTORY },
    'GET /api/v1/applications/4/events': {
      items: [{ id: 9, application_id: 4, kind: 'interview', title: 'Onsite', starts_at: '2026-11-12T12:30:00Z', duration_minutes: 45, location: '', outcome: '', notes: '', contact_ids: [] }],
      total: 1,
    },
    'GET /api/v1/contacts': { items: [], total: 0 },
    'GET /api/v1/goals': { items: [], total: 0 },
    ...extra,
  });
  render(
    <SessionProvider initialUser={USER}>
      <LocationProvider>
        <ApplicationView id={4} />
      </LocationProvider>
    </SessionProvider>,
  );
  return api;
}

describe('application page', () => {
  it('shows the stepper, the history, events in the user’s timezone and readiness', async () => {
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Software Engineer' })).toBeTruthy();
    const stepper = screen.getByRole('list', { name: 'Stages' });
    expect(within(stepper).getByText('Rejected').getAttribute('aria-current')).toBe('step');
    expect(within(stepper).getByText('Interviewing').className).toContain('opp-step-done');
    expect(within(stepper).getByText('Offer').className).not.toContain('opp-step-done');
    expect(await screen.findByText('Applied → Interviewing')).toBeTruthy();
    expect(screen.getByText('referral')).toBeTruthy();
    // 12:30 UTC is 18:00 in Asia/Kolkata (the user's timezone).
    expect((await screen.findByText(/Thu 12 Nov, 18:00/)).textContent).toContain('45 min');
    expect(screen.getByRole('link', { name: 'DSA' })).toBeTruthy();
    expect(screen.getByText('40%')).toBeTruthy();
  });

  it('says when the readiness shown is what the organization demands', async () => {
    renderPage({ 'GET /api/v1/applications/4': { ...APP, goal_ids: [], readiness_from: 'organization' } });
    const note = await screen.findByText(/link goals to this application to track its own/);
    expect(within(note).getByRole('link', { name: 'Google' }).getAttribute('href')).toBe('/opportunities/organizations/7');
    expect(screen.getByRole('link', { name: 'DSA' })).toBeTruthy();
  });

  it('moves to another stage and reloads the history', async () => {
    const api = renderPage({ 'PATCH /api/v1/applications/4': json(200, { ...APP, stage: 'interviewing' }) });
    const menu = await screen.findByLabelText('Move to');
    fireEvent.change(menu, { target: { value: 'interviewing' } });
    await waitFor(() => expect(api.called('GET /api/v1/applications/4/history')).toHaveLength(2));
    expect(api.called('PATCH /api/v1/applications/4')[0]!.body).toEqual({ stage: 'interviewing' });
  });

  it('says "Saved." after saving the details, and still does once the page has the saved version', async () => {
    // The saved version differs in a field the test didn't type in, to tell when the form has it.
    const SAVED = { ...APP, source: 'referral', applied_on: '2026-11-02', updated_at: '2026-11-30T10:00:00Z' };
    let saved = false;
    renderPage({
      'GET /api/v1/applications/4': () => json(200, saved ? SAVED : APP),
      'PATCH /api/v1/applications/4': () => {
        saved = true;
        return json(200, SAVED);
      },
    });
    fireEvent.input(await screen.findByLabelText(/^Source/), { target: { value: 'referral' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save details' }));
    // The form re-mounted with the server's values; the confirmation stays.
    await waitFor(() => expect((screen.getByLabelText(/^Applied on/) as HTMLInputElement).value).toBe('2026-11-02'));
    expect(screen.getByText('Saved.')).toBeTruthy();
  });
});
