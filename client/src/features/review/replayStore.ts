import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import type { DomainEvent } from '@shared/schemas/event';
import type { ReplayScene } from '@shared/schemas/replay';
import type { ReviewTimelineEntry } from '@shared/schemas/review';
import { REPLAY_PAGE_STEPS } from '@shared/schemas/replay';
import { reviewApi } from './api';
import { TrackBuffer, resolutionFor, type ReplaySpeed } from './playback';
import { DispatchLines } from './dispatchLines';

export const REPLAY_LAYERS = ['units', 'dispatches', 'incidents', 'shelters', 'alarms', 'typhoon'] as const;
export type ReplayLayer = (typeof REPLAY_LAYERS)[number];

/**
 * A replay (回放) of a window: the scene at the replay time, moved on by the log's events as the time passes,
 * and every unit's fixes a page ahead. Pages are fetched as the time nears the end of what is loaded; a seek
 * or a new speed starts again from the scene at that time. The live board's stores are never touched.
 */
export const useReplayStore = defineStore('replay', () => {
  const active = ref(false);
  const from = ref(0);
  const to = ref(0);
  const t = ref(0);
  /** The replay time of the frame last drawn: what the controls show (they redraw with the map, not every tick). */
  const shownT = ref(0);
  const playing = ref(false);
  const speed = ref<ReplaySpeed>(60);
  const scene = shallowRef<ReplayScene | null>(null);
  /** Bumped whenever the scene changes in place, so views redraw. */
  const sceneVersion = ref(0);
  const marks = ref<ReviewTimelineEntry[]>([]);
  const follow = ref<string | null>(null);
  const layers = ref<Record<ReplayLayer, boolean>>({ units: true, dispatches: true, incidents: true, shelters: true, alarms: true, typhoon: true });
  const buffering = ref(false);
  const error = ref<unknown>(null);
  /** Frames drawn since the replay started (the map counts them; tests and the benchmark read it). */
  const frames = ref(0);
  // Raw: the store would wrap it in a reactive proxy, and the map reads every unit's track through it each frame
  // (by CPU profile, the proxy's traps cost more than the interpolation).
  const buffer = markRaw(new TrackBuffer());
  const dispatchLines = markRaw(new DispatchLines());
  let pending: DomainEvent[] = [];
  let cursor: number | null = null;
  let loadedUntil = 0;
  let fetching: Promise<void> | null = null;
  let generation = 0;

  const resolution = () => resolutionFor(speed.value);

  async function start(window: { from: string; to: string }): Promise<void> {
    active.value = true;
    from.value = Date.parse(window.from);
    to.value = Date.parse(window.to);
    frames.value = 0;
    marks.value = [];
    void reviewApi.report({ ...window, exercise: false }).then(
      (r) => (marks.value = r.sections.timeline.entries),
      () => (marks.value = []),
    );
    await seek(from.value);
  }

  /** Jumps to `at`: the scene as it was then, and the fixes from there on. */
  async function seek(at: number): Promise<void> {
    const call = ++generation;
    t.value = Math.min(to.value, Math.max(from.value, at));
    buffer.clear();
    dispatchLines.reset();
    pending = [];
    cursor = t.value;
    loadedUntil = t.value;
    fetching = null;
    buffering.value = true;
    error.value = null;
    try {
      const next = await reviewApi.replayScene(t.value);
      if (call !== generation) return;
      const { lastFixes, ...sceneOnly } = next;
      buffer.add(t.value, lastFixes);
      scene.value = sceneOnly;
      sceneVersion.value++;
      await fetchPage(call);
    } catch (e) {
      if (call === generation) error.value = e;
    }
  }

  function fetchPage(call = generation): Promise<void> {
    if (fetching || cursor === null) return fetching ?? Promise.resolve();
    const pageFrom = cursor;
    fetching = reviewApi
      .replayPage(pageFrom, to.value, resolution())
      .then((page) => {
        if (call !== generation) return;
        buffer.add(Date.parse(page.from), page.tracks);
        pending.push(...page.events);
        loadedUntil = Date.parse(page.to);
        cursor = page.next ? Date.parse(page.next) : null;
        buffering.value = false;
      })
      .catch((e: unknown) => {
        if (call === generation) error.value = e;
      })
      .finally(() => {
        if (call === generation) fetching = null;
      });
    return fetching;
  }

  /** Moves the replay on by `realMs` of wall-clock time; called once per animation frame. */
  function tick(realMs: number): void {
    if (!active.value || !scene.value) return;
    if (playing.value) {
      const end = cursor === null ? to.value : loadedUntil;
      const next = t.value + realMs * speed.value;
      buffering.value = next > end && cursor !== null;
      t.value = Math.min(next, end);
      if (t.value >= to.value) playing.value = false;
    }
    if (dispatchLines.applyUntil(scene.value, pending, t.value) > 0) sceneVersion.value++;
    if (cursor !== null && loadedUntil - t.value < resolution() * REPLAY_PAGE_STEPS) void fetchPage();
    buffer.dropBefore(t.value - resolution());
  }

  /** The map drew a frame. */
  function drawn(): void {
    frames.value++;
    shownT.value = t.value;
  }

  function setSpeed(next: ReplaySpeed): void {
    if (next === speed.value) return;
    speed.value = next;
    // Another speed thins fixes differently: the pages ahead are fetched again from here.
    void seek(t.value);
  }

  function stop(): void {
    generation++;
    active.value = false;
    playing.value = false;
    scene.value = null;
    buffer.clear();
    dispatchLines.reset();
    pending = [];
    follow.value = null;
  }

  return { active, from, to, t, shownT, playing, speed, scene, sceneVersion, marks, follow, layers, buffering, error, frames, buffer, dispatchLines, resolution, start, seek, tick, drawn, setSpeed, stop };
});
