import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../auth/session';
import { json, mockApi, USER } from '../test/api';
import { formatDate, formatMonth, formatPercent } from '../ui/format';
import GoalsPage from './GoalsPage';
import type { Goal } from './api';

function goal(id: number, over: Partial<Goal>): Goal {
  return {
    id,
    title: `Goal ${id}`,
    description: '',
    area: 'other',
    importance: 'optional',
    enthusiasm: 'okay',
    status: 'active',
    target_date: null,
    progress: null,
    key_result_count: 0,
    ...over,
  };
}

const GOALS = [
  goal(1, { title: 'Contribute to open source', area: 'open_source', enthusiasm: 'cool', progress: 0.615, key_result_count: 2 }),
  goal(2, { title: 'DSA', area: 'dsa', importance: 'required' }),
  goal(3, { title: 'Strengthen core CS/ML/DL', area: 'fundamentals', importance: 'required' }),
  goal(4, { title: 'Implement papers', area: 'fundamentals', enthusiasm: 'meh' }),
  goal(5, { title: 'Old goal', status: 'dropped' }),
];

function renderPage(user = USER) {
  return render(
    <SessionProvider initialUser={user}>
      <GoalsPage />
    </SessionProvider>,
  );
}

describe('formatting', () => {
  it('floors percentages and formats dates without a time zone shift', () => {
    expect(formatPercent(0.615)).toBe('61%');
    expect(formatPercent(0.29)).toBe('29%');
    expect(formatPercent(0.999)).toBe('99%');
    expect(formatPercent(null)).toBe('—');
    expect(formatDate('2024-11-04')).toBe('4 Nov 2024');
    expect(formatMonth('2024-09')).toBe('Sep 2024');
    expect(formatMonth('2024-09', true)).toBe('Sep');
  });
});

describe('goals page', () => {
  it('groups open goals by area, in the areas’ order, with floored progress', async () => {
    mockApi({ 'GET /api/v1/goals': { items: GOALS, total: GOALS.length } });
    renderPage();
    expect(screen.getByText('Loading goals…')).toBeTruthy();
    const fundamentals = await screen.findByRole('region', { name: /^Fundamentals/ });
    expect(within(fundamentals).getAllByRole('link').map((a) => a.textContent)).toEqual(['Strengthen core CS/ML/DL', 'Implement papers']);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Open source 1', 'Fundamentals 2', 'DSA 1']);
    const oss = screen.getByRole('region', { name: /^Open source/ });
    expect(within(oss).getByText('61%')).toBeTruthy();
    expect(screen.queryByText('Old goal')).toBeNull();
    expect(screen.getByText('4 open · 2 required')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show done and dropped (1)' }));
    expect(screen.getByText('Old goal')).toBeTruthy();
  });

  it('places goals by importance × enthusiasm', async () => {
    mockApi({ 'GET /api/v1/goals': { items: GOALS, total: GOALS.length } });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Importance × enthusiasm' }));
    expect(screen.getByText(/Enthusiasm rises to the right: Meh → Okay → Keen → Cool \(meh is the lowest, cool the highest\)/)).toBeTruthy();
    const cool = screen.getByRole('region', { name: /^Optional · Cool/ });
    expect(within(cool).getByRole('link', { name: 'Contribute to open source' })).toBeTruthy();
    const reqOkay = screen.getByRole('region', { name: /^Required · Okay/ });
    expect(within(reqOkay).getAllByRole('link')).toHaveLength(2);
    expect(within(screen.getByRole('region', { name: /^Required · Cool/ })).getByText('None')).toBeTruthy();
    expect(localStorage.getItem('kaizen-goals-view')).toBe('matrix');
  });

  it('shows a readable error with a retry', async () => {
    let fail = true;
    mockApi({ 'GET /api/v1/goals': () => (fail ? json(500, { detail: 'boom' }) : json(200, { items: [], total: 0 })) });
    renderPage({ ...USER, onboarded: false });
    expect(await screen.findByText("Couldn't load your goals")).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/No goals yet/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Start from the starter plan' }).getAttribute('href')).toBe('/welcome?next=%2Fgoals');
  });

  it('checks a new goal before sending it, then creates it', async () => {
    const api = mockApi({
      'GET /api/v1/goals': { items: [], total: 0 },
      'POST /api/v1/goals': json(201, goal(9, { title: 'Build a web app' })),
    });
    renderPage();
    await screen.findByText(/No goals yet/);
    fireEvent.click(screen.getByRole('button', { name: 'New goal' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create goal' }));
    expect(screen.getByText('Give the goal a title.')).toBeTruthy();
    expect(api.called('POST /api/v1/goals')).toHaveLength(0);

    fireEvent.input(screen.getByLabelText('Title'), { target: { value: '  Build a web app ' } });
    fireEvent.input(screen.getByLabelText('Importance'), { target: { value: 'required' } });
    fireEvent.input(screen.getByLabelText('Enthusiasm'), { target: { value: 'keen' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create goal' }));
    expect(await screen.findByText(/Goal “Build a web app” created/)).toBeTruthy();
    expect(api.called('POST /api/v1/goals')[0]?.body).toEqual({
      title: 'Build a web app',
      description: '',
      area: 'other',
      importance: 'required',
      enthusiasm: 'keen',
      status: 'active',
      target_date: null,
    });
  });
});
