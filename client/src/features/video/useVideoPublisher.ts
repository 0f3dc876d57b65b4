import type { types } from 'mediasoup-client';
import { onScopeDispose, ref, shallowRef, watch } from 'vue';
import { isApiError } from '../../shell/api/apiError';
import { backoffDelay } from '@shared/backoff';
import { videoSession } from './videoSession';

/** `reconnecting`: wanted, but the socket or relay is away; it publishes again by itself when back. */
export type ShareState = 'idle' | 'starting' | 'live' | 'reconnecting' | 'error';
export type ShareProblem = 'denied' | 'noCamera' | 'ended' | 'failed';

/** What a tablet sends: the back camera, small and slow enough for a weak uplink. */
export const SHARE_CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: { ideal: 'environment' }, width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 15, max: 15 } },
};

/** Refusals that another try would only repeat. */
const FINAL_CODES = new Set(['FORBIDDEN', 'VALIDATION_FAILED', 'UNAUTHENTICATED']);

/**
 * A field tablet's opt-in camera share: opens the camera, publishes it to the relay as the team's camera,
 * republishes after the socket or the relay came back, and stops (camera light off) on demand.
 */
export function useVideoPublisher() {
  const session = videoSession();
  const state = ref<ShareState>('idle');
  const problem = ref<ShareProblem | null>(null);
  const problemDetail = ref('');
  const cameraId = ref<string | null>(null);
  /** The camera's own stream, for the tablet's preview. */
  const stream = shallowRef<MediaStream | null>(null);

  let wanted = false;
  let producer: types.Producer | null = null;
  let publishing = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const fail = (kind: ShareProblem, detail = '') => {
    problem.value = kind;
    problemDetail.value = detail;
  };

  async function start(): Promise<void> {
    if (wanted) return;
    wanted = true;
    problem.value = null;
    state.value = 'starting';
    try {
      stream.value = await navigator.mediaDevices.getUserMedia(SHARE_CONSTRAINTS);
    } catch (e) {
      wanted = false;
      state.value = 'error';
      const name = (e as Error)?.name;
      fail(name === 'NotAllowedError' ? 'denied' : name === 'NotFoundError' || name === 'OverconstrainedError' ? 'noCamera' : 'failed', name ?? '');
      return;
    }
    stream.value.getVideoTracks()[0]?.addEventListener('ended', () => {
      if (!wanted) return;
      stop();
      state.value = 'error';
      fail('ended');
    });
    await publish();
  }

  async function publish(): Promise<void> {
    const track = stream.value?.getVideoTracks()[0];
    if (!wanted || !track || producer || publishing) return;
    if (!session.ready.value) {
      state.value = 'reconnecting';
      return;
    }
    publishing = true;
    try {
      const publication = await session.publish(track);
      if (!wanted) return session.unpublish(publication.producer);
      producer = publication.producer;
      cameraId.value = publication.cameraId;
      attempt = 0;
      problem.value = null;
      state.value = 'live';
      const mine = producer;
      mine.observer.on('close', () => {
        if (producer !== mine) return;
        producer = null;
        if (wanted) state.value = 'reconnecting';
      });
    } catch (e) {
      if (!wanted) return;
      if (isApiError(e) && FINAL_CODES.has(e.code)) {
        stop();
        state.value = 'error';
        return fail('failed', e.code);
      }
      state.value = 'reconnecting';
      fail('failed', isApiError(e) ? e.code : ((e as Error)?.message ?? ''));
      retryTimer = setTimeout(() => {
        retryTimer = null;
        void publish();
      }, backoffDelay(attempt++));
    } finally {
      publishing = false;
    }
  }

  function stop(): void {
    wanted = false;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (producer) session.unpublish(producer);
    producer = null;
    for (const track of stream.value?.getTracks() ?? []) track.stop();
    stream.value = null;
    state.value = 'idle';
  }

  // The relay dropped this tablet's peer (socket lost) or transport: publish again once the socket is synced.
  watch(session.generation, () => {
    producer = null;
    if (!wanted) return;
    state.value = 'reconnecting';
    void publish();
  });
  watch(session.ready, (ready) => ready && void publish());

  onScopeDispose(stop);

  return { state, problem, problemDetail, cameraId, stream, start, stop };
}
