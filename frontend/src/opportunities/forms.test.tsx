import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../auth/session';
import { CalendarSection } from '../settings/CalendarSection';
import { json, mockApi, USER, validation } from '../test/api';
import type { Organization } from './api';
import { validateEvent } from './ApplicationPage';
import { FunnelTable } from './FunnelPage';
import { organizationBody, organizationValues, validateOrganization } from './OrganizationForm';
import OrganizationsPage from './OrganizationsPage';
import { QuickAdd, validateQuickAdd } from './QuickAdd';

const SARVAM: Organization = {
  id: 7,
  name: 'Sarvam AI',
  type: 'ai_product',
  website: null,
  location: '',
  notes: '',
  interest: 'exciting',
  rating_growth: 5,
  rating_learning: null,
  rating_work: null,
  rating_pay: null,
  rating_culture: null,
  goal_ids: [3],
  created_at: '2026-11-01T00:00:00Z',
  readiness: [],
};

const created = (over: object) => ({
  id: 1,
  organization_id: 7,
  organization: { id: 7, name: 'Sarvam AI', type: 'ai_product' },
  role: 'ML Engineer',
  kind: 'job',
  source: '',
  url: null,
  stage: 'wishlist',
  stage_changed_at: '2026-11-30T00:00:00Z',
  applied_on: null,
  follow_up_on: null,
  goal_ids: [],
  notes: '',
  created_at: '2026-11-30T00:00:00Z',
  updated_at: '2026-11-30T00:00:00Z',
  next_event: null,
  warnings: [],
  ...over,
});

describe('quick add', () => {
  it('uses a known organization (any case) and shows the duplicate warning', async () => {
    const api = mockApi({
      'POST /api/v1/applications': created({ warnings: ['You already have an application for ML Engineer at Sarvam AI (applied)'] }),
    });
    const onAdded = vi.fn();
    render(<QuickAdd organizations={[SARVAM]} onAdded={onAdded} />);
    fireEvent.input(screen.getByLabelText('Organization'), { target: { value: 'sarvam ai' } });
    expect(screen.queryByLabelText('Type')).toBeNull();
    fireEvent.input(screen.getByLabelText('Role'), { target: { value: ' ML Engineer ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add application' }));
    await screen.findByText(/Added, but note: You already have an application/);
    expect(api.called('POST /api/v1/organizations')).toHaveLength(0);
    expect(api.called('POST /api/v1/applications')[0]!.body).toEqual({ organization_id: 7, role: 'ML Engineer', kind: 'job', stage: 'wishlist' });
    expect(onAdded).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }), false);
  });

  it('creates a new organization with the chosen type first', async () => {
    const api = mockApi({
      'POST /api/v1/organizations': { ...SARVAM, id: 9, name: 'AI4Bharat', type: 'research_lab', readiness: [], application_count: 0 },
      'POST /api/v1/applications': created({ organization_id: 9 }),
    });
    const onAdded = vi.fn();
    render(<QuickAdd organizations={[SARVAM]} onAdded={onAdded} />);
    fireEvent.input(screen.getByLabelText('Organization'), { target: { value: 'AI4Bharat' } });
    fireEvent.input(screen.getByLabelText('Type'), { target: { value: 'research_lab' } });
    fireEvent.input(screen.getByLabelText('Role'), { target: { value: 'Research collaboration' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add application' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(api.called('POST /api/v1/organizations')[0]!.body).toEqual({ name: 'AI4Bharat', type: 'research_lab' });
    expect(api.called('POST /api/v1/applications')[0]!.body).toMatchObject({ organization_id: 9 });
    expect(onAdded.mock.calls[0]![1]).toBe(true);
  });

  it('checks before sending and shows the server’s field errors', async () => {
    expect(validateQuickAdd({ organization: ' ', type: 'other', role: '', kind: 'job', stage: 'wishlist' })).toEqual({
      organization: 'Name the organization.',
      role: 'Name the role.',
    });
    const api = mockApi({ 'POST /api/v1/applications': validation('role', 'String should have at most 200 characters') });
    render(<QuickAdd organizations={[SARVAM]} onAdded={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add application' }));
    expect(await screen.findByText('Name the role.')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Organization'), { target: { value: 'Sarvam AI' } });
    fireEvent.input(screen.getByLabelText('Role'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add application' }));
    expect(await screen.findByText(/at most 200 characters/)).toBeTruthy();
  });
});

describe('organization, event and funnel pieces', () => {
  it('round-trips an organization through the form values', () => {
    const values = organizationValues(SARVAM);
    expect(values.rating_growth).toBe('5');
    expect(values.rating_pay).toBe('');
    expect(organizationBody({ ...values, website: ' ', interest: '' })).toMatchObject({
      name: 'Sarvam AI',
      type: 'ai_product',
      website: null,
      interest: null,
      rating_growth: 5,
      rating_pay: null,
      goal_ids: [3],
    });
    expect(validateOrganization({ ...values, name: '', website: 'ftp://x' })).toMatchObject({
      name: 'Name the organization.',
      website: 'Enter a link starting with https://',
    });
  });

  it('checks an event before sending', () => {
    const ok = { kind: 'interview', title: '', starts_at: '2026-12-03T18:00', duration_minutes: '60', location: '' };
    expect(Object.values(validateEvent(ok)).filter(Boolean)).toEqual([]);
    expect(validateEvent({ ...ok, starts_at: '' }).starts_at).toBe('Choose a date and time.');
    expect(validateEvent({ ...ok, duration_minutes: '0' }).duration_minutes).toBeTruthy();
    expect(validateEvent({ ...ok, duration_minutes: '1.5' }).duration_minutes).toBeTruthy();
  });

  it('shows the funnel with floored conversions and days', () => {
    render(
      <FunnelTable
        funnel={{
          total: 12,
          response_rate: 0.7273,
          stages: [
            { stage: 'applied', reached: 11, conversion: 0.5455, median_days: 6, p75_days: 8 },
            { stage: 'accepted', reached: 0, conversion: null, median_days: null, p75_days: null },
          ],
        }}
      />,
    );
    expect(screen.getByRole('row', { name: 'Applied 11 54% 6 d 8 d' })).toBeTruthy();
    expect(screen.getByRole('row', { name: 'Accepted 0 — — —' })).toBeTruthy();
  });
});

describe('organizations page', () => {
  it('groups by type and shows each organization’s readiness with links to the goals', async () => {
    const google = { ...SARVAM, id: 8, name: 'Google', type: 'big_tech' as const, interest: 'interesting' as const, goal_ids: [3, 4], readiness: [{ id: 3, title: 'DSA', progress: 0.4 }, { id: 4, title: 'Fundamentals', progress: null }] };
    mockApi({ 'GET /api/v1/organizations': { items: [SARVAM, google], total: 2 } });
    render(
      <SessionProvider initialUser={USER}>
        <OrganizationsPage />
      </SessionProvider>,
    );
    expect(await screen.findByRole('heading', { name: /Big tech/ })).toBeTruthy();
    const dsa = screen.getByRole('link', { name: 'DSA' });
    expect(dsa.getAttribute('href')).toBe('/goals/3');
    expect(dsa.closest('p')!.textContent).toBe('Readiness: DSA 40% · Fundamentals —');
    expect(screen.queryAllByText(/Readiness:/)).toHaveLength(1);
  });
});

describe('calendar settings', () => {
  it('creates the feed link once, then offers to rotate it; saves the reminder time', async () => {
    const api = mockApi({
      'GET /api/v1/me/calendar-feed': { active: false },
      'POST /api/v1/me/calendar-feed': json(201, { url: 'https://kaizen.example/api/v1/calendar/abc.ics' }),
      'PATCH /api/v1/me': { ...USER, reminder_time: '21:30:00' },
    });
    render(
      <SessionProvider initialUser={USER}>
        <CalendarSection />
      </SessionProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Create feed link' }));
    expect(await screen.findByText('https://kaizen.example/api/v1/calendar/abc.ics')).toBeTruthy();
    // Rotating breaks the subscribed link, so it asks first.
    fireEvent.click(screen.getByRole('button', { name: 'Rotate link' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rotate the feed link?' });
    expect(api.called('POST /api/v1/me/calendar-feed')).toHaveLength(1);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rotate link' }));
    await waitFor(() => expect(api.called('POST /api/v1/me/calendar-feed')).toHaveLength(2));
    fireEvent.input(screen.getByLabelText(/Daily check-in reminder/), { target: { value: '21:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save reminder' }));
    await screen.findByText('Reminder saved.');
    expect(api.called('PATCH /api/v1/me')[0]!.body).toEqual({ reminder_time: '21:30' });
  });
});
