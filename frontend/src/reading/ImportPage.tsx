// Import BibTeX or RIS (pasted or uploaded): first a preview of what would be created (the
// server's dry run, so the numbers are the real ones), then the import; and the exports.
import { useState } from 'preact/hooks';
import { Alert } from '../ui/Alert';
import { Field, SelectField } from '../ui/Field';
import { ImportActions, ImportProblems } from '../ui/ImportParts';
import { useFileImport } from '../ui/useFileImport';
import { EXPORT_BIB_URL, EXPORT_RIS_URL, guessFormat, importFile, type ImportFormat, type ImportResult } from './api';
import { ReadingNav } from './ReadingNav';
import { kindLabel } from './labels';
import './reading.css';

const MAX_BYTES = 5 * 1024 * 1024;
const PREVIEW_ROWS = 100;
const TOO_BIG = 'The file is larger than 5 MB. Split it and import the parts.';

function Counts({ result, preview }: { result: ImportResult; preview: boolean }) {
  const verb = preview ? 'will be added' : 'added';
  return (
    <p class="rd-import-counts">
      <strong>{result.created}</strong> {verb} · <strong>{result.skipped}</strong> already in your library or repeated (skipped) ·{' '}
      <strong>{result.errors.length}</strong> could not be read
    </p>
  );
}

export function ResultView({ result }: { result: ImportResult }) {
  return (
    <div class="rd-import-result">
      <Counts result={result} preview={result.dry_run} />
      <ImportProblems errors={result.errors} class="rd-import-errors" />
      {result.items.length > 0 && (
        <>
          <h3>{result.dry_run ? 'Will be added' : 'Added'}</h3>
          <div class="rd-table-wrap">
            <table class="rd-table">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Authors</th>
                  <th scope="col">Year</th>
                </tr>
              </thead>
              <tbody>
                {result.items.slice(0, PREVIEW_ROWS).map((item) => (
                  <tr key={item.citation_key}>
                    <td>{item.title}</td>
                    <td>{kindLabel(item.kind)}</td>
                    <td>{item.authors.slice(0, 3).join(', ') + (item.authors.length > 3 ? ' …' : '')}</td>
                    <td>{item.year ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.items.length > PREVIEW_ROWS && <p class="muted">…and {result.items.length - PREVIEW_ROWS} more.</p>}
        </>
      )}
    </div>
  );
}

export default function ImportPage() {
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const { text, filename, preview, result, busy, error, changeText, chooseFile, clearPreview, run } = useFileImport({
    maxBytes: MAX_BYTES,
    tooBig: TOO_BIG,
    empty: 'Paste BibTeX or RIS, or choose a file.',
    send: (body, dryRun) => importFile(body, chosen, dryRun),
  });
  const chosen: ImportFormat = format || guessFormat(text, filename);

  return (
    <section class="page rd-page">
      <header class="page-header">
        <h1 tabIndex={-1}>Import &amp; export</h1>
        <p class="muted">Bring your Zotero, JabRef or Mendeley library in as BibTeX or RIS, and take it back out.</p>
      </header>
      <ReadingNav current="/reading/import" />
      <section class="card" aria-labelledby="rd-import-title">
        <h2 id="rd-import-title">Import</h2>
        <Field label="Upload a file" note=".bib or .ris, up to 5 MB">
          {(control) => (
            <input
              type="file"
              class="input"
              accept=".bib,.ris,.txt,application/x-bibtex,application/x-research-info-systems,text/plain"
              {...control}
              onChange={chooseFile}
            />
          )}
        </Field>
        <Field label="Or paste it" hint={filename ? `From ${filename}.` : undefined}>
          {(control) => (
            <textarea class="input rd-import-text" rows={10} spellcheck={false} placeholder="@article{vaswani2017attention, title={Attention Is All You Need}, …}" {...control} value={text} onInput={(e) => changeText(e.currentTarget.value)} />
          )}
        </Field>
        <SelectField
          label="Format"
          options={[
            { value: '', label: `Detect (${chosen === 'ris' ? 'RIS' : 'BibTeX'})` },
            { value: 'bibtex', label: 'BibTeX' },
            { value: 'ris', label: 'RIS' },
          ]}
          value={format}
          onChange={(e) => {
            setFormat(e.currentTarget.value as ImportFormat | '');
            clearPreview();
          }}
        />
        {error && <Alert>{error}</Alert>}
        <ImportActions
          busy={busy}
          run={run}
          importLabel={preview && preview.created > 0 ? `Import ${preview.created} item${preview.created === 1 ? '' : 's'}` : null}
        />
        {preview && (
          <section class="rd-import-preview" aria-label="Preview">
            <ResultView result={preview} />
          </section>
        )}
        {result && (
          <section aria-label="Import result">
            <Alert kind="success">
              Imported {result.created} item{result.created === 1 ? '' : 's'}. They are at the end of <a href="/reading">your queue</a>.
            </Alert>
            <ResultView result={result} />
          </section>
        )}
      </section>
      <section class="card" aria-labelledby="rd-export-title">
        <h2 id="rd-export-title">Export</h2>
        <p class="card-lede">Every reading item, with citation keys that stay the same from one export to the next.</p>
        <p class="rd-downloads">
          <a class="btn" href={EXPORT_BIB_URL} download>
            Download BibTeX (.bib)
          </a>
          <a class="btn" href={EXPORT_RIS_URL} download>
            Download RIS (.ris)
          </a>
        </p>
      </section>
    </section>
  );
}
