// Every request of the home screen, typed from the generated schema.
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

export type HomeRead = Schemas['HomeRead'];
export type HomeSprint = Schemas['HomeSprint'];

export function getHome(): Promise<HomeRead> {
  return unwrap(api.GET('/api/v1/home'));
}
