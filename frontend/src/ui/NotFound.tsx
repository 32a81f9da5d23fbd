import { HOME_PATH } from '../paths';
import { useTitle } from './useTitle';

export function NotFound() {
  useTitle('Not found');
  return (
    <section class="page page-narrow">
      <h1 tabIndex={-1}>Page not found</h1>
      <p class="muted">There is nothing at this address.</p>
      <p>
        <a href={HOME_PATH} class="btn btn-primary">
          Go to Kaizen
        </a>
      </p>
    </section>
  );
}
