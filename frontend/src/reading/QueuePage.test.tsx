import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { json, mockApi } from '../test/api';
import { draftFromIdentifier } from './AddBox';
import { readingItem } from './fixtures';
import { looksLikeIdentifier } from './labels';
import QueuePage from './QueuePage';

const QUEUE = [
  readingItem(1, { title: 'Attention Is All You Need', status: 'reading', authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'], year: 2017, progress_current: 9, progress_total: 15 }),
  readingItem(2, { title: 'Deep Learning', kind: 'book' }),
  readingItem(3, { title: 'Random Forests' }),
];

const BASE = {
  'GET /api/v1/reading-items': { items: QUEUE, total: 3 },
  'GET /api/v1/goals': { items: [], total: 0 },
  'GET /api/v1/reading-settings': { habit_id: null, unit: 'pages' },
  'GET /api/v1/habits': { items: [], total: 0 },
};

const titles = () => within(screen.getByRole('list', { name: 'Reading queue' })).getAllByRole('link').map((a) => a.textContent);

describe('reading queue', () => {
  it('lists the queue in order with progress, and asks only for queued and reading items', async () => {
    const api = mockApi(BASE);
    render(<QueuePage />);
    expect(screen.getByText('Loading the queue…')).toBeTruthy();
    await screen.findByRole('list', { name: 'Reading queue' });
    expect(titles()).toEqual(['Attention Is All You Need', 'Deep Learning', 'Random Forests']);
    expect(screen.getByText('9 of 15 pages')).toBeTruthy();
    expect(screen.getByText('Vaswani et al.')).toBeTruthy();
    const list = api.fetchMock.mock.calls.map(([req]) => new URL((req as Request).url)).find((u) => u.pathname === '/api/v1/reading-items');
    const url = list!;
    expect(url.searchParams.getAll('status')).toEqual(['reading', 'queued']);
    expect(screen.getByRole('button', { name: 'Finish “Attention Is All You Need”' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start “Deep Learning”' })).toBeTruthy();
  });

  it('moves an item with the keyboard buttons and saves the whole order', async () => {
    const api = mockApi({ ...BASE, 'POST /api/v1/reading-items/reorder': { items: [], total: 0 } });
    render(<QueuePage />);
    await screen.findByRole('list', { name: 'Reading queue' });
    expect((screen.getByRole('button', { name: 'Move “Attention Is All You Need” up' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Move “Random Forests” up' }));
    expect(titles()).toEqual(['Attention Is All You Need', 'Random Forests', 'Deep Learning']);
    await waitFor(() => expect(api.called('POST /api/v1/reading-items/reorder')).toHaveLength(1));
    expect(api.called('POST /api/v1/reading-items/reorder')[0]!.body).toEqual({ reading_item_ids: [1, 3, 2] });
    expect(screen.getByText('“Random Forests” moved to position 2 of 3.')).toBeTruthy();
  });

  it('puts the order back when saving it fails', async () => {
    mockApi({ ...BASE, 'POST /api/v1/reading-items/reorder': json(503, { detail: 'The database is busy; try again' }) });
    render(<QueuePage />);
    await screen.findByRole('list', { name: 'Reading queue' });
    fireEvent.click(screen.getByRole('button', { name: 'Move “Deep Learning” down' }));
    expect(titles()).toEqual(['Attention Is All You Need', 'Random Forests', 'Deep Learning']);
    expect(await screen.findByText("Couldn't save the new order: The database is busy; try again")).toBeTruthy();
    expect(titles()).toEqual(['Attention Is All You Need', 'Deep Learning', 'Random Forests']);
  });

  it('finishes an item in one press and takes it off the queue', async () => {
    const api = mockApi({
      ...BASE,
      'PATCH /api/v1/reading-items/1': readingItem(1, { title: 'Attention Is All You Need', status: 'done' }),
    });
    render(<QueuePage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Finish “Attention Is All You Need”' }));
    expect(await screen.findByText('Finished “Attention Is All You Need”. It is in your library now.')).toBeTruthy();
    expect(api.called('PATCH /api/v1/reading-items/1')[0]!.body).toEqual({ status: 'done' });
    expect(titles()).toEqual(['Deep Learning', 'Random Forests']);
  });

  it('falls back to manual entry when the lookup fails, with what the link already says', async () => {
    const api = mockApi({
      ...BASE,
      'POST /api/v1/reading-items/lookup': json(502, { detail: 'Could not reach arXiv' }),
      'POST /api/v1/reading-items': (req: Request) => req.json().then((body: { title: string }) => json(201, readingItem(9, { title: body.title }))),
    });
    render(<QueuePage />);
    await screen.findByRole('list', { name: 'Reading queue' });
    fireEvent.input(screen.getByLabelText('Add to the queue'), { target: { value: 'https://arxiv.org/abs/1706.03762v5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText("Couldn't fetch the details: Could not reach arXiv. Enter the details yourself.")).toBeTruthy();
    expect((screen.getByLabelText(/arXiv id/) as HTMLInputElement).value).toBe('1706.03762');
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Attention Is All You Need' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to queue' }));
    expect(await screen.findByText('Added “Attention Is All You Need” to the end of the queue.')).toBeTruthy();
    const created = api.called('POST /api/v1/reading-items')[0]!.body as Record<string, unknown>;
    expect(created).toMatchObject({ title: 'Attention Is All You Need', arxiv_id: '1706.03762', url: 'https://arxiv.org/abs/1706.03762v5', status: 'queued' });
    expect(titles()).toContain('Attention Is All You Need');
  });

  it('fills the form from a lookup that finds the paper', async () => {
    const api = mockApi({
      ...BASE,
      'POST /api/v1/reading-items/lookup': {
        source: 'arxiv', kind: 'paper', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'], year: 2017,
        venue: 'arXiv', url: 'https://arxiv.org/abs/1706.03762', arxiv_id: '1706.03762', doi: null, isbn: null, progress_total: null,
      },
      'POST /api/v1/reading-items': (req: Request) => req.json().then((body: { title: string }) => json(201, readingItem(9, { title: body.title }))),
    });
    render(<QueuePage />);
    await screen.findByRole('list', { name: 'Reading queue' });
    fireEvent.input(screen.getByLabelText('Add to the queue'), { target: { value: 'arXiv:1706.03762' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Found on arXiv. Check the details and add it.')).toBeTruthy();
    expect(api.called('POST /api/v1/reading-items/lookup')[0]!.body).toEqual({ identifier: 'arXiv:1706.03762' });
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Attention Is All You Need');
    expect((screen.getByLabelText(/Authors/) as HTMLTextAreaElement).value).toBe('Ashish Vaswani\nNoam Shazeer');
    fireEvent.click(screen.getByRole('button', { name: 'Add to queue' }));
    await screen.findByText('Added “Attention Is All You Need” to the end of the queue.');
    expect(api.called('POST /api/v1/reading-items')[0]!.body).toMatchObject({ arxiv_id: '1706.03762', year: 2017, authors: ['Ashish Vaswani', 'Noam Shazeer'] });
  });

  it('says when nothing is found, and opens the form for another kind of link', async () => {
    const api = mockApi({ ...BASE, 'POST /api/v1/reading-items/lookup': json(404, { detail: 'Crossref record not found' }) });
    render(<QueuePage />);
    await screen.findByRole('list', { name: 'Reading queue' });
    fireEvent.input(screen.getByLabelText('Add to the queue'), { target: { value: '10.9999/nothing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('No record was found for that. Enter the details yourself.')).toBeTruthy();
    expect((screen.getByLabelText(/DOI/) as HTMLInputElement).value).toBe('10.9999/nothing');

    fireEvent.input(screen.getByLabelText('Add to the queue'), { target: { value: 'https://karpathy.github.io/2019/04/25/recipe/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Only arXiv, DOI and ISBN details can be fetched. Enter the details yourself.')).toBeTruthy();
    expect((screen.getByLabelText(/Link/) as HTMLInputElement).value).toBe('https://karpathy.github.io/2019/04/25/recipe/');
    expect((screen.getByLabelText(/Kind/) as HTMLSelectElement).value).toBe('article');
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('');
    expect(api.called('POST /api/v1/reading-items/lookup')).toHaveLength(1);
    expect(api.called('POST /api/v1/reading-items')).toHaveLength(0);
  });

  it('adds a typed title at once, without a lookup', async () => {
    const api = mockApi({ ...BASE, 'POST /api/v1/reading-items': json(201, readingItem(7, { title: 'The Pragmatic Programmer' })) });
    render(<QueuePage />);
    await screen.findByRole('list', { name: 'Reading queue' });
    fireEvent.input(screen.getByLabelText('Add to the queue'), { target: { value: 'The Pragmatic Programmer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await screen.findByText('Added “The Pragmatic Programmer” to the end of the queue.');
    expect(api.called('POST /api/v1/reading-items/lookup')).toHaveLength(0);
    expect(titles().at(-1)).toBe('The Pragmatic Programmer');
  });
});

describe('identifiers', () => {
  it('tells identifiers from titles', () => {
    for (const id of ['1706.03762', 'arXiv:1706.03762v2', 'https://arxiv.org/pdf/1706.03762', '10.1038/nature14539', 'https://doi.org/10.1038/nature14539', '978-0-262-03561-3', 'ISBN 0262035618']) {
      expect(looksLikeIdentifier(id), id).toBe(true);
    }
    for (const title of ['Attention is all you need', 'Deep Learning 2016', 'https://example.com/post']) {
      expect(looksLikeIdentifier(title), title).toBe(false);
    }
  });

  it('prefills the manual form from the identifier', () => {
    expect(draftFromIdentifier('https://doi.org/10.1038/nature14539')).toMatchObject({ doi: '10.1038/nature14539', url: 'https://doi.org/10.1038/nature14539', kind: 'paper' });
    expect(draftFromIdentifier('978-0-262-03561-3')).toMatchObject({ isbn: '9780262035613', kind: 'book', url: null });
  });
});
