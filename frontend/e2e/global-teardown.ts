import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const db = process.env.KAIZEN_E2E_DB;
  if (!db) return;
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(db + suffix, { force: true });
}
