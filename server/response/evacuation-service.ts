import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../shared/schemas/event';
import { EvacuationParamsSchema, EvacuationVillageParamsSchema, type EvacuationTarget, type EvacuationTargetSetSchema, type EvacuationVillage, type EvacuationVillageSetSchema } from '../../shared/schemas/response';
import type { Database } from '../db/schema';
import { conflict } from '../errors';
import type { Transactor } from '../events/transactor';
import { parseInput } from '../validation';
import { listTargets, patchTarget, patchVillage } from './evacuation-store';
import { loadResponse } from './response-store';

/** 人员转移 / 渔船回港 targets and the townships' own counts for a response, kept by the desk (or set by the plan). */
export class EvacuationTargetService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
  ) {}

  async list(responseId: string): Promise<EvacuationTarget[]> {
    await loadResponse(this.db, responseId);
    return listTargets(this.db, responseId);
  }

  async set(responseId: string, townshipParam: string, patch: z.output<typeof EvacuationTargetSetSchema>, actor: Actor): Promise<EvacuationTarget> {
    const { township } = parseInput(EvacuationParamsSchema, { id: responseId, township: townshipParam });
    return this.transactor.run(async (tx, record) => {
      const response = await loadResponse(tx, responseId);
      if (response.state !== 'active') throw conflict('This response has ended.');
      return patchTarget({ tx, record, actor, now: this.clock(), response }, township, patch);
    });
  }

  /** A village's target and the township's count of its people moved; the village is named by the desk. */
  async setVillage(responseId: string, townshipParam: string, villageParam: string, patch: z.output<typeof EvacuationVillageSetSchema>, actor: Actor): Promise<EvacuationVillage> {
    const { township, village } = parseInput(EvacuationVillageParamsSchema, { id: responseId, township: townshipParam, village: villageParam });
    return this.transactor.run(async (tx, record) => {
      const response = await loadResponse(tx, responseId);
      if (response.state !== 'active') throw conflict('This response has ended.');
      return patchVillage({ tx, record, actor, now: this.clock(), response }, township, village, patch);
    });
  }
}
