// A goal's labels as small tags (styles: .tag in src/styles/main.css, status colours in goals.css).
import type { Goal } from './api';
import { areaLabel, enthusiasmLabel, importanceLabel, statusLabel } from './labels';

type Labelled = Pick<Goal, 'area' | 'importance' | 'enthusiasm'>;

export const AreaTag = ({ goal }: { goal: Labelled }) => <span class="tag">{areaLabel(goal.area)}</span>;

/** "Required" stands out. */
export const ImportanceTag = ({ goal }: { goal: Labelled }) => (
  <span class={goal.importance === 'required' ? 'tag tag-strong' : 'tag'}>{importanceLabel(goal.importance)}</span>
);

export const EnthusiasmTag = ({ goal }: { goal: Labelled }) => <span class="tag">{enthusiasmLabel(goal.enthusiasm)}</span>;

export const StatusTag = ({ goal }: { goal: Pick<Goal, 'status'> }) => (
  <span class={`tag goal-tag-${goal.status}`}>{statusLabel(goal.status)}</span>
);
