import { useState } from 'preact/hooks';

let next = 0;

/**
 * A DOM id unique in the page for the life of the component. (Preact's useId can repeat ids
 * across lazily loaded, suspended subtrees, which would tie a <label> to the wrong input.)
 */
export function useUniqueId(prefix = 'id'): string {
  const [id] = useState(() => `${prefix}-${++next}`);
  return id;
}
