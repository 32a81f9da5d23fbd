// The addresses of the sprint pages (their routes are in src/routes.tsx).
export const CURRENT_PATH = '/sprints';
export const HISTORY_PATH = '/sprints/history';
export const NEW_PATH = '/sprints/new';
export const sprintPath = (id: number) => `/sprints/${id}`;
export const editPath = (id: number) => `/sprints/${id}/edit`;
export const retroPath = (id: number) => `/sprints/${id}/retro`;
