/**
 * Lets timers and socket I/O run between the statements of a long batch write. Kysely's awaits
 * resolve as microtasks, so without this a multi-statement flush holds the event loop end to end.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
