import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { describe, expect, it } from 'vitest';
import { json, mockApi, NO_SPRINT, validation } from '../test/api';
import type { TodayHabit, TodayRead } from './api';
import { makeHabit } from './testData';
import TodayPage from './TodayPage';
import { SEED_SPRINT } from '../sprints/testData';

const DATE = '2024-11-17';
const DAYS = ['2024-11-11', '2024-11-12', '2024-11-13', '2024-11-14', '2024-11-15', '2024-11-16', DATE];

function entry(id: number, name: string, extra: Partial<TodayHabit> = {}): TodayHabit {
  return {
    habit: makeHabit(id, name, { start_date: '2024-11-04' }),
    today: null,
    last_7_days: DAYS.map((date) => ({ date, status: null, value: null, note: '', scheduled: true })),
    current_streak: 0,
    in_progress: false,
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
    mockApi({ ...NO_SPRINT, 'GET /api/v1/today': today([entry(1, 'Gym', { current_streak: 3 }), entry(2, 'Read', { rate_14d: null })]) });
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
      ...NO_SPRINT,
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
      ...NO_SPRINT,
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
    done.last_7_days[6] = { date: DATE, status: 'done', value: null, note: '', scheduled: true };
    const api = mockApi({ ...NO_SPRINT, 'GET /api/v1/today': today([done]), [`DELETE /api/v1/habits/1/check-ins/${DATE}`]: json(204) });
    renderPage();
    const toggle = await screen.findByRole('button', { name: 'Gym done today' });
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await waitFor(() => expect(api.called(`DELETE /api/v1/habits/1/check-ins/${DATE}`)).toHaveLength(1));
  });

  it('keyboard: j moves, x toggles, s skips', async () => {
    const api = mockApi({
      ...NO_SPRINT,
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
      ...NO_SPRINT,
      'GET /api/v1/today': today([pages]),
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

  it('a weekdays habit: weekend days read "not scheduled" and can still be filled in; days before the start offer a move', async () => {
    // 11–15 Nov are Mon–Fri; the 16th and 17th (today) are a weekend. The habit began on the 12th.
    const weekdays = entry(4, 'Standup', {
      habit: { ...entry(4, 'Standup').habit, schedule: { type: 'weekdays', days: [1, 2, 3, 4, 5] }, start_date: '2024-11-12' },
      last_7_days: DAYS.map((date, i) => ({ date, status: null, value: null, note: '', scheduled: i >= 1 && i <= 4 })),
    });
    const api = mockApi({
      ...NO_SPRINT,
      'GET /api/v1/today': today([weekdays]),
      'PUT /api/v1/habits/4/check-ins/2024-11-16': checkIn(4, '2024-11-16', 'done'),
    });
    renderPage();
    const row = (await screen.findByRole('link', { name: 'Standup' })).closest('li')!;
    const before = within(row).getByRole('button', { name: 'Standup, Mon 11 Nov: before the start date' });
    expect(before.dataset.status).toBe('before');
    expect(within(row).getByRole('button', { name: 'Standup, Tue 12 Nov: not checked in' }).dataset.due).toBeUndefined();
    const saturday = within(row).getByRole('button', { name: 'Standup, Sat 16 Nov: not scheduled' });
    expect(saturday.dataset.due).toBe('false');
    expect((saturday as HTMLButtonElement).disabled).toBe(false);
    expect(within(row).getByRole('button', { name: 'Standup, Today, Sun 17 Nov: not scheduled' }).dataset.due).toBe('false');
    expect(within(row).getByText('Not scheduled today')).toBeTruthy();
    // A day before the start checks nothing in; it offers to move the start date back.
    fireEvent.click(before);
    expect(within(row).getByRole('group', { name: 'Check in Standup before its start date' })).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(saturday);
    expect(within(row).getByRole('button', { name: 'Standup, Sat 16 Nov: done, not scheduled' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(api.called('PUT /api/v1/habits/4/check-ins/2024-11-16')).toHaveLength(1));
    expect(api.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
    // The ⋯ menu marks the weekend days, and offers none before the start date.
    fireEvent.click(within(row).getByRole('button', { name: 'More for Standup: skip, value, note' }));
    const options = within(await screen.findByRole('form', { name: 'Check in Standup' })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'Today, Sun 17 Nov (not due)',
      'Sat 16 Nov (not due)',
      'Fri 15 Nov',
      'Thu 14 Nov',
      'Wed 13 Nov',
      'Tue 12 Nov',
    ]);
  });

  it("shows the current sprint's pace in one line, linked to its board", async () => {
    mockApi({
      ...NO_SPRINT,
      'GET /api/v1/today': today([entry(1, 'Gym')]),
      'GET /api/v1/sprints/current': { ...SEED_SPRINT, id: 4, title: 'Fortnight 2', outcome: { state: 'on_pace', text: 'On pace for 75%: 1 of 11 days done, 13 left' } },
    });
    renderPage();
    const link = await screen.findByRole('link', { name: 'Fortnight 2' });
    expect(link.getAttribute('href')).toBe('/sprints/4');
    expect(link.parentElement!.textContent).toBe('Fortnight 2: On pace for 75%: 1 of 11 days done, 13 left');
  });

  it('reads the pace line again once a check-in is saved, not before', async () => {
    let saved = false;
    let release = () => undefined as void;
    const pace = () => `On pace for 75%: ${saved ? 1 : 0} of 11 days done, 14 left`;
    const api = mockApi({
      ...NO_SPRINT,
      'GET /api/v1/today': () => json(200, today([saved ? entry(1, 'Gym', { today: checkIn(1, DATE, 'done') as TodayHabit['today'] }) : entry(1, 'Gym')])),
      'GET /api/v1/sprints/current': () => json(200, { ...SEED_SPRINT, id: 4, title: 'Fortnight 2', outcome: { state: 'on_pace', text: pace() } }),
      [`PUT /api/v1/habits/1/check-ins/${DATE}`]: () =>
        new Promise<Response>((resolve) => {
          release = () => {
            saved = true;
            resolve(json(200, checkIn(1, DATE, 'done')));
          };
        }),
    });
    renderPage();
    expect(await screen.findByText(/0 of 11 days done/)).toBeTruthy();
    const reads = api.called('GET /api/v1/sprints/current').length;
    fireEvent.click(screen.getByRole('button', { name: 'Gym done today' }));
    await waitFor(() => expect(api.called(`PUT /api/v1/habits/1/check-ins/${DATE}`)).toHaveLength(1));
    expect(api.called('GET /api/v1/sprints/current')).toHaveLength(reads); // the save is still on its way
    release();
    expect(await screen.findByText(/1 of 11 days done/)).toBeTruthy();
  });

  it('offers to move the start date back when checking in a day before it', async () => {
    const gym = entry(1, 'Gym', { habit: { ...entry(1, 'Gym').habit, start_date: DATE } });
    let moved = false;
    const api = mockApi({
      ...NO_SPRINT,
      'GET /api/v1/today': () => json(200, today([moved ? { ...gym, habit: { ...gym.habit, start_date: '2024-11-16' } } : gym])),
      'PATCH /api/v1/habits/1': () => {
        moved = true;
        return json(200, { ...gym.habit, start_date: '2024-11-16' });
      },
    });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Gym, Sat 16 Nov: before the start date' }));
    const offer = screen.getByRole('group', { name: 'Check in Gym before its start date' });
    expect(offer.textContent).toContain('Move its start date back to Sat 16 Nov?');
    fireEvent.click(within(offer).getByRole('button', { name: 'Start on Sat 16 Nov' }));
    await screen.findByRole('button', { name: 'Gym, Sat 16 Nov: not checked in' });
    expect(api.called('PATCH /api/v1/habits/1')[0]!.body).toEqual({ start_date: '2024-11-16' });
    expect(screen.queryByRole('group', { name: 'Check in Gym before its start date' })).toBeNull();
  });

  it('a numeric item partly done today is in progress (8/20), not missed', async () => {
    const pages = entry(3, 'Pages', { habit: { ...entry(3, 'Pages').habit, kind: 'numeric', target_value: 20, unit: 'pages', target_type: 'at_least' } });
    pages.last_7_days[6] = { date: DATE, status: 'missed', value: 8, note: '', scheduled: true };
    pages.today = { habit_id: 3, date: DATE, status: 'missed', value: 8, note: '' };
    pages.in_progress = true;
    mockApi({ ...NO_SPRINT, 'GET /api/v1/today': today([pages]) });
    renderPage();
    const row = (await screen.findByRole('link', { name: 'Pages' })).closest('li')!;
    expect(row.textContent).toContain('In progress: 8/20 pages');
    expect(row.textContent).not.toContain('Missed today');
    expect(row.getAttribute('data-status')).toBe('in-progress');
    expect(within(row).getByRole('button', { name: /Today, .*: in progress/ })).toBeTruthy();
  });

  it('the ⋯ menu shows each day\'s value and note from /today, without another request', async () => {
    const pages = entry(3, 'Pages', { habit: { ...entry(3, 'Pages').habit, kind: 'numeric', target_value: 20, unit: 'pages', target_type: 'at_least' } });
    pages.last_7_days[5] = { date: '2024-11-16', status: 'done', value: 25, note: 'Attention is all you need', scheduled: true };
    pages.last_7_days[6] = { date: DATE, status: 'missed', value: 8, note: 'Tired', scheduled: true };
    pages.today = { habit_id: 3, date: DATE, status: 'missed', value: 8, note: 'Tired' };
    const api = mockApi({
      ...NO_SPRINT,
      'GET /api/v1/today': today([pages]),
      'PUT /api/v1/habits/3/check-ins/2024-11-16': { habit_id: 3, date: '2024-11-16', status: 'done', value: 30, note: 'Section 4' },
    });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'More for Pages: skip, value, note' }));
    let form = await screen.findByRole('form', { name: 'Check in Pages' });
    expect((within(form).getByLabelText('Value (pages)') as HTMLInputElement).value).toBe('8');
    expect((within(form).getByLabelText(/^Note/) as HTMLTextAreaElement).value).toBe('Tired');
    expect(within(form).getByRole('radio', { name: 'Enter value' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.change(within(form).getByLabelText('Day'), { target: { value: '2024-11-16' } });
    expect((within(form).getByLabelText('Value (pages)') as HTMLInputElement).value).toBe('25');
    expect((within(form).getByLabelText(/^Note/) as HTMLTextAreaElement).value).toBe('Attention is all you need');
    fireEvent.input(within(form).getByLabelText('Value (pages)'), { target: { value: '30' } });
    fireEvent.input(within(form).getByLabelText(/^Note/), { target: { value: 'Section 4' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Check in Pages' })).toBeNull());
    expect(api.called('PUT /api/v1/habits/3/check-ins/2024-11-16')[0]!.body).toEqual({ value: 30, note: 'Section 4' });
    // Tapping that day in the strip opens the menu on it, with what was just saved.
    fireEvent.click(screen.getByRole('button', { name: 'Pages, Sat 16 Nov: done' }));
    form = await screen.findByRole('form', { name: 'Check in Pages' });
    expect((within(form).getByLabelText('Day') as HTMLSelectElement).value).toBe('2024-11-16');
    expect((within(form).getByLabelText('Value (pages)') as HTMLInputElement).value).toBe('30');
    expect((within(form).getByLabelText(/^Note/) as HTMLTextAreaElement).value).toBe('Section 4');
    expect(api.calls.filter((c) => c.method === 'GET' && c.path.includes('/check-ins'))).toHaveLength(0);
  });

  it('tapping a past day keeps its note', async () => {
    const gym = entry(1, 'Gym');
    gym.last_7_days[4] = { date: '2024-11-15', status: 'skipped', value: null, note: 'Sore knee', scheduled: true };
    const api = mockApi({
      ...NO_SPRINT,
      'GET /api/v1/today': today([gym]),
      'PUT /api/v1/habits/1/check-ins/2024-11-15': { habit_id: 1, date: '2024-11-15', status: 'done', value: null, note: 'Sore knee' },
    });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Gym, Fri 15 Nov: skipped' }));
    await waitFor(() => expect(api.called('PUT /api/v1/habits/1/check-ins/2024-11-15')).toHaveLength(1));
    expect(api.called('PUT /api/v1/habits/1/check-ins/2024-11-15')[0]!.body).toEqual({ status: 'done', note: 'Sore knee' });
  });

  it('a new user creates the first action item right there', async () => {
    let created = false;
    const api = mockApi({
      ...NO_SPRINT,
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
    mockApi({ ...NO_SPRINT, 'GET /api/v1/today': () => (up ? json(200, today([entry(1, 'Gym')])) : json(500, { detail: 'boom' })) });
    renderPage();
    expect(await screen.findByText("Couldn't load this")).toBeTruthy();
    up = true;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Gym' })).toBeTruthy();
  });
});
