// /sprints/:id/edit — edit a sprint (the form is SprintForm.tsx).
import { withIdParam } from '../ui/routeId';
import { SprintFormLoader } from './SprintForm';

export default withIdParam(SprintFormLoader);
