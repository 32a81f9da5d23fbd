// Every request of the opportunities domain, typed from the generated schema. Pages and
// components call these, never the raw client.
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

export type Organization = Schemas['OrganizationListItem'];
export type OrganizationDetail = Schemas['OrganizationDetail'];
// Fields with a server-side default are optional to send (the generated types mark them required).
type Needs<T, K extends keyof T> = Partial<T> & Pick<T, K>;
export type OrganizationCreate = Needs<Schemas['OrganizationCreate'], 'name'>;
export type OrganizationUpdate = Partial<Schemas['OrganizationUpdate']>;
export type Application = Schemas['ApplicationRead'];
export type ApplicationDetail = Schemas['ApplicationDetail'];
export type ApplicationCreate = Needs<Schemas['ApplicationCreate'], 'organization_id' | 'role'>;
export type ApplicationCreated = Schemas['ApplicationCreated'];
export type ApplicationUpdate = Partial<Schemas['ApplicationUpdate']>;
export type StageChange = Schemas['StageChangeRead'];
export type OppEvent = Schemas['EventRead'];
export type EventListItem = Schemas['EventListItem'];
export type EventCreate = Needs<Schemas['EventCreate'], 'starts_at'>;
export type Contact = Schemas['ContactRead'];
export type ContactCreate = Needs<Schemas['ContactCreate'], 'name'>;
export type FollowUp = Schemas['FollowUp'];
export type FunnelStats = Schemas['FunnelStats'];
export type Funnel = Schemas['Funnel'];
export type Stage = Application['stage'];
export type OrgType = Organization['type'];
export type Kind = Application['kind'];
export type Interest = NonNullable<Organization['interest']>;

/** The biggest page the API hands out. */
export const LIMIT = 200;

export const EXPORT_URL = '/api/v1/applications/export.csv';

export function listOrganizations(q?: string): Promise<Schemas['Page_OrganizationListItem_']> {
  return unwrap(api.GET('/api/v1/organizations', { params: { query: { limit: LIMIT, ...(q ? { q } : {}) } } }));
}

export function getOrganization(id: number): Promise<OrganizationDetail> {
  return unwrap(api.GET('/api/v1/organizations/{organization_id}', { params: { path: { organization_id: id } } }));
}

export function createOrganization(body: OrganizationCreate): Promise<OrganizationDetail> {
  return unwrap(api.POST('/api/v1/organizations', { body: body as Schemas['OrganizationCreate'] }));
}

export function updateOrganization(id: number, body: OrganizationUpdate): Promise<OrganizationDetail> {
  return unwrap(api.PATCH('/api/v1/organizations/{organization_id}', { params: { path: { organization_id: id } }, body: body as Schemas['OrganizationUpdate'] }));
}

export async function deleteOrganization(id: number): Promise<void> {
  await unwrap(api.DELETE('/api/v1/organizations/{organization_id}', { params: { path: { organization_id: id } } }));
}

export function listApplications(query: { organization_id?: number; q?: string } = {}): Promise<Schemas['Page_ApplicationRead_']> {
  return unwrap(api.GET('/api/v1/applications', { params: { query: { limit: LIMIT, ...query } } }));
}

export function getApplication(id: number): Promise<ApplicationDetail> {
  return unwrap(api.GET('/api/v1/applications/{application_id}', { params: { path: { application_id: id } } }));
}

export function createApplication(body: ApplicationCreate): Promise<ApplicationCreated> {
  return unwrap(api.POST('/api/v1/applications', { body: body as Schemas['ApplicationCreate'] }));
}

export function updateApplication(id: number, body: ApplicationUpdate): Promise<Application> {
  return unwrap(api.PATCH('/api/v1/applications/{application_id}', { params: { path: { application_id: id } }, body: body as Schemas['ApplicationUpdate'] }));
}

export function moveApplication(id: number, stage: Stage): Promise<Application> {
  return updateApplication(id, { stage });
}

export async function deleteApplication(id: number): Promise<void> {
  await unwrap(api.DELETE('/api/v1/applications/{application_id}', { params: { path: { application_id: id } } }));
}

export function getHistory(id: number): Promise<StageChange[]> {
  return unwrap(api.GET('/api/v1/applications/{application_id}/history', { params: { path: { application_id: id } } })).then((h) => h.items);
}

export function listApplicationEvents(id: number): Promise<OppEvent[]> {
  return unwrap(api.GET('/api/v1/applications/{application_id}/events', { params: { path: { application_id: id } } })).then((p) => p.items);
}

export function createEvent(applicationId: number, body: EventCreate): Promise<OppEvent> {
  return unwrap(api.POST('/api/v1/applications/{application_id}/events', { params: { path: { application_id: applicationId } }, body: body as Schemas['EventCreate'] }));
}

export async function deleteEvent(applicationId: number, id: number): Promise<void> {
  await unwrap(
    api.DELETE('/api/v1/applications/{application_id}/events/{event_id}', {
      params: { path: { application_id: applicationId, event_id: id } },
    }),
  );
}

export function listEvents(from: string, to: string): Promise<EventListItem[]> {
  return unwrap(api.GET('/api/v1/events', { params: { query: { from, to } } })).then((p) => p.items);
}

export function listContacts(query: { application_id?: number; organization_id?: number } = {}): Promise<Contact[]> {
  return unwrap(api.GET('/api/v1/contacts', { params: { query: { limit: LIMIT, ...query } } })).then((p) => p.items);
}

export function createContact(body: ContactCreate): Promise<Contact> {
  return unwrap(api.POST('/api/v1/contacts', { body: body as Schemas['ContactCreate'] }));
}

export function listFollowUps(days = 0): Promise<FollowUp[]> {
  return unwrap(api.GET('/api/v1/follow-ups', { params: { query: { days } } })).then((p) => p.items);
}

export function getStats(query: { type?: OrgType; kind?: Kind }): Promise<FunnelStats> {
  return unwrap(api.GET('/api/v1/applications/stats', { params: { query } }));
}

export function feedStatus(): Promise<{ active: boolean }> {
  return unwrap(api.GET('/api/v1/me/calendar-feed'));
}

export function rotateFeed(): Promise<{ url: string }> {
  return unwrap(api.POST('/api/v1/me/calendar-feed'));
}

export async function turnFeedOff(): Promise<void> {
  await unwrap(api.DELETE('/api/v1/me/calendar-feed'));
}

// CSV import of applications (the page is ImportPage): the CSV goes as the body itself;
// `dry_run` asks for the preview.
export type CsvImportResult = Schemas['CsvImportResult'];

export function importApplications(text: string, dryRun: boolean): Promise<CsvImportResult> {
  return unwrap(
    api.POST('/api/v1/applications/import', {
      params: { query: { dry_run: dryRun } },
      body: text,
      bodySerializer: (body) => body as string,
      headers: { 'Content-Type': 'text/csv' },
    }),
  );
}
