import { describe, expect, it } from 'vitest';
import { parseSprintPath } from './SprintsPage';

describe('sprint addresses', () => {
  it('maps every /sprints path to its view', () => {
    expect(parseSprintPath('/sprints')).toEqual({ view: 'current' });
    expect(parseSprintPath('/sprints/')).toEqual({ view: 'current' });
    expect(parseSprintPath('/sprints/history')).toEqual({ view: 'history' });
    expect(parseSprintPath('/sprints/new')).toEqual({ view: 'new' });
    expect(parseSprintPath('/sprints/42')).toEqual({ view: 'board', id: 42 });
    expect(parseSprintPath('/sprints/42/edit')).toEqual({ view: 'edit', id: 42 });
    expect(parseSprintPath('/sprints/42/retro')).toEqual({ view: 'retro', id: 42 });
  });

  it('refuses what is not a sprint address', () => {
    for (const path of ['/sprints/0', '/sprints/abc', '/sprints/42/nope', '/sprints/42/retro/x', '/sprints/99999999999', '/sprints/history/1']) {
      expect(parseSprintPath(path)).toEqual({ view: 'not-found' });
    }
  });
});
