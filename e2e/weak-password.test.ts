import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { User } from '../shared/schemas/user';
import { dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

let server: ServerHandle;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function tryCreate(page: Page, username: string, password: string): Promise<string> {
  const form = page.getByTestId('user-create');
  await form.locator('input').nth(0).fill(username);
  await form.locator('input').nth(1).fill('值班员');
  await form.locator('input[type="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
  return (await form.getByRole('alert').textContent({ timeout: 10_000 })) ?? '';
}

describe('weak passwords in the admin page', () => {
  it('says in Chinese, and in English, why a common or one-character password is refused; nothing is created', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, server.baseUrl, 'admin', server.adminPassword, /\/desk$/);
    await page.goto(`${server.baseUrl}/admin`);
    expect(await tryCreate(page, 'weak-zh', '1234567890')).toContain('不能用常见密码');
    await saveScreenshot(page, 'admin-weak-password-zh');

    await page.evaluate(() => localStorage.setItem('tidewatch.locale', 'en'));
    await page.reload();
    expect(await tryCreate(page, 'weak-en', 'zzzzzzzzzzzz')).toContain('not a common password');
    await saveScreenshot(page, 'admin-weak-password-en');

    const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
    expect(dataOf(await admin.get<User[]>('/api/users')).map((u) => u.username)).not.toContain('weak-zh');
    await page.close();
  });
});
