import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../auth/session';
import { json, mockApi, USER, validation } from '../test/api';
import { DataSection } from './DataSection';
import { countsText } from './labels';

function renderSection() {
  return render(
    <SessionProvider initialUser={USER}>
      <DataSection />
    </SessionProvider>,
  );
}

const LOOP_PREVIEW = {
  dry_run: true,
  created: { habits: 2, check_ins: 120 },
  updated: { habits: 0, check_ins: 0 },
  converted: [{ habit: 'Call home', from: '1 time in 2 days', to: '4 times a week' }],
  ignored: { auto: 3, unknown: 0, out_of_range: 0 },
  habits: [],
};

function choose(file: File) {
  const input = screen.getByLabelText('File to import') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('your data', () => {
  it('links the export download', () => {
    mockApi({});
    renderSection();
    const link = screen.getByRole('link', { name: 'Download your data' });
    expect(link.getAttribute('href')).toBe('/api/v1/export');
    expect(link.hasAttribute('download')).toBe(true);
  });

  it('previews a Loop import with a dry run, then imports', async () => {
    const api = mockApi({
      'POST /api/v1/import/loop': (req: Request) =>
        json(200, new URL(req.url).searchParams.get('dry_run') === 'true' ? LOOP_PREVIEW : { ...LOOP_PREVIEW, dry_run: false }),
    });
    renderSection();
    choose(new File(['PK zip bytes'], 'Loop Habits CSV 2026-11-30.zip', { type: 'application/zip' }));
    expect(await screen.findByText('Will create: 2 action items, 120 check-ins.')).toBeTruthy();
    expect(screen.getByText('Call home: 1 time in 2 days → 4 times a week')).toBeTruthy();
    const preview = api.called('POST /api/v1/import/loop')[0];
    expect(preview?.headers.get('Content-Type')).toBe('application/zip');
    expect(preview?.body).toBe('PK zip bytes');

    fireEvent.click(screen.getByRole('button', { name: 'Import this file' }));
    expect(await screen.findByText('Created: 2 action items, 120 check-ins.')).toBeTruthy();
    expect(api.called('POST /api/v1/import/loop')).toHaveLength(2);
  });

  it('sends a .json file to the Kaizen import and shows its errors', async () => {
    const api = mockApi({
      'POST /api/v1/import': json(422, {
        detail: [
          { loc: ['body', '$.habits[0].name'], msg: '$.habits[0].name: Field required', type: 'value_error' },
          { loc: ['body', '$.sprints[1].habit_ids'], msg: '$.sprints[1].habit_ids: no habits item has id 9', type: 'value_error' },
        ],
      }),
    });
    renderSection();
    choose(new File(['{"format": "kaizen"}'], 'kaizen-export.json', { type: 'application/json' }));
    expect(await screen.findByText('$.habits[0].name: Field required')).toBeTruthy();
    expect(screen.getByText('$.sprints[1].habit_ids: no habits item has id 9')).toBeTruthy();
    expect(api.called('POST /api/v1/import')[0]?.body).toEqual({ format: 'kaizen' });
    expect(screen.queryByRole('button', { name: 'Import this file' })).toBeNull();
  });

  it('deletes the account with the password, then signs out', async () => {
    const api = mockApi({ 'DELETE /api/v1/me': json(204), 'POST /api/v1/auth/logout': json(204) });
    renderSection();
    fireEvent.click(screen.getByRole('button', { name: 'Delete account…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Your password'), { target: { value: 'my password 1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    await screen.findByText('Deleting…');
    await new Promise((r) => setTimeout(r, 0));
    expect(api.called('DELETE /api/v1/me')[0]?.body).toEqual({ password: 'my password 1' });
    expect(api.called('POST /api/v1/auth/logout')).toHaveLength(1);
  });

  it('shows a wrong password next to the field', async () => {
    mockApi({ 'DELETE /api/v1/me': validation('password', 'Password is incorrect') });
    renderSection();
    fireEvent.click(screen.getByRole('button', { name: 'Delete account…' }));
    fireEvent.input(screen.getByLabelText('Your password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect(await screen.findByText('Password is incorrect')).toBeTruthy();
  });
});

describe('countsText', () => {
  it('names counts for a person', () => {
    expect(countsText({ habits: 1, check_ins: 2, goals: 0 })).toBe('1 action item, 2 check-ins');
    expect(countsText({})).toBe('nothing');
  });
});
