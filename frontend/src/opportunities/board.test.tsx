import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../auth/session';
import { json, mockApi, USER } from '../test/api';
import type { Application } from './api';
import { byStage, daysInStage, findByName, followUpDue, neighbourStage, todayIn } from './board';
import { formatMoment } from '../ui/format';
import BoardPage from './BoardPage';

function app(id: number, over: Partial<Application> = {}): Application {
  return {
    id,
    organization_id: 10 + id,
    organization: { id: 10 + id, name: `Org ${id}`, type: 'ai_product' },
    role: `Role ${id}`,
    kind: 'job',
    source: '',
    url: null,
    stage: 'applied',
    stage_changed_at: '2026-11-20T10:00:00Z',
    applied_on: '2026-11-20',
    follow_up_on: null,
    goal_ids: [],
    notes: '',
    created_at: '2026-11-20T10:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    next_event: null,
    ...over,
  };
}

const APPS = [
  app(1, { organization: { id: 11, name: 'Sarvam AI', type: 'ai_product' }, role: 'ML Engineer', follow_up_on: '2026-01-01', next_event: { id: 5, kind: 'interview', title: '', starts_at: '2026-12-03T12:30:00Z' } }),
  app(2, { organization: { id: 12, name: 'Google', type: 'big_tech' }, role: 'SWE', stage: 'wishlist' }),
  app(3, { organization: { id: 13, name: 'EY', type: 'analytics' }, role: 'Analyst', stage: 'rejected' }),
];

function renderBoard(handlers: Record<string, unknown> = {}) {
  const api = mockApi({
    'GET /api/v1/applications': { items: APPS, total: APPS.length },
    'GET /api/v1/organizations': { items: [], total: 0 },
    ...handlers,
  });
  render(
    <SessionProvider initialUser={USER}>
      <BoardPage />
    </SessionProvider>,
  );
  return api;
}

const column = (stage: string) => document.getElementById(`opp-col-${stage}`)!;

describe('board helpers', () => {
  it('groups by stage in the board order and counts days in a stage', () => {
    const columns = byStage(APPS);
    expect([...columns.keys()].slice(0, 3)).toEqual(['wishlist', 'applied', 'screening']);
    expect(columns.get('applied')!.map((a) => a.id)).toEqual([1]);
    expect(daysInStage(APPS[0]!, new Date('2026-11-27T09:59:00Z'))).toBe(6);
    expect(neighbourStage('wishlist', -1)).toBeNull();
    expect(neighbourStage('applied', 1)).toBe('screening');
    expect(followUpDue({ follow_up_on: '2026-11-30' }, '2026-11-30')).toBe(true);
    expect(followUpDue({ follow_up_on: '2026-12-01' }, '2026-11-30')).toBe(false);
    expect(findByName([{ name: 'Sarvam AI' }], '  sarvam ai ')).toEqual({ name: 'Sarvam AI' });
  });

  it('shows times and today in the user’s timezone, not the browser’s', () => {
    expect(formatMoment('2026-12-03T12:30:00Z', 'Asia/Kolkata')).toBe('Thu 3 Dec, 18:00');
    expect(formatMoment('2026-12-03T12:30:00Z', 'America/Los_Angeles')).toBe('Thu 3 Dec, 04:30');
    expect(todayIn('Asia/Kolkata', new Date('2026-11-30T20:00:00Z'))).toBe('2026-12-01');
  });
});

describe('board page', () => {
  it('puts cards in their stage columns with type, follow-up flag and next event', async () => {
    renderBoard();
    const card = await screen.findByRole('listitem', { name: 'ML Engineer at Sarvam AI' });
    expect(column('applied').contains(card)).toBe(true);
    expect(within(card).getByText('AI product')).toBeTruthy();
    expect(within(card).getByText('Follow up')).toBeTruthy();
    expect(card.textContent).toContain('Next: Interview Thu 3 Dec, 18:00');
    expect(within(column('rejected')).getByText('EY')).toBeTruthy();
    expect(within(column('screening')).getByText('Nothing here')).toBeTruthy();
  });

  it('moves a card with Shift+ArrowRight and announces it', async () => {
    const api = renderBoard({
      'PATCH /api/v1/applications/1': async (req: Request) => json(200, { ...APPS[0], stage: ((await req.json()) as { stage: string }).stage }),
    });
    const card = await screen.findByRole('listitem', { name: 'ML Engineer at Sarvam AI' });
    fireEvent.keyDown(card, { key: 'ArrowRight', shiftKey: true });
    await screen.findByText('Moved ML Engineer at Sarvam AI to Screening.');
    expect(api.called('PATCH /api/v1/applications/1')[0]!.body).toEqual({ stage: 'screening' });
    expect(column('screening').contains(screen.getByRole('listitem', { name: 'ML Engineer at Sarvam AI' }))).toBe(true);
    // Without Shift, arrows do nothing (they scroll, as usual).
    fireEvent.keyDown(screen.getByRole('listitem', { name: 'ML Engineer at Sarvam AI' }), { key: 'ArrowRight' });
    expect(api.called('PATCH /api/v1/applications/1')).toHaveLength(1);
  });

  it('moves with the "Move to" menu and puts the card back when the server refuses', async () => {
    renderBoard({ 'PATCH /api/v1/applications/2': json(503, { detail: 'The database is busy; try again' }) });
    const menu = await screen.findByRole('combobox', { name: 'Move SWE at Google to' });
    fireEvent.change(menu, { target: { value: 'offer' } });
    expect(within(column('offer')).getByText('Google')).toBeTruthy();
    await screen.findByText("Couldn't move SWE at Google. Try again.");
    await waitFor(() => expect(within(column('wishlist')).getByText('Google')).toBeTruthy());
  });

  it('offers a first application when there are none, and shows load errors with a retry', async () => {
    mockApi({ 'GET /api/v1/applications': json(500, { detail: 'boom' }), 'GET /api/v1/organizations': { items: [], total: 0 } });
    render(
      <SessionProvider initialUser={USER}>
        <BoardPage />
      </SessionProvider>,
    );
    expect(await screen.findByText("Couldn't load your applications")).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
