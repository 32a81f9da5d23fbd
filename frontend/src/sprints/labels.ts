// Friendly words for the sprint enums the API uses.
import type { SprintStatus } from './api';

export const STATUS_LABEL: Record<SprintStatus, string> = {
  planned: 'Planned',
  active: 'Running',
  finished: 'Finished',
};
