import { useI18n } from 'vue-i18n';
import type { CameraKind, CameraState, CameraStatus } from '@shared/schemas/camera';
import { useFormat } from '../../ui/useFormat';
import type { FeedStats } from './feedStats';

/** Words for cameras: kind, state and the reason a feed is down, in the current language. */
export function useCameraFormat() {
  const format = useFormat();
  const { t } = format;
  const { te } = useI18n();

  const kindText = (kind: CameraKind) => t(`video.kind.${kind}`);
  const stateText = (state: CameraState) => t(`video.state.${state}`);
  /** A known reason code in words; an unknown one as it came, so nothing is hidden from the operator. */
  const reasonText = (reason: string | null): string => {
    if (!reason) return '';
    const key = `video.reason.${reason}`;
    return te(key) ? t(key) : t('video.reason.other', { code: reason });
  };
  const statusText = (status: CameraStatus) => [stateText(status.state), reasonText(status.reason)].filter(Boolean).join(' · ');
  const statsText = (stats: FeedStats, fallback: { width: number; height: number } | null = null): string => {
    const width = stats.width ?? fallback?.width ?? null;
    const height = stats.height ?? fallback?.height ?? null;
    return [
      width && height ? `${width}×${height}` : null,
      stats.fps !== null ? t('video.stats.fps', { n: stats.fps }) : null,
      stats.kbps !== null ? t('video.stats.kbps', { n: stats.kbps }) : null,
      stats.codec,
    ]
      .filter(Boolean)
      .join(' · ');
  };

  return { ...format, kindText, stateText, reasonText, statusText, statsText };
}
