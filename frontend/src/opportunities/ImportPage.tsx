// Import applications from CSV (uploaded or pasted) in the columns of the CSV export: first the
// server's dry run as a preview (organizations matched or created, rows created or skipped,
// problems by line), then the import, which is whole or nothing.
import { Alert } from '../ui/Alert';
import { Field } from '../ui/Field';
import { ImportActions, ImportProblems } from '../ui/ImportParts';
import { useFileImport } from '../ui/useFileImport';
import { EXPORT_URL, importApplications, type CsvImportResult } from './api';
import { kindLabel, stageLabel, typeLabel } from './labels';
import { SubNav } from './SubNav';
import './opportunities.css';
import './import.css';

const PREVIEW_ROWS = 200;
/** What the API takes (its 2 MB body cap, less room for a form's envelope). */
const MAX_CSV_BYTES = 2 * 1024 * 1024 - 64 * 1024;
const COLUMNS = 'organization, type, role, kind, stage, applied_on, follow_up_on, stage_changed_at, source, url, created_at, notes';
const TOO_BIG = 'The file is larger than 2 MB. Split it and import the parts.';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function ImportSummary({ result }: { result: CsvImportResult }) {
  const preview = result.dry_run;
  const created = result.organizations.filter((o) => o.action === 'create');
  const matched = result.organizations.filter((o) => o.action === 'match');
  return (
    <div class="stack">
      <p class="opp-import-counts" data-testid="csv-counts">
        <strong>{plural(result.created, 'application')}</strong> {preview ? 'will be created' : 'created'} ·{' '}
        <strong>{result.skipped}</strong> skipped (already there, or repeated in the file) · <strong>{result.errors.length}</strong>{' '}
        {result.errors.length === 1 ? 'row' : 'rows'} with problems
      </p>
      {result.organizations.length > 0 && (
        <p>
          {created.length > 0 && (
            <>
              New organizations: {created.map((o) => `${o.name} (${typeLabel(o.type)})`).join(', ')}.{' '}
            </>
          )}
          {matched.length > 0 && <>Already yours: {matched.map((o) => o.name).join(', ')}.</>}
        </p>
      )}
      {result.ignored_columns.length > 0 && <p class="muted">Columns not read: {result.ignored_columns.join(', ')}.</p>}
      <ImportProblems errors={result.errors} class="opp-import-errors" />
      {result.rows.length > 0 && (
        <div class="opp-import-table-wrap">
          <table class="opp-import-table">
            <caption class="visually-hidden">Rows of the file</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Organization</th>
                <th scope="col">Role</th>
                <th scope="col">Stage</th>
                <th scope="col">{preview ? 'Will be' : 'Was'}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.slice(0, PREVIEW_ROWS).map((r) => (
                <tr key={r.line} class={r.action === 'skip' ? 'opp-import-skip' : undefined}>
                  <td>{r.line}</td>
                  <td>{r.organization}</td>
                  <td>
                    {r.role}
                    {r.kind !== 'job' && <span class="muted"> · {kindLabel(r.kind)}</span>}
                  </td>
                  <td>{stageLabel(r.stage)}</td>
                  <td>{r.action === 'create' ? 'created' : `skipped: ${r.reason ?? ''}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.rows.length > PREVIEW_ROWS && <p class="muted">…and {result.rows.length - PREVIEW_ROWS} more rows.</p>}
        </div>
      )}
    </div>
  );
}

export default function ImportPage() {
  const { text, filename, preview, result, busy, error, changeText, chooseFile, run } = useFileImport({
    maxBytes: MAX_CSV_BYTES,
    tooBig: TOO_BIG,
    empty: 'Paste the CSV, or choose a file.',
    send: importApplications,
  });

  const canImport = preview !== null && preview.created > 0 && preview.errors.length === 0;

  return (
    <div class="page opp-page">
      <header class="page-header">
        <h1 tabIndex={-1}>Import applications</h1>
        <p class="muted">From a spreadsheet or another tracker, as CSV. You see what will be created before anything is saved.</p>
      </header>
      <SubNav />
      <section class="card stack" aria-labelledby="opp-import-title">
        <h2 id="opp-import-title">CSV file</h2>
        <p class="muted">
          The columns of the <a href={EXPORT_URL}>CSV export</a>, in any order; only <code>organization</code> and{' '}
          <code>role</code> are needed:
        </p>
        <p class="opp-import-columns">{COLUMNS}</p>
        <p class="muted">
          Organizations are matched to yours by name, or created. A row already in your applications, or repeated in the file,
          is skipped — importing the same file twice adds nothing.
        </p>
        <Field label="Upload a file" note=".csv, up to 2 MB">
          {(control) => (
            <input
              type="file"
              class="input"
              accept=".csv,text/csv,text/plain"
              {...control}
              onChange={chooseFile}
            />
          )}
        </Field>
        <Field label="Or paste it" hint={filename ? `From ${filename}.` : undefined}>
          {(control) => (
            <textarea
              class="input opp-import-text"
              rows={8}
              spellcheck={false}
              placeholder={'organization,role,stage\nSarvam AI,ML Engineer,applied'}
              {...control}
              value={text}
              onInput={(e) => changeText(e.currentTarget.value, filename)}
            />
          )}
        </Field>
        {error && <Alert>{error}</Alert>}
        <ImportActions busy={busy} run={run} importLabel={canImport ? `Import ${plural(preview.created, 'application')}` : null} />
        {preview && preview.errors.length > 0 && (
          <Alert kind="info">Fix or remove the rows with problems, then preview again: an import with problems changes nothing.</Alert>
        )}
        {preview && (
          <section aria-label="Preview">
            <ImportSummary result={preview} />
          </section>
        )}
        {result && (
          <section aria-label="Import result">
            <Alert kind="success">
              Imported {plural(result.created, 'application')}. See them on <a href="/opportunities">the board</a>.
            </Alert>
            <ImportSummary result={result} />
          </section>
        )}
      </section>
    </div>
  );
}
