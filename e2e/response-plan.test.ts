import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Response } from '../shared/schemas/response';
import type { Plan } from '../shared/schemas/response-plan';
import { dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';
import { openFieldTablet } from './support/fieldTablet';

// One server with the demo county and its 防台风 plan (server/response/demo-plan-tasks.ts): the commander's desk,
// the wall and the 蓝天救援队 tablet, whose team the Ⅳ级 plan pre-positions.
let server: ServerHandle;
let browser: Browser;
let desk: Page;
let wall: Page;
let tablet: { context: BrowserContext; page: Page } | null = null;
let commander: ReturnType<typeof httpClient>;
let password: (username: string) => string;

beforeAll(async () => {
  server = await startServer({ env: { SEED: 'demo' } });
  const accounts = fs.readFileSync(path.join(server.dataDir, 'demo-accounts.txt'), 'utf8');
  password = (username) => new RegExp(`^\\S+\\s+${username}\\s+(\\S+)$`, 'm').exec(accounts)![1]!;
  commander = httpClient(server.baseUrl, await login(server.baseUrl, 'commander', password('commander')));
  browser = await launchChromium();
  wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await signIn(wall, server.baseUrl, 'wall', password('wall'), /\/wall$/);
  desk = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await signIn(desk, server.baseUrl, 'commander', password('commander'), /\/desk/);
  await desk.goto(`${server.baseUrl}/desk/response`);
  await desk.getByTestId('response-desk').waitFor();
});
afterAll(async () => {
  await tablet?.context.close();
  await browser?.close();
  await server?.dispose();
});

const bannerLevel = (page: Page) => page.getByTestId('response-banner').locator('.response-banner').first().getAttribute('data-level', { timeout: 10_000 });
const prepared = () => desk.getByTestId('response-confirm').count();

async function changeLevel(to: string, reason: string, button: 'response-raise' | 'response-lower'): Promise<void> {
  await desk.getByTestId('response-reason').fill(reason);
  await desk.getByTestId('response-target').selectOption(to);
  await desk.getByTestId(button).click();
}

describe('a typhoon response from the desk to the tablets, the townships and the wall', () => {
  it('starts Ⅳ on the desk, raises to Ⅰ, confirms all: the tablet gets its dispatch, the wall shows the banner and progress; ending closes it', async () => {
    await desk.getByTestId('response-reason').fill('7级风圈预计24小时内影响我县');
    await desk.getByTestId('response-start').click();
    await expect.poll(() => bannerLevel(desk), { timeout: 10_000 }).toBe('IV');
    await expect.poll(() => bannerLevel(wall), { timeout: 10_000 }).toBe('IV');
    await expect.poll(() => desk.getByTestId('response-task').count(), { timeout: 10_000 }).toBeGreaterThan(8);
    // The automatic task (the wall's typhoon layer) ran at once; the Ⅳ级 team tasks wait for the commander.
    expect(await desk.locator('[data-testid="response-task"][data-key="iv-wall"]').getAttribute('data-state')).toBe('done');
    expect(await prepared()).toBeGreaterThan(2);

    await changeLevel('I', '超强台风预计12小时内在象山沿海登陆', 'response-raise');
    await expect.poll(() => bannerLevel(desk), { timeout: 10_000 }).toBe('I');
    await expect.poll(() => desk.getByTestId('response-task').count(), { timeout: 10_000 }).toBeGreaterThan(55);

    tablet = await openFieldTablet(browser, server.baseUrl, 'field-bluesky', password('field-bluesky'), { lat: 29.4386, lon: 121.8655 });
    await expect.poll(() => bannerLevel(tablet!.page), { timeout: 10_000 }).toBe('I');

    await desk.getByTestId('response-confirm-all').click();
    await expect.poll(prepared, { timeout: 20_000 }).toBe(0);
    await tablet.page.getByTestId('field-alert-open').click({ timeout: 15_000 });
    await expect.poll(() => tablet!.page.getByTestId('current-task').textContent(), { timeout: 10_000 }).toContain('象山蓝天救援队集结待命');

    const panel = wall.getByTestId('wall-response-panel');
    await expect.poll(() => panel.getAttribute('data-level'), { timeout: 10_000 }).toBe('I');
    await expect.poll(() => panel.getByTestId('wall-response-totals').textContent(), { timeout: 10_000 }).toMatch(/已落实 [1-9]/);
    await expect.poll(() => panel.getByTestId('wall-response-next').textContent(), { timeout: 10_000 }).toMatch(/\d+:\d\d:\d\d/);
    await expect.poll(() => panel.getByTestId('wall-response-evacuation').textContent(), { timeout: 10_000 }).toMatch(/转移 \d+\/22500/);

    // 人员转移 per village: 石浦镇 opens its villages; a village's target above the plan's figure raises the township's and the county's.
    const shipu = desk.locator('[data-testid="response-evacuation"] tr[data-township="石浦镇"]');
    const shipuTarget = Number(await shipu.locator('td').nth(1).textContent());
    const county = Number(/转移 \d+\/(\d+)/.exec((await panel.getByTestId('wall-response-evacuation').textContent()) ?? '')![1]);
    await shipu.click();
    const villageForm = desk.getByTestId('evacuation-village-form');
    await villageForm.locator('input[name="village"]').fill('番西村');
    await villageForm.locator('input[name="villagePeople"]').fill(String(shipuTarget + 400));
    await villageForm.locator('input[name="villageMoved"]').fill('120');
    await villageForm.locator('button[type="submit"]').click();
    await expect.poll(() => desk.getByTestId('evacuation-village').getAttribute('data-village'), { timeout: 10_000 }).toBe('番西村');
    expect(await shipu.locator('td').nth(1).textContent()).toBe(String(shipuTarget + 400));
    await expect.poll(() => panel.getByTestId('wall-response-evacuation').textContent(), { timeout: 10_000 }).toContain(`/${county + 400}`);
    await saveScreenshot(wall, 'response-wall-level-I');
    await saveScreenshot(desk, 'response-desk-level-I');

    await desk.getByTestId('response-reason').fill('台风已减弱为热带低压，解除防台风应急响应');
    await desk.getByTestId('response-end').click();
    await expect.poll(() => wall.getByTestId('response-banner').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => desk.getByTestId('response-banner').count(), { timeout: 10_000 }).toBe(0);
    const [ended] = dataOf(await commander.get<Response[]>('/api/responses?state=ended'));
    expect(ended!.history.map((h) => [h.kind, h.level])).toEqual([['started', 'IV'], ['raised', 'I'], ['ended', 'I']]);

    // Ending cancelled no dispatch: the plan's are listed, the tablet keeps its task until the commander cancels them all.
    await expect.poll(() => desk.getByTestId('plan-dispatch-left').count(), { timeout: 10_000 }).toBeGreaterThan(5);
    expect(await tablet.page.getByTestId('current-task').count()).toBe(1);
    await desk.getByTestId('plan-dispatches-cancel').click();
    await expect.poll(() => desk.getByTestId('plan-dispatches-cancelled').textContent(), { timeout: 10_000 }).toMatch(/已取消 \d+ 项调度/);
    expect(await desk.getByTestId('plan-dispatch-left').count()).toBe(0);
    await expect.poll(() => tablet!.page.getByTestId('current-task').count(), { timeout: 10_000 }).toBe(0);
  });

  it('a drill: 演练 on every screen, the dispatch marked, its own record when it ends', async () => {
    await desk.getByTestId('response-reason').fill('防台风桌面推演');
    await desk.getByTestId('response-exercise').check();
    await desk.getByTestId('response-start').click();
    await expect.poll(() => wall.getByTestId('response-drill').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => desk.getByTestId('response-drill').count(), { timeout: 10_000 }).toBe(1);
    await desk.getByTestId('response-confirm-all').click();
    await expect.poll(prepared, { timeout: 20_000 }).toBe(0);
    await tablet!.page.reload();
    await expect.poll(() => tablet!.page.getByTestId('response-drill').count(), { timeout: 15_000 }).toBe(1);
    await tablet!.page.getByTestId('field-alert-open').click({ timeout: 15_000 });
    // The real response's dispatches were cancelled: the drill's is the team's current task, marked 演练 unmistakably.
    await expect.poll(() => tablet!.page.getByTestId('current-task').textContent(), { timeout: 10_000 }).toContain('【演练】象山蓝天救援队集结待命');
    expect(await tablet!.page.getByTestId('current-task').getByTestId('task-drill').isVisible()).toBe(true);
    expect(await tablet!.page.getByTestId('current-task').getByTestId('drill-badge').isVisible()).toBe(true);

    await desk.getByTestId('response-reason').fill('推演结束');
    await desk.getByTestId('response-end').click();
    await expect.poll(() => wall.getByTestId('response-banner').count(), { timeout: 10_000 }).toBe(0);
    const drills = dataOf(await commander.get<Response[]>('/api/responses?state=ended')).filter((r) => r.exercise);
    expect(drills.map((r) => [r.level, r.history.at(-1)?.reason])).toEqual([['IV', '推演结束']]);
  });

  it('the plan editor edits a task’s action in full: an error stands at its field, a missing team is reported on save', async () => {
    await desk.getByTestId('response-plans-toggle').click();
    const row = desk.locator('[data-testid="plan-row"][data-key="iv-bluesky"]');
    await row.getByTestId('plan-action-toggle').click();
    const editor = desk.getByTestId('plan-action-editor');
    await editor.locator('input[name="lat"]').fill('95');
    await expect.poll(() => editor.locator('small.error').count(), { timeout: 5_000 }).toBeGreaterThan(0);
    expect(await desk.getByTestId('plan-save').isDisabled()).toBe(true);
    await editor.locator('input[name="lat"]').fill('29.45');
    await editor.locator('input[name="teamIds"]').fill('civil-bluesky, team-gone');
    await expect.poll(() => desk.getByTestId('plan-save').isDisabled(), { timeout: 5_000 }).toBe(false);
    await desk.getByTestId('plan-save').click();
    await expect.poll(() => editor.getByTestId('plan-action-problems').textContent(), { timeout: 10_000 }).toContain('team-gone');
    await saveScreenshot(desk, 'response-plan-action-editor');
    const plan = dataOf(await commander.get<Plan[]>('/api/response-plans')).find((p) => p.hazard === 'typhoon' && p.level === 'IV')!;
    expect(plan.tasks.find((t) => t.key === 'iv-bluesky')!.action).toMatchObject({ kind: 'dispatch', teamIds: ['civil-bluesky', 'team-gone'], destination: { lat: 29.45 } });
  });

  it('the plan editor picks a task’s owner by kind and name, and marks an owner that no longer exists', async () => {
    if (!(await desk.getByTestId('plan-editor').isVisible())) await desk.getByTestId('response-plans-toggle').click();
    const bluesky = dataOf(await commander.get<Array<{ id: string; name: string }>>('/api/teams')).find((t) => t.id === 'civil-bluesky')!;
    const row = desk.locator('[data-testid="plan-row"][data-key="iv-consult"]');
    await row.getByTestId('plan-owner-kind').selectOption('team');
    await row.getByTestId('plan-owner').selectOption({ label: bluesky.name });
    await desk.getByTestId('plan-save').click();
    const saved = async () => dataOf(await commander.get<Plan[]>('/api/response-plans')).find((p) => p.hazard === 'typhoon' && p.level === 'IV')!;
    await expect.poll(async () => (await saved()).tasks.find((t) => t.key === 'iv-consult')!.owner, { timeout: 10_000 }).toEqual({ kind: 'team', teamId: 'civil-bluesky' });

    // Saved elsewhere with a contact since deleted: the row keeps it, marked, instead of picking another.
    const plan = await saved();
    const tasks = plan.tasks.map((t) => (t.key === 'iv-consult' ? { ...t, owner: { kind: 'contact' as const, contactId: 'contact-gone' } } : t));
    dataOf(await commander.put(`/api/response-plans/typhoon/IV`, { tasks, note: '', baseVersion: plan.version }));
    await expect.poll(() => row.getByTestId('plan-owner').getAttribute('data-missing'), { timeout: 10_000 }).toBe('true');
    expect(await row.getByTestId('plan-owner').locator('option:checked').textContent()).toContain('contact-gone');
    await row.getByTestId('plan-owner').scrollIntoViewIfNeeded();
    await saveScreenshot(desk, 'response-plan-owner-picker');
  });
});

describe('a drill beside a real response', () => {
  it('is refused without the typed confirmation, and reaches only the team and contact ticked on the desk', async () => {
    const real = dataOf(await commander.post<{ response: Response }>('/api/responses', { actionId: randomUUID(), hazard: 'flood', level: 'IV', reason: '强降雨' })).response;
    const refused = await commander.post('/api/responses', { actionId: randomUUID(), hazard: 'typhoon', level: 'IV', reason: '推演', exercise: true });
    expect([refused.status, refused.body.ok ? null : refused.body.error.code]).toEqual([409, 'DRILL_NEEDS_CONFIRMATION']);

    const bluesky = dataOf(await commander.get<Array<{ id: string; name: string }>>('/api/teams')).find((t) => t.name.includes('蓝天'))!;
    await desk.getByTestId('response-new').click();
    await desk.getByTestId('response-reason').fill('真实响应期间的防台风推演');
    await desk.getByTestId('response-exercise').check();
    await desk.getByTestId(`drill-team-${bluesky.id}`).check();
    const contact = desk.locator('[data-testid^="drill-contact-"]').first();
    const contactId = (await contact.getAttribute('data-testid'))!.slice('drill-contact-'.length);
    await contact.check();
    await desk.getByTestId('drill-confirm-typed').fill('演练');
    expect(await desk.getByTestId('response-start').isDisabled()).toBe(true);
    await desk.getByTestId('drill-confirm-typed').fill('确认演练');
    await saveScreenshot(desk, 'response-drill-beside-real');
    await desk.getByTestId('response-start').click();
    await expect.poll(() => desk.getByTestId('response-drill').count(), { timeout: 10_000 }).toBe(1);
    await desk.getByTestId('response-confirm-all').click();
    await expect.poll(prepared, { timeout: 20_000 }).toBe(0);

    const drill = dataOf(await commander.get<Response[]>('/api/responses?state=active')).find((r) => r.exercise)!;
    expect(drill.drillScope).toEqual({ teamIds: [bluesky.id], contactIds: [contactId] });
    const tasks = dataOf(await commander.get<Array<{ actionResult: { dispatchIds: string[] } | null; problems: Array<{ kind: string; ref: string }> }>>(`/api/responses/${drill.id}/tasks`));
    const dispatchIds = tasks.flatMap((t) => t.actionResult?.dispatchIds ?? []);
    expect(dispatchIds).toHaveLength(1);
    const { dispatch } = dataOf(await commander.get<{ dispatch: { exercise: boolean; assignments: Array<{ teamId: string }> } }>(`/api/dispatches/${dispatchIds[0]}`));
    expect([dispatch.exercise, dispatch.assignments.map((a) => a.teamId)]).toEqual([true, [bluesky.id]]);
    const outside = tasks.flatMap((t) => t.problems).filter((p) => p.kind === 'outside_drill');
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.map((p) => p.ref)).not.toContain(contactId);
    expect(outside.map((p) => p.ref)).not.toContain(bluesky.id);
    expect(real.exercise).toBe(false);
  });
});
