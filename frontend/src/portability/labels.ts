// How import counts read to a person: "3 action items, 420 check-ins".
const NAMES: Record<string, [string, string]> = {
  habits: ['action item', 'action items'],
  check_ins: ['check-in', 'check-ins'],
  goals: ['goal', 'goals'],
  key_results: ['key result', 'key results'],
  sprints: ['sprint', 'sprints'],
  portfolio: ['portfolio entry', 'portfolio entries'],
  organizations: ['organization', 'organizations'],
  contacts: ['contact', 'contacts'],
  applications: ['application', 'applications'],
  stage_changes: ['stage change', 'stage changes'],
  events: ['event', 'events'],
  reading_items: ['reading item', 'reading items'],
  reading_status_changes: ['reading status change', 'reading status changes'],
  reading_progress_logs: ['logged reading', 'logged readings'],
  weekly_reviews: ['weekly review', 'weekly reviews'],
};

export function countsText(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => {
      const [one, many] = NAMES[key] ?? [key, key];
      return `${n} ${n === 1 ? one : many}`;
    });
  return parts.length ? parts.join(', ') : 'nothing';
}
