import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { json, mockApi } from '../test/api';
import { GoalPicker } from './GoalPicker';

const goal = (id: number, title: string, status = 'active') => ({
  id, title, status, description: '', area: 'other', importance: 'optional', enthusiasm: 'okay',
  target_date: null, progress: null, key_result_count: 0,
});
const GOALS = { items: [goal(1, 'Open source'), goal(2, 'Old one', 'dropped')], total: 2 };

function Single({ initial = null as number | null, activeOnly = false }) {
  const [value, setValue] = useState<number | null>(initial);
  return (
    <>
      <GoalPicker value={value} onChange={setValue} activeOnly={activeOnly} />
      <output>{String(value)}</output>
    </>
  );
}

function Multi({ initial = [] as number[] }) {
  const [value, setValue] = useState<number[]>(initial);
  return (
    <>
      <GoalPicker multiple value={value} onChange={setValue} />
      <output>{value.join(',')}</output>
    </>
  );
}

describe('goal picker', () => {
  it('offers the goals in a select, as numbers, with one request for every picker on the page', async () => {
    const api = mockApi({ 'GET /api/v1/goals': GOALS });
    render(
      <>
        <Single />
        <Single activeOnly />
      </>,
    );
    const [all, active] = (await screen.findAllByLabelText('Goal (optional)')) as HTMLSelectElement[];
    await waitFor(() => expect(all!.options).toHaveLength(3));
    expect(active!.options).toHaveLength(2); // "No goal" and the active goal
    fireEvent.change(all!, { target: { value: '2' } });
    expect(screen.getAllByRole('status').length).toBeGreaterThan(0);
    expect(screen.getByText('2')).toBeTruthy();
    fireEvent.change(all!, { target: { value: '' } });
    expect(screen.getAllByText('null')).toHaveLength(2);
    expect(api.called('GET /api/v1/goals')).toHaveLength(1);
  });

  it('keeps a chosen goal it cannot show, and says when the goals could not be loaded', async () => {
    mockApi({ 'GET /api/v1/goals': json(500, { detail: 'boom' }) });
    render(<Single initial={9} />);
    expect(await screen.findByText("Your goals couldn't be loaded; the chosen ones are kept as they are.")).toBeTruthy();
    const select = screen.getByLabelText('Goal (optional)') as HTMLSelectElement;
    expect(select.value).toBe('9');
    expect(select.options[1]!.textContent).toBe('Goal #9');
  });

  it('chooses several goals with checkboxes', async () => {
    mockApi({ 'GET /api/v1/goals': GOALS });
    render(<Multi initial={[2]} />);
    expect(screen.getByText('Loading your goals…')).toBeTruthy();
    const open = (await screen.findByLabelText('Open source')) as HTMLInputElement;
    expect((screen.getByLabelText(/Old one/) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('(dropped)')).toBeTruthy();
    fireEvent.click(open);
    expect(screen.getByText('2,1')).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Old one/));
    expect(screen.getByText('1')).toBeTruthy();
  });
});
