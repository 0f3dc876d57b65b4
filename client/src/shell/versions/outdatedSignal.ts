/**
 * The server said this client is too old (CLIENT_OUTDATED). The HTTP and socket layers report it here;
 * the version watch listens, so neither layer imports a store.
 */
const listeners = new Set<() => void>();

export function reportOutdated(): void {
  listeners.forEach((l) => l());
}

export function onOutdated(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
