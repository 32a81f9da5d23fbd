// The `:id` of a route (/goals/:id, /sprints/:id/edit…): a database id, or null for anything else
// (the page then shows "not found" without asking the server).
import type { ComponentType } from 'preact';
import { useRoute } from 'preact-iso';
import { NotFound } from './NotFound';

const MAX_ID = 2_147_483_647;

export function parseId(raw: string | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= MAX_ID ? id : null;
}

/** The current route's `:id`, parsed. */
export function useIdParam(): number | null {
  return parseId(useRoute().params.id);
}

/**
 * A page for a route with an `:id` from a component taking `id`: "not found" for a malformed id,
 * and a fresh component (no state carried over) when the id changes.
 */
export function withIdParam(Inner: ComponentType<{ id: number }>): ComponentType {
  return function IdPage() {
    const id = useIdParam();
    return id === null ? <NotFound /> : <Inner key={id} id={id} />;
  };
}
