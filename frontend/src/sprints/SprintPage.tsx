// /sprints/:id — one sprint's board (Board.tsx), reloaded when the person comes back to the tab.
import { withIdParam } from '../ui/routeId';
import { useTitle } from '../ui/useTitle';
import { getSprint } from './api';
import { BoardState, loadBoard, useBoard } from './Board';

export function SprintBoard({ id }: { id: number }) {
  const request = useBoard(async () => loadBoard(await getSprint(id)), [id]);
  useTitle(request.data?.sprint.title);
  return <BoardState request={request} title="Sprint" />;
}

export default withIdParam(SprintBoard);
