// Every request of the home screen, typed from the generated schema.
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

export type HomeRead = Schemas['HomeRead'];
export type HomeSprint = Schemas['HomeSprint'];

export function getHome(): Promise<HomeRead> {
  return unwrap(api.GET('/api/v1/home'));
}

export type WeeklyReview = Schemas['WeeklyReview'];
export type SavedReview = Schemas['SavedReview'];

/** The review of an ISO week ("2026-W48"); without one, this week's. */
export function getWeeklyReview(week?: string): Promise<WeeklyReview> {
  // The operation also answers text/markdown on request, which types the body as unknown.
  return unwrap(api.GET('/api/v1/reviews/weekly', { params: { query: { week: week ?? null } } })) as Promise<WeeklyReview>;
}

export function saveReflection(week: string, reflection: string): Promise<WeeklyReview> {
  return unwrap(api.PUT('/api/v1/reviews/weekly/{week}', { params: { path: { week } }, body: { reflection } }));
}

export function listReviews(): Promise<Schemas['Page_SavedReview_']> {
  return unwrap(api.GET('/api/v1/reviews', { params: { query: { limit: 100 } } }));
}
