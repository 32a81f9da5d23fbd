import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { describe, expect, it } from 'vitest';
import { json, mockApi } from '../test/api';
import ImportPage from './ImportPage';

const CSV = 'organization,role,stage\r\nSarvam AI,ML Engineer,applied\r\nGoogle,SWE,wishlist\r\nGoogle,SWE,wishlist\r\n';

function result(dryRun: boolean, extra: Record<string, unknown> = {}) {
  return {
    dry_run: dryRun,
    created: 2,
    skipped: 1,
    organizations: [
      { name: 'Sarvam AI', type: 'ai_product', action: 'match' },
      { name: 'Google', type: 'other', action: 'create' },
    ],
    rows: [
      { line: 2, organization: 'Sarvam AI', role: 'ML Engineer', kind: 'job', stage: 'applied', action: 'create', reason: null },
      { line: 3, organization: 'Google', role: 'SWE', kind: 'internship', stage: 'wishlist', action: 'create', reason: null },
      { line: 4, organization: 'Google', role: 'SWE', kind: 'job', stage: 'wishlist', action: 'skip', reason: 'the same as line 3' },
    ],
    errors: [],
    ignored_columns: [],
    ...extra,
  };
}

function renderPage() {
  return render(
    <LocationProvider>
      <ImportPage />
    </LocationProvider>,
  );
}

function paste(text: string) {
  fireEvent.input(screen.getByLabelText('Or paste it'), { target: { value: text } });
}

describe('ImportPage', () => {
  it('previews with a dry run, then imports the same text', async () => {
    const api = mockApi({
      'POST /api/v1/applications/import': (req: Request) =>
        json(200, result(new URL(req.url).searchParams.get('dry_run') === 'true')),
    });
    renderPage();
    paste(CSV);
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect((await screen.findByTestId('csv-counts')).textContent).toContain('2 applications will be created · 1 skipped');
    expect(screen.getByText(/New organizations: Google \(Other\)/)).toBeTruthy();
    expect(screen.getByText(/Already yours: Sarvam AI/)).toBeTruthy();
    expect(screen.getByText('skipped: the same as line 3')).toBeTruthy();
    const [previewCall] = api.called('POST /api/v1/applications/import');
    expect(previewCall?.headers.get('Content-Type')).toBe('text/csv');

    fireEvent.click(screen.getByRole('button', { name: 'Import 2 applications' }));
    expect(await screen.findByText(/Imported 2 applications/)).toBeTruthy();
    const calls = api.called('POST /api/v1/applications/import');
    expect(calls).toHaveLength(2);
    expect(String(calls[1]?.body)).toContain('Sarvam AI,ML Engineer,applied');
    expect(screen.queryByRole('button', { name: /^Import \d/ })).toBeNull();
  });

  it('lists problems by line and offers no import while there are any', async () => {
    mockApi({
      'POST /api/v1/applications/import': json(
        200,
        result(true, { created: 1, errors: [{ line: 3, message: "stage: Input should be 'wishlist', …" }] }),
      ),
    });
    renderPage();
    paste('organization,role,stage\nAcme,SWE,applied\nAcme,Analyst,hired\n');
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByText(/Line 3: stage/)).toBeTruthy();
    expect(screen.getByText(/an import with problems changes nothing/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Import \d/ })).toBeNull();
  });

  it('says what is wrong with an unreadable file, and asks for something to read', async () => {
    mockApi({
      'POST /api/v1/applications/import': json(422, { detail: 'The first line must name the columns; role is missing' }),
    });
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByText('Paste the CSV, or choose a file.')).toBeTruthy();
    paste('name\nAcme\n');
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(screen.getByText(/role is missing/)).toBeTruthy());
  });
});
