import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

type MapHooks = { __tidewatch?: { mapPointToPage?: (lat: number, lon: number) => { x: number | null; y: number | null } } };

/** Clicks the map inside `scope` at a WGS84 point, once the map has drawn (the page's map test hook answers). */
export async function clickMapAt(page: Page, scope: Locator, lat: number, lon: number): Promise<void> {
  const pointOnPage = () => page.evaluate(({ la, lo }) => (window as unknown as MapHooks).__tidewatch?.mapPointToPage?.(la, lo) ?? null, { la: lat, lo: lon });
  await expect.poll(async () => (await pointOnPage())?.x ?? null, { timeout: 15_000 }).not.toBeNull();
  await scope.getByTestId('team-map').scrollIntoViewIfNeeded();
  const at = await pointOnPage();
  await page.mouse.click(at!.x!, at!.y!);
}
