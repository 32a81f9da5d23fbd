// Where the offline mode keeps its data: one IndexedDB database (idb-keyval) of a few keys.
// Tests swap in an in-memory store with `useStorage(memoryStorage())`.
import { clear, createStore, del, get, keys, set } from 'idb-keyval';

export interface KeyValue {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  clear(): Promise<void>;
  keys(): Promise<string[]>;
}

function idbStorage(): KeyValue {
  let store: ReturnType<typeof createStore> | undefined;
  const db = () => (store ??= createStore('kaizen-offline', 'data'));
  return {
    get: (key) => get(key, db()),
    set: (key, value) => set(key, value, db()),
    del: (key) => del(key, db()),
    clear: () => clear(db()),
    keys: async () => (await keys(db())).map(String),
  };
}

export function memoryStorage(): KeyValue {
  const map = new Map<string, unknown>();
  return {
    get: async <T,>(key: string) => structuredClone(map.get(key)) as T | undefined,
    set: async (key, value) => void map.set(key, structuredClone(value)),
    del: async (key) => void map.delete(key),
    clear: async () => map.clear(),
    keys: async () => [...map.keys()],
  };
}

let current: KeyValue | null = null;

export function storage(): KeyValue {
  return (current ??= typeof indexedDB === 'undefined' ? memoryStorage() : idbStorage());
}

/** Replaces the storage (tests). */
export function useStorage(kv: KeyValue): void {
  current = kv;
}
