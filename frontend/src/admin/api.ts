// Every request the admin page makes, through the typed client.
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

export type AdminUser = Schemas['AdminUserRead'];
export type Invitation = Schemas['InvitationRead'];
export type CreatedInvitation = Schemas['InvitationCreated'];

export const listUsers = () => unwrap(api.GET('/api/v1/admin/users', { params: { query: { limit: 200 } } }));

export const updateUser = (userId: number, body: Schemas['AdminUserUpdate']) =>
  unwrap(api.PATCH('/api/v1/admin/users/{user_id}', { params: { path: { user_id: userId } }, body }));

export const readSettings = () => unwrap(api.GET('/api/v1/admin/settings'));

export const setSignupOpen = (signupOpen: boolean) =>
  unwrap(api.PATCH('/api/v1/admin/settings', { body: { signup_open: signupOpen } }));

export const listInvitations = () =>
  unwrap(api.GET('/api/v1/admin/invitations', { params: { query: { limit: 50 } } }));

export const createInvitation = (body: Schemas['InvitationCreate']) =>
  unwrap(api.POST('/api/v1/admin/invitations', { body }));

export const revokeInvitation = (invitationId: number) =>
  unwrap(api.DELETE('/api/v1/admin/invitations/{invitation_id}', { params: { path: { invitation_id: invitationId } } }));
