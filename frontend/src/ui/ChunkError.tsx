/** Shown when a page's code could not be downloaded. */
export function ChunkError() {
  return (
    <div class="error-state" role="alert">
      <p class="error-state-title">This page didn't load</p>
      <p>Kaizen may have been updated, or the connection dropped.</p>
      <button type="button" class="btn btn-primary" onClick={() => location.reload()}>
        Reload
      </button>
    </div>
  );
}
