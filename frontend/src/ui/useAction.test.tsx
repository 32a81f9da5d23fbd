import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { ConfirmDialog } from './ConfirmDialog';
import { useAction } from './useAction';

function Deleter({ fn, onDone }: { fn: (name: string) => Promise<void>; onDone: (name: string) => void }) {
  const del = useAction(fn, { onDone: (_, name) => onDone(name) });
  return (
    <>
      <button type="button" onClick={() => del.ask('Gym')}>
        Delete Gym
      </button>
      <ConfirmDialog {...del.dialog} title={`Delete “${del.pending ?? ''}”?`} confirmLabel="Delete" busyLabel="Deleting…" />
    </>
  );
}

describe('useAction', () => {
  it('asks first, shows the failure in the dialog, and closes it once the action succeeds', async () => {
    let fail = true;
    const fn = vi.fn(async () => {
      if (fail) throw new ApiError(409, 'Still in use.');
    });
    const onDone = vi.fn();
    render(<Deleter fn={fn} onDone={onDone} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete Gym' }));
    const dialog = screen.getByRole('dialog', { hidden: true });
    expect(within(dialog).getByText('Delete “Gym”?')).toBeTruthy();
    expect(fn).not.toHaveBeenCalled();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete', hidden: true }));
    expect(await within(dialog).findByText('Still in use.')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();

    fail = false;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete', hidden: true }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Gym'));
    expect(fn).toHaveBeenCalledTimes(2);
    expect(fn).toHaveBeenLastCalledWith('Gym');
    await waitFor(() => expect((dialog as HTMLDialogElement).open).toBe(false));
    expect(within(dialog).queryByText('Still in use.')).toBeNull();
  });

  it('cancel closes the question without running anything', () => {
    const fn = vi.fn(async () => undefined);
    render(<Deleter fn={fn} onDone={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete Gym' }));
    const dialog = screen.getByRole('dialog', { hidden: true }) as HTMLDialogElement;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    expect(dialog.open).toBe(false);
    expect(fn).not.toHaveBeenCalled();
  });
});
