import { act, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setUpdate } from './update';
import { UpdatePrompt } from './UpdatePrompt';

afterEach(() => setUpdate(null));

describe('UpdatePrompt', () => {
  it('says nothing until a new version waits, then offers to reload into it', async () => {
    render(<UpdatePrompt />);
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
    const apply = vi.fn(async () => undefined);
    act(() => setUpdate(apply));
    expect(screen.getByText('A new version of Kaizen is ready.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(apply).toHaveBeenCalledOnce();
  });

  it('can be put off', () => {
    render(<UpdatePrompt />);
    act(() => setUpdate(async () => undefined));
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByText('A new version of Kaizen is ready.')).toBeNull();
  });
});
