// Seed data for the opportunities specs: the seed's three kinds of company, a few applications
// along the funnel, an interview, a contact and a follow-up.
import type { Page } from '@playwright/test';
import { apiSend, serverToday } from './api.helpers';
import { addDays } from './helpers';

export async function seedSearch(page: Page): Promise<{ sarvam: number; interview: number; today: string }> {
  const today = await serverToday(page);
  const dsa = await apiSend<{ id: number }>(page, 'POST', '/goals', { title: 'DSA', area: 'dsa', importance: 'required' });
  await apiSend(page, 'POST', `/goals/${dsa.id}/key-results`, { title: 'LeetCode mediums', target_value: 150, current_value: 60 });
  const fundamentals = await apiSend<{ id: number }>(page, 'POST', '/goals', { title: 'Fundamentals', area: 'fundamentals' });
  await apiSend(page, 'POST', `/goals/${fundamentals.id}/key-results`, { title: 'Courses done', target_value: 10, current_value: 7 });
  const orgs: Record<string, number> = {};
  for (const [name, type, interest] of [
    ['Tiger Analytics', 'analytics', 'boring'],
    ['EY', 'analytics', 'meh'],
    ['Sarvam AI', 'ai_product', 'exciting'],
    ['smallest.ai', 'ai_product', 'exciting'],
    ['Google', 'big_tech', 'interesting'],
    ['AI4Bharat', 'research_lab', 'exciting'],
  ] as const) {
    const goal_ids = type === 'big_tech' ? [dsa.id, fundamentals.id] : [];
    orgs[name] = (await apiSend<{ id: number }>(page, 'POST', '/organizations', { name, type, interest, goal_ids, rating_growth: type === 'ai_product' ? 5 : 3 })).id;
  }
  const apps: [string, string, string, string[]][] = [
    ['Tiger Analytics', 'Data Scientist', 'job', ['applied', 'rejected']],
    ['EY', 'Data Analyst', 'job', ['applied']],
    ['Sarvam AI', 'ML Engineer', 'job', ['applied', 'screening', 'interviewing']],
    ['smallest.ai', 'Research Engineer', 'job', ['applied', 'screening']],
    ['Google', 'Software Engineer', 'job', ['wishlist']],
    ['AI4Bharat', 'Research collaboration', 'research_collaboration', ['applied', 'screening', 'interviewing', 'offer']],
  ];
  const ids: Record<string, number> = {};
  for (const [org, role, kind, stages] of apps) {
    const app = await apiSend<{ id: number }>(page, 'POST', '/applications', {
      organization_id: orgs[org],
      role,
      kind,
      stage: stages[0],
      follow_up_on: org === 'EY' ? today : null,
      goal_ids: org === 'Google' ? [dsa.id] : [],
    });
    for (const stage of stages.slice(1)) await apiSend(page, 'PATCH', `/applications/${app.id}`, { stage });
    ids[org] = app.id;
  }
  const interview = await apiSend<{ id: number }>(page, 'POST', `/applications/${ids['Sarvam AI']}/events`, {
    kind: 'interview',
    title: 'Technical round',
    starts_at: `${addDays(today, 2)}T18:00:00`,
    duration_minutes: 60,
    location: 'https://meet.example.com/abc',
  });
  await apiSend(page, 'POST', '/contacts', { name: 'Priya', role: 'Recruiter', organization_id: orgs['Sarvam AI'], application_ids: [ids['Sarvam AI']], follow_up_on: addDays(today, 3) });
  return { sarvam: ids['Sarvam AI']!, interview: interview.id, today };
}
