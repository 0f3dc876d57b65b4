import { createHash, randomBytes } from 'node:crypto';

/**
 * Personal links: 32 random bytes (256 bits, base64url) that open one recipient's answer page for one
 * warning and nothing else. Only the SHA-256 is stored, so the database does not hold working links.
 */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export const hashLinkToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A token as it may appear in a path: exactly the 43 base64url characters we hand out. */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const personalLink = (publicBaseUrl: string, token: string): string => `${publicBaseUrl}/w/${token}`;
