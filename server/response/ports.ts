import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Contact } from '../../shared/schemas/contact';
import type { Dispatch, DispatchCreateSchema } from '../../shared/schemas/dispatch';
import type { Actor } from '../../shared/schemas/event';
import type { WallLayout } from '../../shared/schemas/wall';
import type { Recipient, WarningDraftSchema } from '../../shared/schemas/warning';
import type { Database } from '../db/schema';
import type { RecordEvent } from '../events/transactor';
import type { LinkSubject } from '../warnings/delivery/fan-out';

type Tx = Transaction<Database>;

/**
 * What a plan's actions do in other domains, each inside the response's own transaction (so a confirmation
 * commits whole or not at all): the composition root hands these over from the dispatch, shelters, warnings
 * and wall modules.
 */
export interface ResponsePorts {
  createDispatch(tx: Tx, record: RecordEvent, data: Omit<z.output<typeof DispatchCreateSchema>, 'actionId'>, actor: Actor): Promise<string>;
  /** A dispatch as the board sees it; null when there is none. */
  findDispatch(tx: Tx, id: string): Promise<Dispatch | null>;
  /** Cancels a dispatch's still-active assignments with the reason; answers how many. */
  cancelDispatch(tx: Tx, record: RecordEvent, id: string, reason: string, actor: Actor): Promise<number>;
  /** A drill (`exercise`) opens a closed shelter as the drill's; a shelter already open for real stays real. */
  openShelter(tx: Tx, record: RecordEvent, shelterId: string, actor: Actor, exercise: boolean): Promise<void>;
  /** A draft in the warnings' approval flow, never an issued warning. */
  draftWarning(tx: Tx, record: RecordEvent, data: z.output<typeof WarningDraftSchema>, actor: Actor, drillContactIds: string[] | null): Promise<string>;
  setWallLayout(tx: Tx, record: RecordEvent, layout: WallLayout, actor: Actor): Promise<void>;
  /** Personal links (the warnings' 叫应 mechanism) for a task's contacts, or for the backups (B角) of its silent ones. */
  queueLinks(tx: Tx, subject: LinkSubject, contacts: Contact[], role: Recipient['role'], backupFor?: ReadonlyMap<string, string>): Promise<Recipient[]>;
}
