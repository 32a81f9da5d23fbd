import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { json, mockApi, validation } from '../test/api';
import { HabitForm } from './HabitForm';
import type { Habit } from './api';
import { onColor } from './colors';
import { describeSchedule, describeTarget } from './labels';

const saved: Habit = {
  id: 5, name: 'Deep work', description: '', kind: 'numeric', target_value: 90, unit: 'minutes', target_type: 'at_least',
  schedule: { type: 'weekdays', days: [1, 3] }, start_date: '2024-11-04', goal_id: null, color: '#0e7490', position: 1, archived: false,
};

const NO_GOALS = { 'GET /api/v1/goals': { items: [], total: 0 } };

describe('HabitForm', () => {
  it('checks before sending, then creates a numeric habit on chosen days', async () => {
    const api = mockApi({ ...NO_GOALS, 'POST /api/v1/habits': json(201, saved) });
    const onSaved = vi.fn();
    render(<HabitForm today="2024-11-17" onSaved={onSaved} onCancel={() => undefined} />);
    fireEvent.click(screen.getByLabelText('A number (e.g. minutes, pages)'));
    fireEvent.click(screen.getByLabelText('On chosen days'));
    // Weekdays are preselected; clear them all to see the check.
    for (const d of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) fireEvent.click(screen.getByLabelText(d));
    fireEvent.click(screen.getByRole('button', { name: 'Create action item' }));
    expect(await screen.findByText('Give it a name, e.g. "Gym".')).toBeTruthy();
    expect(screen.getByText('Enter the target, e.g. 30.')).toBeTruthy();
    expect(screen.getByText('Pick at least one day.')).toBeTruthy();
    expect(api.called('POST /api/v1/habits')).toHaveLength(0);

    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Deep work ' } });
    fireEvent.input(screen.getByLabelText('Target'), { target: { value: '90' } });
    fireEvent.input(screen.getByLabelText('Unit (optional)'), { target: { value: 'minutes' } });
    fireEvent.click(screen.getByLabelText('Wed'));
    fireEvent.click(screen.getByLabelText('Mon'));
    fireEvent.click(screen.getByLabelText('Teal'));
    fireEvent.click(screen.getByRole('button', { name: 'Create action item' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(api.called('POST /api/v1/habits')[0]!.body).toEqual({
      name: 'Deep work', description: '', goal_id: null, kind: 'numeric', target_value: 90, unit: 'minutes', target_type: 'at_least',
      schedule: { type: 'weekdays', days: [1, 3] }, start_date: '2024-11-17', color: '#0e7490',
    });
  });

  it('links the action item to the goal it serves', async () => {
    const goal = {
      id: 7, title: 'Strengthen core CS/ML/DL', description: '', area: 'fundamentals', importance: 'required',
      enthusiasm: 'okay', status: 'active', target_date: null, progress: null, key_result_count: 0,
    };
    const api = mockApi({
      'GET /api/v1/goals': { items: [goal, { ...goal, id: 8, title: 'Dropped one', status: 'dropped' }], total: 2 },
      'POST /api/v1/habits': json(201, { ...saved, goal_id: 7 }),
    });
    render(<HabitForm today="2024-11-17" onSaved={() => undefined} onCancel={() => undefined} />);
    const select = (await screen.findByLabelText('Serves goal (optional)')) as HTMLSelectElement;
    await waitFor(() => expect(select.options).toHaveLength(2)); // "No goal" and the active goal
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Implement autograd' } });
    fireEvent.change(select, { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create action item' }));
    await waitFor(() => expect(api.called('POST /api/v1/habits')).toHaveLength(1));
    expect(api.called('POST /api/v1/habits')[0]!.body).toMatchObject({ name: 'Implement autograd', goal_id: 7 });
  });

  it("puts the server's 422 next to the field", async () => {
    mockApi({ ...NO_GOALS, 'PATCH /api/v1/habits/5': validation('start_date', 'Start date cannot be in the future') });
    render(<HabitForm habit={saved} today="2024-11-17" onSaved={() => undefined} onCancel={() => undefined} />);
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Deep work');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Start date cannot be in the future')).toBeTruthy();
    expect(screen.getByLabelText('Start date').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('habit wording', () => {
  it('describes schedules and targets', () => {
    expect(describeSchedule({ type: 'daily' })).toBe('Every day');
    expect(describeSchedule({ type: 'weekdays', days: [5, 1, 3] })).toBe('Mon, Wed, Fri');
    expect(describeSchedule({ type: 'weekdays', days: [1, 2, 3, 4, 5] })).toBe('Weekdays');
    expect(describeSchedule({ type: 'times_per_week', times: 3 })).toBe('3 times a week');
    expect(describeSchedule({ type: 'times_per_week', times: 1 })).toBe('Once a week');
    expect(describeTarget(saved)).toBe('at least 90 minutes');
    expect(describeTarget({ ...saved, target_type: 'at_most', unit: null, target_value: 2 })).toBe('at most 2');
    expect(describeTarget({ ...saved, kind: 'boolean' })).toBe('');
  });
  it('picks a readable text colour for a habit colour', () => {
    expect(onColor('#4f46e5')).toBe('#ffffff');
    expect(onColor('#fde047')).toBe('#111111');
  });
});
