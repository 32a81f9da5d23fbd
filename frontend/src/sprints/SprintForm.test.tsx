import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { describe, expect, it } from 'vitest';
import { json, mockApi, validation } from '../test/api';
import { SEED_SPRINT } from './testData';
import { SprintFormLoader, validateSprint } from './SprintForm';

const HABIT = (id: number, name: string, archived = false) => ({
  id, name, archived, description: '', kind: 'boolean', target_value: null, unit: null, target_type: null,
  schedule: { type: 'daily' }, start_date: '2024-11-04', goal_id: null, color: null, position: id,
});

function setup(extra: Record<string, unknown> = {}) {
  history.replaceState(null, '', '/sprints/new');
  const api = mockApi({
    'GET /api/v1/today': { date: '2024-11-04', timezone: 'Asia/Kolkata', habits: [] },
    'GET /api/v1/habits': { items: [HABIT(11, 'No regular smoking up'), HABIT(12, 'Gym every day'), HABIT(13, 'Old thing', true)], total: 3 },
    'GET /api/v1/goals': { items: [], total: 0 },
    ...extra,
  });
  return api;
}

const input = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('plan a sprint', () => {
  it('defaults to today and two weeks; the end follows the start', async () => {
    setup();
    render(<LocationProvider><SprintFormLoader /></LocationProvider>);
    const start = (await screen.findByLabelText('Start date')) as HTMLInputElement;
    const end = screen.getByLabelText('End date') as HTMLInputElement;
    expect(start.value).toBe('2024-11-04');
    expect(end.value).toBe('2024-11-17');
    expect(screen.getByText('14 days')).toBeTruthy();
    expect((screen.getByLabelText('Target') as HTMLInputElement).value).toBe('75');
    expect(screen.getByText('A daily item then needs 11 of its 14 days.')).toBeTruthy();
    input('Start date', '2024-11-10');
    expect(end.value).toBe('2024-11-23');
    // Once the end is chosen by hand, it stays.
    input('End date', '2024-11-30');
    input('Start date', '2024-11-11');
    expect(end.value).toBe('2024-11-30');
    // Archived items are not offered for a new sprint.
    expect(screen.queryByLabelText('Old thing')).toBeNull();
    expect(await screen.findByText(/No goals yet/)).toBeTruthy();
  });

  it('checks the fields before sending anything', async () => {
    const api = setup();
    render(<LocationProvider><SprintFormLoader /></LocationProvider>);
    await screen.findByLabelText('Start date');
    input('End date', '2024-11-01');
    input('Target', '120');
    fireEvent.click(screen.getByRole('button', { name: 'Plan sprint' }));
    expect(screen.getByText(/Give the sprint a title/)).toBeTruthy();
    const end = screen.getByLabelText('End date');
    expect(end.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(end.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent).toBe(
      'The end date can’t be before the start date.',
    );
    expect(screen.getByText('The target must be between 0 and 100 %.')).toBeTruthy();
    expect(api.called('POST /api/v1/sprints')).toHaveLength(0);
    expect(validateSprint({ title: 'x', theme: '', start_date: '2024-11-04', end_date: '2024-11-04', target_rate: '-1', habit_ids: [], goal_ids: [], plan: '' }).target_rate).toBe(
      'The target must be between 0 and 100 %.',
    );
    expect(validateSprint({ title: 'x', theme: '', start_date: '2024-11-04', end_date: '2026-11-04', target_rate: '75', habit_ids: [], goal_ids: [], plan: '' }).end_date).toBe(
      'A sprint lasts at most 366 days.',
    );
  });

  it('sends the sprint with its items and shows server messages next to the field', async () => {
    let reject = true;
    const api = setup({
      'POST /api/v1/sprints': () => (reject ? validation('end_date', 'end_date 2024-11-01 is before start_date 2024-11-04') : json(201, { ...SEED_SPRINT, id: 9 })),
    });
    render(<LocationProvider><SprintFormLoader /></LocationProvider>);
    await screen.findByLabelText('Start date');
    input('Title', '  Fortnight 2  ');
    input('Target', '80');
    fireEvent.click(screen.getByLabelText('Gym every day'));
    fireEvent.click(screen.getByLabelText('No regular smoking up'));
    input('Plan (Markdown)', '**gym** first');
    fireEvent.click(screen.getByRole('button', { name: 'Plan sprint' }));
    expect(await screen.findByText('End_date 2024-11-01 is before start_date 2024-11-04')).toBeTruthy();
    expect(screen.getByLabelText('End date').getAttribute('aria-invalid')).toBe('true');

    reject = false;
    fireEvent.click(screen.getByRole('button', { name: 'Plan sprint' }));
    await waitFor(() => expect(location.pathname).toBe('/sprints/9'));
    expect(api.called('POST /api/v1/sprints')[1]!.body).toEqual({
      title: 'Fortnight 2',
      theme: '',
      start_date: '2024-11-04',
      end_date: '2024-11-17',
      target_rate: 0.8,
      habit_ids: [12, 11],
      goal_ids: [],
      plan: '**gym** first',
      retrospective: '',
    });
  });

  it('adds a new action item inline and selects it', async () => {
    const api = setup({ 'POST /api/v1/habits': json(201, HABIT(14, 'No junk food')) });
    render(<LocationProvider><SprintFormLoader /></LocationProvider>);
    await screen.findByLabelText('Start date');
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText('Type the action item’s name first.')).toBeTruthy();
    input('New daily action item', 'No junk food');
    fireEvent.keyDown(screen.getByLabelText('New daily action item'), { key: 'Enter' });
    const box = (await screen.findByLabelText('No junk food')) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(api.called('POST /api/v1/habits')[0]!.body).toEqual({ name: 'No junk food' });
    expect(api.called('POST /api/v1/sprints')).toHaveLength(0);
  });

  it('edits a sprint: keeps its archived item, saves with PATCH, can delete', async () => {
    history.replaceState(null, '', '/sprints/1/edit');
    const api = setup({
      'GET /api/v1/sprints/1': { ...SEED_SPRINT, habit_ids: [13, 11] },
      'PATCH /api/v1/sprints/1': SEED_SPRINT,
      'DELETE /api/v1/sprints/1': json(204),
    });
    render(<LocationProvider><SprintFormLoader id={1} /></LocationProvider>);
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit sprint' })).toBeTruthy();
    expect(((await screen.findByLabelText('Title')) as HTMLInputElement).value).toBe('Back from Diwali');
    expect((screen.getByLabelText(/Old thing/) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(location.pathname).toBe('/sprints/1'));
    // Nothing changed, so nothing is sent: the archived item stays, and another tab's edits
    // survive. An edit sends only the fields it changes.
    expect(api.called('PATCH /api/v1/sprints/1')[0]!.body).toEqual({});

    fireEvent.click(screen.getByRole('button', { name: 'Delete sprint' }));
    const dialog = screen.getByRole('dialog', { hidden: true });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete sprint', hidden: true }));
    await waitFor(() => expect(location.pathname).toBe('/sprints/history'));
    expect(api.called('DELETE /api/v1/sprints/1')).toHaveLength(1);
  });

  it('an edit sends only the fields it changed', async () => {
    history.replaceState(null, '', '/sprints/1/edit');
    const api = setup({
      'GET /api/v1/sprints/1': { ...SEED_SPRINT, habit_ids: [13, 11] },
      'PATCH /api/v1/sprints/1': SEED_SPRINT,
    });
    render(<LocationProvider><SprintFormLoader id={1} /></LocationProvider>);
    const title = (await screen.findByLabelText('Title')) as HTMLInputElement;
    fireEvent.input(title, { target: { value: 'Back from Diwali, again' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(api.called('PATCH /api/v1/sprints/1')).toHaveLength(1));
    expect(api.called('PATCH /api/v1/sprints/1')[0]!.body).toEqual({ title: 'Back from Diwali, again' });
  });

  it('sends the version it loaded, and shows "changed elsewhere" instead of overwriting', async () => {
    history.replaceState(null, '', '/sprints/1/edit');
    const api = setup({
      'GET /api/v1/sprints/1': json(200, SEED_SPRINT, { ETag: '"v1"' }),
      'PATCH /api/v1/sprints/1': json(412, { detail: 'Changed elsewhere since you loaded it; reload and try again' }),
    });
    render(<LocationProvider><SprintFormLoader id={1} /></LocationProvider>);
    const title = (await screen.findByLabelText('Title')) as HTMLInputElement;
    fireEvent.input(title, { target: { value: 'Mine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(/Changed elsewhere/)).toBeTruthy();
    expect(api.called('PATCH /api/v1/sprints/1')[0]!.headers.get('If-Match')).toBe('"v1"');
  });
});
