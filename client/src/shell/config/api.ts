import type { ClientConfig } from '@shared/protocol';
import { http } from '../api/http';

export type { ClientConfig } from '@shared/protocol';

export const configApi = {
  get: () => http.get<ClientConfig>('/api/config'),
};
