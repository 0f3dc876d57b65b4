import type { LedgerKind } from '../../shared/schemas/supply';
import { DomainError } from '../errors';

export interface Holding {
  onHand: number;
  reserved: number;
}

/** A change to one depot's stock of one item. */
export interface Posting {
  kind: LedgerKind;
  depotId: string;
  itemId: string;
  onHandDelta: number;
  reservedDelta: number;
}

/**
 * The holding after a posting, or INSUFFICIENT_STOCK: stock never goes negative and never below what
 * is reserved (0 ≤ reserved ≤ onHand), so an issue or allocation can take only what is available.
 */
export function nextHolding(current: Holding, posting: Posting): Holding {
  const next = { onHand: current.onHand + posting.onHandDelta, reserved: current.reserved + posting.reservedDelta };
  if (next.onHand < 0 || next.reserved < 0 || next.reserved > next.onHand) {
    const available = current.onHand - current.reserved;
    const requested = posting.kind === 'allocation' ? posting.reservedDelta : -posting.onHandDelta;
    throw new DomainError('INSUFFICIENT_STOCK', `Not enough ${posting.itemId} at ${posting.depotId}: ${available} available, ${requested} asked for.`, {
      depotId: posting.depotId,
      itemId: posting.itemId,
      onHand: current.onHand,
      reserved: current.reserved,
      available,
      requested,
    });
  }
  return next;
}

/** The postings for each kind of movement; quantities are positive amounts. */
export const postings = {
  receipt: (depotId: string, itemId: string, quantity: number): Posting => ({ kind: 'receipt', depotId, itemId, onHandDelta: quantity, reservedDelta: 0 }),
  issue: (depotId: string, itemId: string, quantity: number): Posting => ({ kind: 'issue', depotId, itemId, onHandDelta: -quantity, reservedDelta: 0 }),
  stocktake: (depotId: string, itemId: string, current: Holding, counted: number): Posting => ({ kind: 'stocktake', depotId, itemId, onHandDelta: counted - current.onHand, reservedDelta: 0 }),
  allocation: (depotId: string, itemId: string, quantity: number): Posting => ({ kind: 'allocation', depotId, itemId, onHandDelta: 0, reservedDelta: quantity }),
  release: (depotId: string, itemId: string, quantity: number): Posting => ({ kind: 'release', depotId, itemId, onHandDelta: 0, reservedDelta: -quantity }),
  departure: (depotId: string, itemId: string, quantity: number): Posting => ({ kind: 'departure', depotId, itemId, onHandDelta: -quantity, reservedDelta: -quantity }),
  arrival: (depotId: string, itemId: string, quantity: number): Posting => ({ kind: 'arrival', depotId, itemId, onHandDelta: quantity, reservedDelta: 0 }),
};

/** Below its minimum, counting only what is not reserved: reserved stock is already promised. */
export const isLow = (holding: Holding, minLevel: number): boolean => minLevel > 0 && holding.onHand - holding.reserved < minLevel;
