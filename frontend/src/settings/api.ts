// Requests of the settings pages that are not about the account itself (that is src/auth/api.ts):
// API tokens, typed from the generated schema.
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

export type Token = Schemas['ApiTokenRead'];
export type CreatedToken = Schemas['ApiTokenCreated'];

export const TOKENS_LIMIT = 200;

export function listTokens(): Promise<Schemas['Page_ApiTokenRead_']> {
  return unwrap(api.GET('/api/v1/tokens', { params: { query: { limit: TOKENS_LIMIT } } }));
}

export function createToken(body: Schemas['ApiTokenCreate']): Promise<CreatedToken> {
  return unwrap(api.POST('/api/v1/tokens', { body }));
}

export async function deleteToken(id: number): Promise<void> {
  await unwrap(api.DELETE('/api/v1/tokens/{token_id}', { params: { path: { token_id: id } } }));
}
