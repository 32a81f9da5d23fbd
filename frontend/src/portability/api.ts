// Requests of "Your data": the export download, the two imports (with a dry run for the
// preview) and account deletion. Typed from the generated schema.
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

export type LoopResult = Schemas['LoopImportResult'];
export type KaizenResult = Schemas['KaizenImportResult'];
export type ImportKind = 'kaizen' | 'loop';
export type ImportResult = { kind: 'kaizen'; result: KaizenResult } | { kind: 'loop'; result: LoopResult };

/** Served as an attachment: a plain link downloads it with the session cookie. */
export const EXPORT_URL = '/api/v1/export';

/** A .json file is a Kaizen export; anything else (.zip, .db) is taken to be Loop's. */
export function kindOf(file: File): ImportKind {
  return file.name.toLowerCase().endsWith('.json') || file.type === 'application/json' ? 'kaizen' : 'loop';
}

function loopType(file: File): string {
  return file.name.toLowerCase().endsWith('.zip') ? 'application/zip' : 'application/octet-stream';
}

// The file goes as the body itself: openapi-fetch must not JSON-encode it.
const raw = (body: unknown) => body as BodyInit;

export async function importFile(file: File, dryRun: boolean): Promise<ImportResult> {
  const query = { dry_run: dryRun };
  if (kindOf(file) === 'kaizen') {
    const result = await unwrap(
      api.POST('/api/v1/import', {
        params: { query },
        body: (await file.text()) as unknown as Record<string, never>,
        bodySerializer: raw,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    return { kind: 'kaizen', result };
  }
  const result = await unwrap(
    api.POST('/api/v1/import/loop', {
      params: { query },
      body: file as unknown as string,
      bodySerializer: raw,
      headers: { 'Content-Type': loopType(file) },
    }),
  );
  return { kind: 'loop', result };
}

export async function deleteAccount(password: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/me', { body: { password } }));
}
