// One line for Today: where the current sprint stands (the board's own sentence), linked to it.
// Nothing when there is no current sprint; a failed request stays quiet (Today comes first).
import { useRequest } from '../ui/useRequest';
import { getCurrentSprint } from './api';
import { sprintPath } from './paths';

export function SprintPaceLine({ refreshKey }: { refreshKey?: unknown }) {
  const current = useRequest(getCurrentSprint, [refreshKey]);
  const sprint = current.data;
  if (!sprint) return null;
  return (
    <p class="today-pace">
      <a href={sprintPath(sprint.id)}>{sprint.title}</a>: {sprint.outcome.text}
    </p>
  );
}
