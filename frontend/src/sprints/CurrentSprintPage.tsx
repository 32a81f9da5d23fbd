// /sprints — the board of the sprint containing today (Board.tsx), or an offer to plan one.
import { useRequest } from '../ui/useRequest';
import { useTitle } from '../ui/useTitle';
import { formatDay } from '../ui/format';
import { getCurrentSprint, listSprints } from './api';
import { BoardState, loadBoard, useBoard } from './Board';
import { HISTORY_PATH, NEW_PATH, sprintPath } from './paths';
import { SprintNav } from './SprintHeader';
import './sprints.css';

export default function CurrentSprint() {
  const request = useBoard(async () => {
    const sprint = await getCurrentSprint();
    return sprint ? loadBoard(sprint) : null;
  }, []);
  useTitle(request.data?.sprint.title);
  if (request.status !== 'loading' && request.status !== 'error' && request.data === null) return <NoCurrentSprint />;
  return <BoardState request={request as ReturnType<typeof useBoard>} title="Current sprint" />;
}

function NoCurrentSprint() {
  // Upcoming or past sprints are worth a link from here.
  const list = useRequest(listSprints, []);
  const upcoming = list.data?.items.filter((s) => s.status === 'planned').sort((a, b) => a.start_date.localeCompare(b.start_date))[0];
  const hasPast = list.data?.items.some((s) => s.status === 'finished');
  return (
    <div class="page sp-page">
      <SprintNav current="current" />
      <header class="page-header">
        <h1 tabIndex={-1}>No sprint running</h1>
        <p class="muted">A sprint is a fortnight with a target: pick your action items and Kaizen keeps score.</p>
      </header>
      <div class="card sp-empty">
        {upcoming && (
          <p>
            Your next sprint, <a href={sprintPath(upcoming.id)}>{upcoming.title}</a>, starts on {formatDay(upcoming.start_date)}.
          </p>
        )}
        <p>
          <a class="btn btn-primary" href={NEW_PATH}>
            Plan a sprint
          </a>
        </p>
        {hasPast && (
          <p class="muted">
            See how earlier sprints went in <a href={HISTORY_PATH}>History</a>.
          </p>
        )}
      </div>
    </div>
  );
}
