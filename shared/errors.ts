/**
 * The one catalogue of error codes that the server answers with, over HTTP and in socket acks.
 * `status` is the HTTP status the code maps to; the message is safe to show to a user.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  UNAUTHENTICATED: { status: 401, message: 'Please sign in.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Wrong username or password.' },
  FORBIDDEN: { status: 403, message: 'Your role may not do this.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  CONFLICT: { status: 409, message: 'This conflicts with the current state.' },
  INVALID_TRANSITION: { status: 409, message: 'That status change is not allowed from the current status.' },
  INSUFFICIENT_STOCK: { status: 409, message: 'Not enough stock: stock never goes below zero.' },
  VIDEO_UNAVAILABLE: { status: 503, message: 'The video relay is not running.' },
  CAMERA_OFFLINE: { status: 409, message: 'This camera has no live picture right now.' },
  HTTPS_REQUIRED: { status: 403, message: 'Connect over HTTPS: over plain HTTP the sign-in token crosses the network in clear.' },
  UNKNOWN_DEVICE: { status: 403, message: 'This device is not registered.' },
  WEAK_PASSWORD: { status: 400, message: 'That password is too easy to guess: not a common password, not only blanks or one character repeated.' },
  LOGIN_THROTTLED: { status: 429, message: 'Too many failed sign-ins; try again later.' },
  WRITE_THROTTLED: { status: 429, message: 'Too many reports from this device at once; it sends the rest shortly.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests at once; try again in a moment.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request is too large.' },
  CLIENT_OUTDATED: { status: 426, message: 'This screen runs an older version: reload it to continue.' },
  STORE_UNAVAILABLE: { status: 503, message: 'The server cannot reach its database right now: nothing was saved. Try again in a moment.' },
  PDF_UNAVAILABLE: { status: 503, message: 'The server cannot make PDFs: Chromium is not installed. Print the report page from the browser instead.' },
  DRILL_NEEDS_CONFIRMATION: { status: 409, message: 'A real response is running: confirm the drill explicitly and choose the teams and contacts it may reach.' },
  INTERNAL: { status: 500, message: 'Something went wrong on the server.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];
