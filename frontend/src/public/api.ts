// The public profile page's request (no sign-in needed), typed from the generated schema.
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

export type PublicProfile = Schemas['PublicProfile'];
export type PublicEntry = Schemas['PublicEntry'];

export function getPublicProfile(handle: string): Promise<PublicProfile> {
  return unwrap(api.GET('/api/v1/public/profiles/{handle}', { params: { path: { handle } } }));
}
