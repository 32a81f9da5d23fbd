// /sprints/new — plan a sprint (the form is SprintForm.tsx).
import { SprintFormLoader } from './SprintForm';

export default function NewSprintPage() {
  return <SprintFormLoader />;
}
