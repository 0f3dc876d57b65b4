import { maskUrlSecrets } from '../../../shared/schemas/camera-secrets';

// Bounded scheme length: a long run of letters must not cost a scan per starting position.
const URL_IN_TEXT = /[a-z][a-z0-9+.-]{0,30}:\/\/\S+/gi;

/** Masks the credentials of every URL in a message (ffmpeg's errors repeat the camera URL), as the API does. */
export function maskUrlCredentials(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => maskUrlSecrets(url));
}

/** Masks URL credentials and every given secret (an RTMP stream key) in text bound for a log. */
export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  let masked = maskUrlCredentials(text);
  for (const secret of secrets) if (secret) masked = masked.split(secret).join('***');
  return masked;
}
