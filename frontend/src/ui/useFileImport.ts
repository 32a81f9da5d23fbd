// The state of an import page (a file uploaded or pasted as text, the server's dry run as a
// preview, then the import), so each import page writes only its own fields and preview:
//
//   const imp = useFileImport({ maxBytes, tooBig: '…larger than 2 MB…', empty: 'Paste the CSV…',
//                               send: (text, dryRun) => importApplications(text, dryRun) });
//   <input type="file" onChange={imp.chooseFile} />
//   <textarea value={imp.text} onInput={(e) => imp.changeText(e.currentTarget.value, imp.filename)} />
//   <Button onClick={() => void imp.run(true)}>Preview</Button>
//
// Changing the text forgets the preview, the result and the error. `run(true)` asks for the
// preview, `run(false)` imports (and forgets the preview).
import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';

export interface FileImportOptions<R> {
  /** The largest text (in UTF-8 bytes) the server takes. */
  maxBytes: number;
  /** The message when the file or the text is larger than `maxBytes`. */
  tooBig: string;
  /** The message when there is nothing to import. */
  empty: string;
  /** Sends the text: a dry run (the preview) or the import. Read at each run, so it may close over state. */
  send: (text: string, dryRun: boolean) => Promise<R>;
}

export interface FileImport<R> {
  text: string;
  /** The name of the file the text came from ('' when pasted). */
  filename: string;
  preview: R | null;
  result: R | null;
  busy: 'preview' | 'import' | null;
  error: string | null;
  /** New text (and the file it came from): the preview, the result and the error are forgotten. */
  changeText: (value: string, name?: string) => void;
  /** The onChange of an <input type="file">: reads the chosen file into the text. */
  chooseFile: (e: TargetedEvent<HTMLInputElement>) => void;
  /** Forgets the preview (e.g. when an option that changes it changed). */
  clearPreview: () => void;
  run: (dryRun: boolean) => Promise<void>;
}

export function useFileImport<R>({ maxBytes, tooBig, empty, send }: FileImportOptions<R>): FileImport<R> {
  const [text, setText] = useState('');
  const [filename, setFilename] = useState('');
  const [preview, setPreview] = useState<R | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const changeText = (value: string, name = '') => {
    setText(value);
    setFilename(name);
    setPreview(null);
    setResult(null);
    setError(null);
  };

  const chooseFile = (e: TargetedEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    if (!file) return;
    if (file.size > maxBytes) {
      setError(tooBig);
      return;
    }
    void file.text().then((content) => changeText(content, file.name));
  };

  const run = async (dryRun: boolean) => {
    if (!text.trim()) {
      setError(empty);
      return;
    }
    if (new Blob([text]).size > maxBytes) {
      setError(tooBig);
      return;
    }
    setBusy(dryRun ? 'preview' : 'import');
    setError(null);
    try {
      const answer = await send(text, dryRun);
      if (dryRun) setPreview(answer);
      else {
        setResult(answer);
        setPreview(null);
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return { text, filename, preview, result, busy, error, changeText, chooseFile, clearPreview: () => setPreview(null), run };
}
