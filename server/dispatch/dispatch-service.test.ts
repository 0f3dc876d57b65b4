import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../shared/schemas/event';
import { action, createRequest, openDispatchTestBed, principal, type DispatchTestBed } from './test-support';
import { parseInput } from '../validation';
import { DispatchCreateSchema, DispatchOnBehalfSchema, DispatchStepRequestSchema } from '../../shared/schemas/dispatch';

let bed: DispatchTestBed;
const desk = principal('duty_officer');
const tabletA = principal('field', 'team-a');
const tabletB = principal('field', 'team-b');
const teamStatus = async (id: string) => (await bed.teams.get(id)).status;
const dispatchEvents = (events: DomainEvent[]) => events.filter((e) => e.type.startsWith('dispatch.'));

beforeEach(async () => {
  bed = await openDispatchTestBed();
  await bed.addTeam('team-a');
  await bed.addTeam('team-b');
  await bed.addTeam('team-c');
});
afterEach(async () => bed.close());

describe('DispatchService lifecycle', () => {
  it('creates one assignment per team, each an event to that team, and fills the township', async () => {
    const dispatch = await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a', 'team-b'])), desk);
    expect(dispatch.destination.township).toBe('丹西街道');
    expect(dispatch.assignments.map((a) => [a.teamId, a.state, a.queued])).toEqual([
      ['team-a', 'created', false],
      ['team-b', 'created', false],
    ]);
    const stored = (await bed.log.readRange(1, 1_000)).filter((s) => s.event.type === 'dispatch.assigned');
    expect(stored.map((s) => s.audience)).toEqual(['team:team-a', 'team:team-b']);
  });

  it('walks a team through every step; each step is an event and moves the team status with it', async () => {
    const { id } = await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a'])), desk);
    await bed.dispatches.receive({ actionId: action(), dispatchId: id }, tabletA);
    expect(await teamStatus('team-a')).toBe('dispatched');
    await bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, { actionId: action(), dispatchId: id, to: 'accepted' }), tabletA);
    await bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, { actionId: action(), dispatchId: id, to: 'en_route' }), tabletA);
    expect(await teamStatus('team-a')).toBe('en_route');
    await bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, { actionId: action(), dispatchId: id, to: 'on_scene' }), tabletA);
    expect(await teamStatus('team-a')).toBe('on_scene');
    const done = await bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, { actionId: action(), dispatchId: id, to: 'completed' }), tabletA);
    expect(done.assignments[0]).toMatchObject({ state: 'completed', channel: 'tablet', updatedBy: { id: tabletA.userId } });
    expect(await teamStatus('team-a')).toBe('returning');

    const detail = await bed.reader.detail(id, desk);
    expect(detail.timeline.map((s) => `${s.from ?? '-'}→${s.state}`)).toEqual(['-→created', 'created→delivered', 'delivered→accepted', 'accepted→en_route', 'en_route→on_scene', 'on_scene→completed']);
    const types = (await bed.events()).filter((e) => e.type !== 'team.created').map((e) => e.type);
    expect(types.filter((t) => t === 'dispatch.stepped')).toHaveLength(5);
    expect(types.filter((t) => t === 'team.status_changed')).toHaveLength(4);
  });

  it('refuses an illegal step with INVALID_TRANSITION and writes nothing', async () => {
    const { id } = await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a'])), desk);
    const before = await bed.log.currentSeq();
    await expect(async () => bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, { actionId: action(), dispatchId: id, to: 'on_scene' }), tabletA)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(async () => bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, { actionId: action(), dispatchId: id, to: 'declined' }), tabletA)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await bed.log.currentSeq()).toBe(before);
  });

  it('records a step on behalf of a team with the desk user as actor and the channel', async () => {
    const { id } = await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a'])), desk);
    const result = await bed.dispatches.recordOnBehalf(id, parseInput(DispatchOnBehalfSchema, { actionId: action(), teamId: 'team-a', to: 'accepted', channel: 'phone' }), desk);
    expect(result.assignments[0]).toMatchObject({ state: 'accepted', channel: 'phone', updatedBy: { id: desk.userId } });
    const last = (await bed.reader.detail(id, desk)).timeline.at(-1);
    expect(last).toMatchObject({ state: 'accepted', channel: 'phone', actor: { id: desk.userId } });
  });

  it('cancels and reassigns: the old assignment is cancelled, a linked dispatch goes to the new team', async () => {
    const original = await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a'])), desk);
    await bed.dispatches.receive({ actionId: action(), dispatchId: original.id }, tabletA);
    const { cancelled, created } = await bed.dispatches.reassign(original.id, { actionId: action(), fromTeamId: 'team-a', toTeamIds: ['team-b'], reason: '道路中断' }, desk);
    expect(cancelled.assignments[0]).toMatchObject({ teamId: 'team-a', state: 'cancelled', reason: '道路中断' });
    expect(created).toMatchObject({ reassignedFrom: original.id, taskType: original.taskType, destination: original.destination });
    expect(created.assignments.map((a) => a.teamId)).toEqual(['team-b']);
    expect(await teamStatus('team-a')).toBe('standby');
    await expect(bed.dispatches.cancel(original.id, { actionId: action(), reason: '再取消' }, desk)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    // A cancelled assignment is finished: the desk offers no 改派 for it and the server refuses one.
    await expect(bed.dispatches.reassign(original.id, { actionId: action(), fromTeamId: 'team-a', toTeamIds: ['team-b'], reason: '再改派' }, desk)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});

describe('the dispatch feed', () => {
  it('reads every step from the log, newest first, and a tablet only its own team\'s', async () => {
    const { id } = await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a'])), desk);
    for (const to of ['accepted', 'en_route'] as const) await bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, { actionId: action(), dispatchId: id, to }), tabletA);
    await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-b'])), desk);
    expect((await bed.reader.feed(10, desk)).map((s) => `${s.teamId}:${s.state}`)).toEqual(['team-b:created', 'team-a:en_route', 'team-a:accepted', 'team-a:created']);
    expect((await bed.reader.feed(2, desk)).map((s) => s.state)).toEqual(['created', 'en_route']);
    expect((await bed.reader.feed(10, tabletB)).map((s) => `${s.teamId}:${s.state}`)).toEqual(['team-b:created']);
  });
});

describe('queueing', () => {
  it('keeps a second dispatch queued until the current one completes, then it takes over', async () => {
    const first = await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a'])), desk);
    const second = await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a'], { taskType: 'patrol' })), desk);
    expect(second.assignments[0]?.queued).toBe(true);

    for (const dispatchId of [first.id, second.id]) await bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, { actionId: action(), dispatchId, to: 'accepted' }), tabletA);
    await expect(async () => bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, { actionId: action(), dispatchId: second.id, to: 'en_route' }), tabletA)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    for (const to of ['en_route', 'on_scene', 'completed'] as const) await bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, { actionId: action(), dispatchId: first.id, to }), tabletA);

    expect(await teamStatus('team-a')).toBe('dispatched');
    const now = await bed.reader.get(second.id, tabletA);
    expect(now.assignments[0]).toMatchObject({ state: 'accepted', queued: false });
    await bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, { actionId: action(), dispatchId: second.id, to: 'en_route' }), tabletA);
    expect(await teamStatus('team-a')).toBe('en_route');
    const lastStep = (await bed.events()).filter((e) => e.type === 'dispatch.stepped').at(-1);
    expect(lastStep?.type === 'dispatch.stepped' && lastStep.payload.queue).toEqual([second.id]);
  });
});

describe('idempotent actions', () => {
  it('answers a replayed action with the first result and applies it once', async () => {
    const request = createRequest(['team-a']);
    const first = await bed.dispatches.create(parseInput(DispatchCreateSchema, request), desk);
    const again = await bed.dispatches.create(parseInput(DispatchCreateSchema, request), desk);
    expect(again).toEqual(first);
    const step = { actionId: action(), dispatchId: first.id, to: 'accepted' as const };
    const accepted = await bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, step), tabletA);
    await bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, { actionId: action(), dispatchId: first.id, to: 'en_route' }), tabletA);
    expect(await bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, step), tabletA)).toEqual(accepted);
    const events = dispatchEvents(await bed.events());
    expect(events.map((e) => e.type)).toEqual(['dispatch.assigned', 'dispatch.stepped', 'dispatch.stepped']);
  });

  it('refuses an action id reused for another request or by another user, writing nothing', async () => {
    const request = createRequest(['team-a']);
    await bed.dispatches.create(parseInput(DispatchCreateSchema, request), desk);
    const before = await bed.log.currentSeq();
    await expect(async () => bed.dispatches.create(parseInput(DispatchCreateSchema, { ...request, teamIds: ['team-b'] }), desk)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(async () => bed.dispatches.create(parseInput(DispatchCreateSchema, request), principal('commander'))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await bed.log.currentSeq()).toBe(before);
  });

  it('treats a second confirmation of receipt (a new id) as already done', async () => {
    const { id } = await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a'])), desk);
    await bed.dispatches.receive({ actionId: action(), dispatchId: id }, tabletA);
    const seq = await bed.log.currentSeq();
    const again = await bed.dispatches.receive({ actionId: action(), dispatchId: id }, principal('field', 'team-a', 'second-tablet'));
    expect(again.assignments[0]?.state).toBe('delivered');
    expect(await bed.log.currentSeq()).toBe(seq);
  });
});

describe('permissions', () => {
  it('lets a tablet act only on its own team, and never create, cancel or reassign', async () => {
    const { id } = await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a'])), desk);
    const before = await bed.log.currentSeq();
    await expect(async () => bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, { actionId: action(), dispatchId: id, to: 'accepted' }), tabletB)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(async () => bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a'])), tabletA)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(bed.dispatches.cancel(id, { actionId: action(), reason: 'x' }, tabletA)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(bed.dispatches.reassign(id, { actionId: action(), fromTeamId: 'team-a', toTeamIds: ['team-b'], reason: 'x' }, tabletA)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(async () => bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a'])), principal('wall'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(async () => bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, { actionId: action(), dispatchId: id, to: 'accepted' }), desk)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(bed.reader.get(id, tabletB)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await bed.log.currentSeq()).toBe(before);
  });

  it('shows a tablet only its own assignment of a shared dispatch', async () => {
    const { id } = await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a', 'team-b'])), desk);
    expect((await bed.reader.get(id, tabletA)).assignments.map((a) => a.teamId)).toEqual(['team-a']);
    expect((await bed.reader.list({ limit: 10 }, tabletB)).map((d) => d.assignments.map((a) => a.teamId))).toEqual([['team-b']]);
    expect((await bed.reader.forSnapshot(bed.store.db, principal('field', 'team-c'))).length).toBe(0);
  });
});
