// The parts an import page draws the same way around its own fields and preview (see
// useFileImport): the Preview / Import buttons, and the problems of a file, by line.
import type { ComponentChildren } from 'preact';
import { Button } from './Button';

/**
 * Preview (a dry run), and Import once there is something to import: `importLabel` is the
 * Import button's text, or null while there is nothing to import.
 */
export function ImportActions({
  busy,
  run,
  importLabel,
}: {
  busy: 'preview' | 'import' | null;
  run: (dryRun: boolean) => Promise<void>;
  importLabel: ComponentChildren | null;
}) {
  return (
    <div class="form-actions">
      <Button busy={busy === 'preview'} busyLabel="Reading…" disabled={busy !== null} onClick={() => void run(true)}>
        Preview
      </Button>
      {importLabel !== null && (
        <Button variant="primary" busy={busy === 'import'} busyLabel="Importing…" disabled={busy !== null} onClick={() => void run(false)}>
          {importLabel}
        </Button>
      )}
    </div>
  );
}

/** The lines of the file that could not be read, under a "Problems" heading (nothing when none). */
export function ImportProblems({ errors, class: cls }: { errors: { line: number; message: string }[]; class: string }) {
  if (errors.length === 0) return null;
  return (
    <>
      <h3>Problems</h3>
      <ul class={cls}>
        {errors.map((e) => (
          <li key={`${e.line}-${e.message}`}>
            Line {e.line}: {e.message}
          </li>
        ))}
      </ul>
    </>
  );
}
