// The goals an organization or application demands, each with its progress from key results.
import { ProgressBar } from '../goals/Progress';
import type { ApplicationDetail } from './api';
// ProgressBar's styles live with the goals pages.
import '../goals/goals.css';

export function Readiness({ goals, empty }: { goals: ApplicationDetail['readiness']; empty: string }) {
  if (goals.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="opp-readiness">
      {goals.map((g) => (
        <li key={g.id}>
          <a href={`/goals/${g.id}`}>{g.title}</a>
          <ProgressBar value={g.progress ?? null} label={g.title} />
        </li>
      ))}
    </ul>
  );
}
