import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Dispatch } from '../../shared/schemas/dispatch';
import { dataOf, type httpClient } from '../../server/testing/int-support';
import { signIn } from './browser';

export const testAttr = (page: Page, testId: string, name: string) => page.getByTestId(testId).first().getAttribute(name);
export const connectionState = (page: Page) => testAttr(page, 'connection-state', 'data-state');

/** A tablet-sized page sharing its position at `at`, signed in on /field and online. */
export async function openFieldTablet(browser: Browser, baseUrl: string, username: string, password: string, at: { lat: number; lon: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 800, height: 1280 },
    permissions: ['geolocation'],
    geolocation: { latitude: at.lat, longitude: at.lon, accuracy: 15 },
  });
  const page = await context.newPage();
  await signIn(page, baseUrl, username, password, /\/field$/);
  await expect.poll(() => connectionState(page), { timeout: 15_000 }).toBe('online');
  return { context, page };
}

/** The desk sends the team an urgent rescue; the tablet rings, is opened and confirms receipt. */
export async function deliverRescue(page: Page, desk: ReturnType<typeof httpClient>, teamId: string, destination: { lat: number; lon: number; label: string }, instructions: string): Promise<Dispatch> {
  const dispatch = dataOf(await desk.post<Dispatch>('/api/dispatches', { actionId: randomUUID(), teamIds: [teamId], taskType: 'rescue', priority: 'urgent', destination: { township: null, ...destination }, instructions }));
  await page.getByTestId('field-alert-open').click({ timeout: 10_000 });
  await expect.poll(() => testAttr(page, 'current-task', 'data-state'), { timeout: 10_000 }).toBe('delivered');
  return dispatch;
}

/**
 * Holds the SOS button as a rescuer does: pressed until the tablet takes the SOS (a 3-second hold by the page's
 * own clock), then released. Waits on the button, not on a fixed time: on a busy machine the page's timer fires late.
 */
export async function holdSos(page: Page): Promise<void> {
  const button = page.getByTestId('sos-button');
  const box = await button.boundingBox();
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
  await page.mouse.down();
  await expect.poll(() => button.getAttribute('class')).toContain('holding');
  await page.waitForTimeout(3_000);
  await expect.poll(() => button.getAttribute('class'), { timeout: 15_000 }).not.toContain('holding');
  await page.mouse.up();
}
