import { errorMessage } from '../api/errors';

/** Shown while a request is in flight. Keeps its height so nothing jumps when data arrives. */
export function Loading({ label = 'Loading…', minHeight }: { label?: string; minHeight?: string }) {
  return (
    <div class="loading" role="status" aria-live="polite" style={minHeight ? { minHeight } : undefined}>
      <span class="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** A failed request, in words, with a way to try again. */
export function ErrorState({ error, onRetry, title = "Couldn't load this" }: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <div class="error-state" role="alert">
      <p class="error-state-title">{title}</p>
      <p>{errorMessage(error)}</p>
      {onRetry && (
        <button type="button" class="btn" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
