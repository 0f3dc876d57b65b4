/**
 * The shared screen harness: signs each screen in once, then visits it at every viewport and language,
 * saving a screenshot per visit as artifacts/screenshots/fit-*.png and listing the text it finds clipped.
 *
 * What counts as clipped (CLIP_CHECKED): a visible label or status chip whose content is wider than its box
 * (scrollWidth > clientWidth), which is how "发电机" became "电机" and a status was cut mid-character.
 * Checked: status chips and badges (.chip, .badge, .tag, .low-tag, .status-pill, .state-pill,
 * .priority-badge, .connection-badge) and the on-watch line, buttons and tabs, table header and data cells, headings
 * (h1–h3), list rows (li), form labels and selects. Not checked: boxes that scroll on purpose (overflow-x
 * auto or scroll), text inputs and textareas (their content is the user's), and invisible elements.
 * Any element cut with an ellipsis (text-overflow: ellipsis) counts too, whatever it is: "象山…" is a cut label.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { saveScreenshot, signIn } from './browser';

export const CLIP_CHECKED = [
  '.chip',
  '.badge',
  '.tag',
  '.low-tag',
  '.status-pill',
  '.state-pill',
  '.priority-badge',
  '.connection-badge',
  '.on-watch',
  'button',
  '[role="tab"]',
  'th',
  'td',
  'h1',
  'h2',
  'h3',
  'li',
  'label',
  'select',
].join(',');

export const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Clipped {
  /** The nearest data-testid around the element, when there is one. */
  testId: string | null;
  where: string;
  text: string;
  scrollWidth: number;
  clientWidth: number;
}

/** Every checked element on the page whose text does not fit its box. */
export function clippedText(page: Page): Promise<Clipped[]> {
  return page.evaluate((selector) => {
    const describe = (el: Element): string => {
      const testId = el.closest('[data-testid]')?.getAttribute('data-testid');
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${testId ? `[${testId}] ` : ''}${el.tagName.toLowerCase()}${cls}`;
    };
    const out: Clipped[] = [];
    const ellipsized = Array.from(document.querySelectorAll<HTMLElement>('body *')).filter((el) => getComputedStyle(el).textOverflow === 'ellipsis');
    for (const el of new Set([...Array.from(document.querySelectorAll<HTMLElement>(selector)), ...ellipsized])) {
      if (!el.getClientRects().length || el.clientWidth === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
      // One pixel of slack: sub-pixel layout rounds scrollWidth up.
      if (el.scrollWidth > el.clientWidth + 1) out.push({ testId: el.closest('[data-testid]')?.getAttribute('data-testid') ?? null, where: describe(el), text: (el.innerText || '').trim().slice(0, 60), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
    }
    return out;
  }, CLIP_CHECKED);
}

/**
 * Whether a bar reads as one line: no child starts below another child's bottom, and no text inside it
 * breaks onto a second line (a badge wrapping inside the bar makes it as tall as two rows).
 */
export function wrapsOf(page: Page, selector: string): Promise<{ height: number; wrapped: string[] } | null> {
  return page.evaluate((sel) => {
    const bar = document.querySelector(sel);
    if (!bar) return null;
    const rows = Array.from(bar.children)
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    const wrapped: string[] = rows.some((a) => rows.some((b) => a.top >= b.bottom - 1)) ? ['children on two rows'] : [];
    const walker = document.createTreeWalker(bar, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      // Screen-reader-only text sits in a 1 px box and wraps there unseen.
      if (!text || (node.parentElement?.getBoundingClientRect().width ?? 0) <= 1) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top / 4)));
      if (tops.size > 1) wrapped.push(text.slice(0, 40));
    }
    return { height: Math.round(bar.getBoundingClientRect().height), wrapped };
  }, selector);
}

export interface ScreenSpec {
  /** Names the screen in screenshots and failures: wall, desk-teams, tablet… */
  name: string;
  username: string;
  password: string;
  landing: RegExp;
  /** Paths to visit on this screen (several desk tabs, say); each waits for `ready`. */
  paths: string[];
  ready: string;
  /** Viewports beyond VIEWPORTS (the tablet's own 800×1280). */
  extraViewports?: { width: number; height: number }[];
}

export interface Visit {
  screen: string;
  path: string;
  viewport: string;
  language: Language;
  page: Page;
}

/** One context per screen (signed in once), pages reused across viewports and languages. */
export async function openScreens(browser: Browser, baseUrl: string, specs: ScreenSpec[]): Promise<{ contexts: BrowserContext[]; pages: Map<string, Page> }> {
  const opened = await Promise.all(
    specs.map(async (spec) => {
      const context = await browser.newContext({ viewport: VIEWPORTS[0], permissions: ['geolocation'], geolocation: { latitude: 29.4768, longitude: 121.8694, accuracy: 20 } });
      const page = await context.newPage();
      await signIn(page, baseUrl, spec.username, spec.password, spec.landing);
      return { spec, context, page };
    }),
  );
  return { contexts: opened.map((o) => o.context), pages: new Map(opened.map((o) => [o.spec.name, o.page])) };
}

/** Chooses a language with the screen's own switch (as a user would) and waits for the page to show it. */
export async function chooseLanguage(page: Page, language: Language): Promise<void> {
  const select = page.getByTestId('language-switch').first();
  if ((await select.inputValue()) !== language) await select.selectOption(language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/**
 * Visits every screen at each viewport and language, calling `check` on each visit after saving its
 * screenshot; returns the clipped text found, one entry per element and visit.
 */
export const clippedLine = (c: ClippedOnVisit) => `${c.visit}: ${c.where} "${c.text}" (${c.scrollWidth} > ${c.clientWidth})`;

export interface ClippedOnVisit extends Clipped {
  visit: string;
}

export async function visitAll(baseUrl: string, specs: ScreenSpec[], pages: Map<string, Page>, check: (visit: Visit) => Promise<void> = async () => undefined): Promise<ClippedOnVisit[]> {
  const problems: ClippedOnVisit[] = [];
  for (const spec of specs) {
    const page = pages.get(spec.name)!;
    // Path outermost: a navigation reloads the screen's data and map; viewport and language are cheap.
    for (const path of spec.paths) {
      if (new URL(page.url()).pathname !== path) await page.goto(`${baseUrl}${path}`);
      await page.locator(spec.ready).first().waitFor();
      for (const viewport of [...VIEWPORTS, ...(spec.extraViewports ?? [])]) {
        await page.setViewportSize(viewport);
        for (const language of LANGUAGES) {
          await chooseLanguage(page, language);
          // Let layout settle after the switch (fonts, charts resizing to their boxes).
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          const size = `${viewport.width}x${viewport.height}`;
          await saveScreenshot(page, `fit-${spec.name}${path.replace(/\//g, '-')}-${size}-${language}`);
          for (const c of await clippedText(page)) problems.push({ ...c, visit: `${spec.name} ${path} ${size} ${language}` });
          await check({ screen: spec.name, path, viewport: size, language, page });
        }
      }
    }
  }
  return problems;
}
