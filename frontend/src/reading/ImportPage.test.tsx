import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json } from '../test/api';
import { guessFormat } from './api';
import ImportPage from './ImportPage';

const BIB = '@article{a, title={Attention Is All You Need}, year=2017}\n@book{b, title={Deep Learning}}\n@article{c, title={broken';

function result(dryRun: boolean) {
  return {
    created: 2,
    skipped: 1,
    dry_run: dryRun,
    errors: [{ line: 3, message: 'could not parse this entry (unbalanced braces or quotes?)' }],
    items: [
      { title: 'Attention Is All You Need', kind: 'paper', authors: ['Ashish Vaswani'], year: 2017, citation_key: 'a' },
      { title: 'Deep Learning', kind: 'book', authors: [], year: null, citation_key: 'b' },
    ],
  };
}

/** The import body is BibTeX, not JSON, so this stubs fetch itself and records the raw text. */
function stubImport(answer: (dryRun: boolean) => Response) {
  const calls: { url: URL; type: string | null; body: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      calls.push({ url, type: req.headers.get('Content-Type'), body: await req.text() });
      return answer(url.searchParams.get('dry_run') === 'true');
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('import page', () => {
  it('previews what will be created, then imports it', async () => {
    const calls = stubImport((dryRun) => json(200, result(dryRun)));
    render(<ImportPage />);
    fireEvent.input(screen.getByLabelText('Or paste it'), { target: { value: BIB } });
    expect(screen.getByRole('option', { name: 'Detect (BibTeX)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = await screen.findByRole('region', { name: 'Preview' });
    expect(preview.textContent).toContain('2 will be added · 1 already in your library or repeated (skipped) · 1 could not be read');
    expect(preview.textContent).toContain('Line 3: could not parse this entry');
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.pathname).toBe('/api/v1/reading-items/import');
    expect(calls[0]!.url.searchParams.get('dry_run')).toBe('true');
    expect(calls[0]!.type).toBe('application/x-bibtex');
    expect(calls[0]!.body).toBe(BIB);

    fireEvent.click(screen.getByRole('button', { name: 'Import 2 items' }));
    expect(await screen.findByText('Imported 2 items.', { exact: false })).toBeTruthy();
    expect(calls[1]!.url.searchParams.get('dry_run')).toBe('false');
    expect(screen.queryByRole('region', { name: 'Preview' })).toBeNull();
  });

  it('sends RIS as RIS and shows a whole-file failure', async () => {
    const calls = stubImport(() => json(422, { detail: 'No RIS records found (each starts with \'TY  - \')' }));
    render(<ImportPage />);
    fireEvent.input(screen.getByLabelText('Or paste it'), { target: { value: 'TY  - JOUR\nTI  - A\nER  - \n' } });
    expect(screen.getByRole('option', { name: 'Detect (RIS)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByText(/^No RIS records found/)).toBeTruthy();
    expect(calls[0]!.type).toBe('application/x-research-info-systems');
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
  });

  it('asks for something before sending', async () => {
    const calls = stubImport(() => json(200, result(true)));
    render(<ImportPage />);
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(screen.getByText('Paste BibTeX or RIS, or choose a file.')).toBeTruthy());
    expect(calls).toHaveLength(0);
  });

  it('guesses the format', () => {
    expect(guessFormat(BIB)).toBe('bibtex');
    expect(guessFormat('TY  - JOUR\nER  - ')).toBe('ris');
    expect(guessFormat('anything', 'zotero.ris')).toBe('ris');
    expect(guessFormat('TY  - JOUR', 'x.bib')).toBe('bibtex');
  });
});
