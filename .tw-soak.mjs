import { chromium } from 'playwright-core';
const base = 'http://localhost:8090';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--js-flags=--expose-gc'] });
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
await page.goto(base + '/wall');
await page.fill('[data-testid=login-username]', 'wall');
await page.fill('[data-testid=login-password]', 'mLf3DxTmkHB4BX');
await page.click('[data-testid=login-submit]');
await page.waitForURL('**/wall');
await page.waitForFunction(() => (window.__tidewatch?.teamsOnMap?.() ?? []).length > 0);
const heap = async () => { await page.evaluate(() => window.gc()); await page.waitForTimeout(500); await page.evaluate(() => window.gc()); return (await page.evaluate(() => performance.memory.usedJSHeapSize) / 1e6).toFixed(2); };
for (let i = 0; i <= 18; i++) {
  const pinia = await page.evaluate(() => 0);
  console.log(new Date().toISOString().slice(11, 19), 'heap MB', await heap(), 'dom', await page.evaluate(() => document.getElementsByTagName('*').length));
  await page.waitForTimeout(30000);
}
await browser.close();
