import { describe, expect, it } from 'vitest';
import { findRoute } from './routes';
import { parseId } from './ui/routeId';

describe('the route list', () => {
  it('maps every sprint address to its page and title, specific paths first', () => {
    expect(findRoute('/sprints')?.title).toBe('Sprints');
    expect(findRoute('/sprints/history')?.title).toBe('Sprint history');
    expect(findRoute('/sprints/new')?.title).toBe('Plan a sprint');
    expect(findRoute('/sprints/42')?.path).toBe('/sprints/:id');
    expect(findRoute('/sprints/42/edit')?.title).toBe('Edit sprint');
    expect(findRoute('/sprints/42/retro')?.title).toBe('Retrospective');
  });

  it('has no page for what is not a sprint address', () => {
    for (const path of ['/sprints/42/nope', '/sprints/42/retro/x', '/sprints/history/1']) {
      expect(findRoute(path)).toBeUndefined();
    }
  });

  it('reads an :id only when it is a database id', () => {
    expect(parseId('42')).toBe(42);
    expect(parseId('2147483647')).toBe(2147483647);
    for (const raw of [undefined, '', '0', '007', 'abc', '1e3', '-1', '2147483648', '99999999999']) {
      expect(parseId(raw)).toBeNull();
    }
  });
});
