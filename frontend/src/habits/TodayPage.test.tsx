import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { describe, expect, it } from 'vitest';
import { json, mockApi, validation } from '../test/api';
import type { TodayHabit, TodayRead } from './model';
import TodayPage from './TodayPage';

const DATE = '2024-11-17';
const DAYS = ['2024-11-11', '2024-11-12', '2024-11-13', '2024-11-14', '2024-11-15', '2024-11-16', DATE];

function entry(id: number, name: string, extra: Partial<TodayHabit> = {}): TodayHabit {
  return {
    habit: {
      id,
      name,
      description: '',
      kind: 'boolean',
      target_value: null,
      unit: null,
      target_type: null,
      schedule: { type: 'daily' },
      start_date: '2024-11-04',
      goal_id: null,
      color: null,
      position: id,
      archived: false,
    },
    today: null,
    last_7_days: DAYS.map((date) => ({ date, status: null })),
    current_streak: 0,
    streak_unit: 'days',
    rate_14d: 8 / 13,
    ...extra,
  };
}

function today(habits: TodayHabit[]): TodayRead {
  return { date: DATE, timezone: 'Asia/Kolkata', habits };
}

function renderPage() {
  return render(
    <LocationProvider>
      <TodayPage />
    </LocationProvider>,
  );
}

const checkIn = (habitId: number, date: string, status: string) => ({ habit_id: habitId, date, status, value: null, note: '' });

describe('Today', () => {
  it('shows each habit with its floored 14-day rate, streak and last 7 days', async () => {
    mockApi({ 'GET /api/v1/today': today([entry(1, 'Gym', { current_streak: 3 }), entry(2, 'Read', { rate_14d: null })]) });
    renderPage();
    const gym = (await screen.findByRole('link', { name: 'Gym' })).closest('li')!;
    expect(within(gym).getByText('61%')).toBeTruthy();
    expect(within(gym).getByText('3 days')).toBeTruthy();
    expect(within(gym).getAllByRole('button', { name: /^Gym, / })).toHaveLength(7);
    const read = screen.getByRole('link', { name: 'Read' }).closest('li')!;
    expect(within(read).getByText('—')).toBeTruthy();
    expect(screen.getByText(/0 of 2 done/)).toBeTruthy();
  });

  it('toggles done at once, then keeps what the server saved', async () => {
    const api = mockApi({
      'GET /api/v1/today': today([entry(1, 'Gym')]),
      [`PUT /api/v1/habits/1/check-ins/${DATE}`]: checkIn(1, DATE, 'done'),
    });
    renderPage();
    const toggle = await screen.findByRole('button', { name: 'Gym done today' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(api.called(`PUT /api/v1/habits/1/check-ins/${DATE}`)).toHaveLength(1));
    expect(api.called(`PUT /api/v1/habits/1/check-ins/${DATE}`)[0]!.body).toEqual({ status: 'done', note: '' });
    // Once the write settles, /today is read again for the new streak and rate.
    await waitFor(() => expect(api.called('GET /api/v1/today')).toHaveLength(2));
  });

  it('rolls back and says why when the server refuses', async () => {
    mockApi({
      'GET /api/v1/today': today([entry(1, 'Gym')]),
      'PUT /api/v1/habits/1/check-ins/2024-11-16': json(503, { detail: 'Database is busy' }),
    });
    renderPage();
    const yesterday = await screen.findByRole('button', { name: 'Gym, Sat 16 Nov: not checked in' });
    fireEvent.click(yesterday);
    expect(yesterday.getAttribute('aria-pressed')).toBe('true');
    expect((await screen.findByRole('alert')).textContent).toContain("Couldn't save Gym for Sat 16 Nov: Database is busy");
    expect(yesterday.getAttribute('aria-pressed')).toBe('false');
  });

  it('a done day tapped again is cleared with DELETE', async () => {
    const done = entry(1, 'Gym', { today: checkIn(1, DATE, 'done') as TodayHabit['today'] });
    done.last_7_days[6] = { date: DATE, status: 'done' };
    const api = mockApi({ 'GET /api/v1/today': today([done]), [`DELETE /api/v1/habits/1/check-ins/${DATE}`]: json(204) });
    renderPage();
    const toggle = await screen.findByRole('button', { name: 'Gym done today' });
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await waitFor(() => expect(api.called(`DELETE /api/v1/habits/1/check-ins/${DATE}`)).toHaveLength(1));
  });

  it('keyboard: j moves, x toggles, s skips', async () => {
    const api = mockApi({
      'GET /api/v1/today': today([entry(1, 'Gym'), entry(2, 'Read')]),
      [`PUT /api/v1/habits/1/check-ins/${DATE}`]: checkIn(1, DATE, 'done'),
      [`PUT /api/v1/habits/2/check-ins/${DATE}`]: checkIn(2, DATE, 'skipped'),
    });
    renderPage();
    await screen.findByRole('link', { name: 'Gym' });
    // The shortcut listener is attached in an effect, just after the first paint.
    await waitFor(() => {
      fireEvent.keyDown(document.body, { key: 'j' });
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Gym done today' }));
    });
    fireEvent.keyDown(document.activeElement!, { key: 'x' });
    expect(screen.getByRole('button', { name: 'Gym done today' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(document.activeElement!, { key: 'j' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Read done today' }));
    fireEvent.keyDown(document.activeElement!, { key: 's' });
    expect(await screen.findByText('Skipped today')).toBeTruthy();
    await waitFor(() => expect(api.called(`PUT /api/v1/habits/2/check-ins/${DATE}`)[0]?.body).toEqual({ status: 'skipped', note: '' }));
  });

  it("numeric habits: the panel sends a value and shows the server's message next to it", async () => {
    const pages = entry(3, 'Pages', { habit: { ...entry(3, 'Pages').habit, kind: 'numeric', target_value: 20, unit: 'pages', target_type: 'at_least' } });
    mockApi({
      'GET /api/v1/today': today([pages]),
      'GET /api/v1/habits/3/check-ins': { items: [], total: 0 },
      [`PUT /api/v1/habits/3/check-ins/${DATE}`]: validation('value', 'Input should be less than or equal to 1000000000000'),
    });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: "Pages: today's value" }));
    const form = await screen.findByRole('form', { name: 'Check in Pages' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText("Enter today's amount in pages.")).toBeTruthy();
    fireEvent.input(within(form).getByLabelText('Value (pages)'), { target: { value: '2000000000000000' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('Input should be less than or equal to 1000000000000')).toBeTruthy();
    expect(within(form).getByLabelText('Value (pages)').getAttribute('aria-invalid')).toBe('true');
  });

  it('a new user creates the first action item right there', async () => {
    let created = false;
    const api = mockApi({
      'GET /api/v1/today': () => json(200, today(created ? [entry(9, 'Gym')] : [])),
      'POST /api/v1/habits': () => {
        created = true;
        return json(201, entry(9, 'Gym').habit);
      },
    });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Add' }));
    expect(screen.getByText('Give it a name, e.g. "Gym".')).toBeTruthy();
    expect(api.called('POST /api/v1/habits')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Your first action item'), { target: { value: ' Gym ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByRole('button', { name: 'Gym done today' })).toBeTruthy();
    expect(api.called('POST /api/v1/habits')[0]!.body).toEqual({ name: 'Gym' });
  });

  it('says so when today cannot be loaded, and retries', async () => {
    let up = false;
    mockApi({ 'GET /api/v1/today': () => (up ? json(200, today([entry(1, 'Gym')])) : json(500, { detail: 'boom' })) });
    renderPage();
    expect(await screen.findByText("Couldn't load this")).toBeTruthy();
    up = true;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Gym' })).toBeTruthy();
  });
});
