// Every /sprints… address: the current sprint, history, planning, a sprint's board, its edit
// form and its retrospective. One lazily loaded chunk for the whole domain.
import { useLocation } from 'preact-iso';
import { NotFound } from '../ui/NotFound';
import { CurrentSprint, SprintBoard } from './Board';
import { HistoryPage } from './History';
import { RetroPage } from './Retro';
import { SprintFormPage } from './SprintForm';

export type SprintView =
  | { view: 'current' }
  | { view: 'history' }
  | { view: 'new' }
  | { view: 'board' | 'edit' | 'retro'; id: number }
  | { view: 'not-found' };

export function parseSprintPath(path: string): SprintView {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] !== 'sprints') return { view: 'not-found' };
  const [, first, second, ...extra] = parts;
  if (first === undefined) return { view: 'current' };
  if (extra.length > 0) return { view: 'not-found' };
  if (first === 'history' && second === undefined) return { view: 'history' };
  if (first === 'new' && second === undefined) return { view: 'new' };
  if (!/^[1-9]\d{0,9}$/.test(first) || Number(first) > 2_147_483_647) return { view: 'not-found' };
  const id = Number(first);
  if (second === undefined) return { view: 'board', id };
  if (second === 'edit') return { view: 'edit', id };
  if (second === 'retro') return { view: 'retro', id };
  return { view: 'not-found' };
}

export default function SprintsPage() {
  const { path } = useLocation();
  const route = parseSprintPath(path);
  switch (route.view) {
    case 'current':
      return <CurrentSprint />;
    case 'history':
      return <HistoryPage />;
    case 'new':
      return <SprintFormPage key="new" />;
    case 'board':
      return <SprintBoard key={`b${route.id}`} id={route.id} />;
    case 'edit':
      return <SprintFormPage key={`e${route.id}`} id={route.id} />;
    case 'retro':
      return <RetroPage key={`r${route.id}`} id={route.id} />;
    default:
      return <NotFound />;
  }
}
