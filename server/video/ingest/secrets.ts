/** `rtsp://user:pass@host/…` → `rtsp://***@host/…`, in a URL or in any text that contains one (ffmpeg's messages). */
export function maskUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/]*@/gi, '$1***@');
}

/** Masks URL credentials and every given secret (an RTMP stream key) in text bound for a log. */
export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  let masked = maskUrlCredentials(text);
  for (const secret of secrets) if (secret) masked = masked.split(secret).join('***');
  return masked;
}
