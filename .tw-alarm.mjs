import { chromium } from 'playwright-core';
const base = 'http://localhost:8090';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required'] });
async function login(user, pass, path, viewport) {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => console.log(user, 'pageerror:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log(user, 'console:', m.text()));
  await page.goto(base + path);
  await page.fill('[data-testid=login-username]', user);
  await page.fill('[data-testid=login-password]', pass);
  await page.click('[data-testid=login-submit]');
  await page.waitForURL('**' + path);
  return page;
}
const wall = await login('wall', 'mLf3DxTmkHB4BX', '/wall', { width: 1920, height: 1080 });
await wall.evaluate(() => {
  const Orig = window.AudioContext;
  window.__beeps = 0;
  window.AudioContext = class extends Orig { createOscillator() { window.__beeps++; return super.createOscillator(); } };
});
const desk = await login('duty', 'hmGjMMRF3EByk2', '/desk', { width: 1920, height: 1080 });
await desk.waitForSelector('[data-testid=alarm-item]', { timeout: 200000 });
console.log('desk alarm:', await desk.locator('[data-testid=alarm-item]').first().textContent());
await wall.waitForSelector('[data-testid=alarm-item]', { timeout: 20000 });
await wall.waitForTimeout(1500);
console.log('wall beeps (oscillators):', await wall.evaluate(() => window.__beeps));
await wall.screenshot({ path: '/tmp/tw-e2e/wall-alarm.png' });
await desk.click('[data-testid=alarm-acknowledge]');
await wall.waitForSelector('[data-testid=alarm-item][data-state=acknowledged]', { timeout: 10000 });
console.log('wall after ack:', await wall.locator('[data-testid=alarm-item]').first().textContent());
await wall.screenshot({ path: '/tmp/tw-e2e/wall-acked.png' });
await browser.close();
