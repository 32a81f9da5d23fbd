import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { json, mockApi, validation } from '../test/api';
import { KeyResults } from './KeyResults';
import type { KeyResult } from './api';

const KR: KeyResult = { id: 5, goal_id: 2, title: 'Merged pull requests', start_value: 0, current_value: 1, target_value: 4, unit: 'PRs', progress: 0.25 };

describe('key results', () => {
  it('updates the current value inline and tells the page to reload', async () => {
    const onChanged = vi.fn();
    const api = mockApi({ 'PATCH /api/v1/goals/2/key-results/5': { ...KR, current_value: 3, progress: 0.75 } });
    render(<KeyResults goalId={2} items={[KR]} onChanged={onChanged} />);
    expect(screen.getByText('1 of 4 PRs')).toBeTruthy();
    expect(screen.getByText('25%')).toBeTruthy();
    const input = screen.getByLabelText('Current value of Merged pull requests');
    const update = screen.getByRole('button', { name: 'Update' }) as HTMLButtonElement;
    expect(update.disabled).toBe(true);

    fireEvent.input(input, { target: { value: 'three' } });
    fireEvent.click(update);
    expect(await screen.findByText('Enter a number, like 3 or 2.5.')).toBeTruthy();
    expect(api.calls).toHaveLength(0);

    fireEvent.input(input, { target: { value: '3' } });
    fireEvent.click(update);
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(api.called('PATCH /api/v1/goals/2/key-results/5')[0]?.body).toEqual({ current_value: 3 });
    expect(screen.getByText('Saved')).toBeTruthy();
  });

  it('shows the server’s validation message next to the value', async () => {
    mockApi({ 'PATCH /api/v1/goals/2/key-results/5': validation('current_value', 'Input should be less than or equal to 1000000000000') });
    render(<KeyResults goalId={2} items={[KR]} onChanged={() => {}} />);
    const input = screen.getByLabelText('Current value of Merged pull requests');
    fireEvent.input(input, { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Update' }));
    const msg = await screen.findByText('Input should be less than or equal to 1000000000000');
    expect(input.getAttribute('aria-describedby')).toBe(msg.id);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('adds a key result with numbers, and deletes one after confirmation', async () => {
    const onChanged = vi.fn();
    const api = mockApi({
      'POST /api/v1/goals/2/key-results': json(201, { ...KR, id: 6, title: 'Issues triaged' }),
      'DELETE /api/v1/goals/2/key-results/5': json(204),
    });
    render(<KeyResults goalId={2} items={[KR]} onChanged={onChanged} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add key result' }));
    expect(screen.getByText(/Say what you will measure/)).toBeTruthy();
    expect(api.calls).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Key result'), { target: { value: 'Issues triaged' } });
    fireEvent.input(screen.getByLabelText('Target'), { target: { value: '10' } });
    fireEvent.input(screen.getByLabelText('Current (optional)'), { target: { value: '2.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add key result' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(api.called('POST /api/v1/goals/2/key-results')[0]?.body).toEqual({
      title: 'Issues triaged',
      target_value: 10,
      start_value: 0,
      unit: '',
      current_value: 2.5,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Delete key result Merged pull requests' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete key result' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(2));
    expect(api.called('DELETE /api/v1/goals/2/key-results/5')).toHaveLength(1);
  });
});
