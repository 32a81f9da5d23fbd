import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { useFileImport } from './useFileImport';

function Importer({ send, maxBytes = 10 }: { send: (text: string, dryRun: boolean) => Promise<string>; maxBytes?: number }) {
  const imp = useFileImport({ maxBytes, tooBig: 'Too big.', empty: 'Nothing to import.', send });
  return (
    <div>
      <input type="file" aria-label="File" onChange={imp.chooseFile} />
      <textarea aria-label="Text" value={imp.text} onInput={(e) => imp.changeText(e.currentTarget.value)} />
      <button type="button" onClick={() => void imp.run(true)}>
        Preview
      </button>
      <button type="button" onClick={() => void imp.run(false)}>
        Import
      </button>
      <p data-testid="state">{JSON.stringify({ filename: imp.filename, preview: imp.preview, result: imp.result, error: imp.error })}</p>
    </div>
  );
}

const state = () => JSON.parse(screen.getByTestId('state').textContent ?? '{}') as Record<string, unknown>;

describe('useFileImport', () => {
  it('asks for text, previews, imports, and forgets the preview when the text changes', async () => {
    const send = vi.fn(async (text: string, dryRun: boolean) => `${dryRun ? 'preview' : 'import'} of ${text}`);
    render(<Importer send={send} />);
    fireEvent.click(screen.getByText('Preview'));
    expect(state().error).toBe('Nothing to import.');
    expect(send).not.toHaveBeenCalled();

    fireEvent.input(screen.getByLabelText('Text'), { target: { value: 'a,b' } });
    expect(state().error).toBeNull();
    fireEvent.click(screen.getByText('Preview'));
    await waitFor(() => expect(state().preview).toBe('preview of a,b'));
    fireEvent.click(screen.getByText('Import'));
    await waitFor(() => expect(state()).toMatchObject({ preview: null, result: 'import of a,b' }));
    expect(send.mock.calls).toEqual([
      ['a,b', true],
      ['a,b', false],
    ]);

    fireEvent.input(screen.getByLabelText('Text'), { target: { value: 'c' } });
    expect(state()).toMatchObject({ preview: null, result: null });
  });

  it('refuses text or a file over the limit, reads a file in, and shows a failure', async () => {
    const send = vi.fn(async () => {
      throw new ApiError(400, 'Not CSV.');
    });
    render(<Importer send={send} />);
    fireEvent.input(screen.getByLabelText('Text'), { target: { value: 'x'.repeat(11) } });
    fireEvent.click(screen.getByText('Preview'));
    expect(state().error).toBe('Too big.');

    const input = screen.getByLabelText('File');
    fireEvent.change(input, { target: { files: [new File(['y'.repeat(11)], 'big.csv')] } });
    expect(state().error).toBe('Too big.');
    fireEvent.change(input, { target: { files: [new File(['a,b'], 'small.csv')] } });
    await waitFor(() => expect(state()).toMatchObject({ filename: 'small.csv', error: null }));
    expect((screen.getByLabelText('Text') as HTMLTextAreaElement).value).toBe('a,b');

    fireEvent.click(screen.getByText('Preview'));
    await waitFor(() => expect(state().error).toBe('Not CSV.'));
    expect(send).toHaveBeenCalledTimes(1);
  });
});
