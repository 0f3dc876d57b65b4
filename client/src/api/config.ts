import { http } from './http';

export interface ClientConfig {
  staleAfterSeconds: number;
  trailMinutes: number;
  timeZone: 'Asia/Shanghai';
  version: string;
}

export const configApi = {
  get: () => http.get<ClientConfig>('/api/config'),
};
