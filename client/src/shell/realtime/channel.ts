import type { ClientRequestName, RequestOf, ResponseOf } from '@shared/socket';
import { ApiError } from '../api/apiError';

export type Requester = <K extends ClientRequestName>(name: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;

let current: Requester | null = null;

/**
 * The socket's request function as seen by stores. The realtime client installs itself here,
 * so stores can send requests without importing the socket module (which imports the stores).
 */
export function installRequester(requester: Requester | null): void {
  current = requester;
}

export function request<K extends ClientRequestName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  if (!current) return Promise.reject(new ApiError('OFFLINE', 'realtime connection not started'));
  return current(name, payload);
}
