import type { PhotoUpload } from '@shared/schemas/incident-record';

/** Photos leave the tablet as JPEG, longest edge at most 1600 px and at most 1.5 MB (the server takes 2 MB). */
export const MAX_PHOTO_EDGE = 1600;
export const MAX_PHOTO_JPEG_BYTES = 1.5 * 1024 * 1024;

/** Size that fits within `maxEdge` on the longest side, keeping the aspect ratio; never enlarges. */
export function fitWithin(width: number, height: number, maxEdge = MAX_PHOTO_EDGE): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Bytes a base64 string decodes to. */
export function decodedBytes(base64: string): number {
  const pad = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - pad;
}

/** What to try, in order, until the JPEG is small enough: lower quality first, then fewer pixels. */
export const ENCODE_ATTEMPTS: ReadonlyArray<{ scale: number; quality: number }> = [
  { scale: 1, quality: 0.85 },
  { scale: 1, quality: 0.72 },
  { scale: 1, quality: 0.6 },
  { scale: 0.75, quality: 0.6 },
  { scale: 0.5, quality: 0.6 },
  { scale: 0.35, quality: 0.5 },
];

export class PhotoTooLargeError extends Error {}

/** The first encoding (base64) within the budget; `encode` renders at a share of the fitted size. */
export async function encodeWithinBudget(encode: (scale: number, quality: number) => Promise<string>, maxBytes = MAX_PHOTO_JPEG_BYTES): Promise<string> {
  for (const { scale, quality } of ENCODE_ATTEMPTS) {
    const base64 = await encode(scale, quality);
    if (decodedBytes(base64) <= maxBytes) return base64;
  }
  throw new PhotoTooLargeError('photo too large');
}

async function loadImage(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number }> {
  if (typeof createImageBitmap === 'function') {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    return { source: bitmap, width: bitmap.width, height: bitmap.height };
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return { source: img, width: img.naturalWidth, height: img.naturalHeight };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Downscales a camera photo in a canvas to a JPEG the server accepts, as base64 (browser only). */
export async function preparePhoto(file: Blob): Promise<PhotoUpload> {
  const image = await loadImage(file);
  const fitted = fitWithin(image.width, image.height);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  const dataBase64 = await encodeWithinBudget(async (scale, quality) => {
    canvas.width = Math.max(1, Math.round(fitted.width * scale));
    canvas.height = Math.max(1, Math.round(fitted.height * scale));
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image.source, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', quality).replace(/^data:image\/jpeg;base64,/, '');
  });
  if ('close' in image.source && typeof image.source.close === 'function') image.source.close();
  return { mime: 'image/jpeg', dataBase64 };
}
