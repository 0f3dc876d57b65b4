/**
 * The shared screen harness: signs each screen in once, then visits it at every viewport and language,
 * saving a screenshot per visit as artifacts/screenshots/fit-*.jpg and listing the text it finds clipped.
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

/**
 * Panels whose content does not stay in the panel's box: a descendant showing beyond the panel's edges
 * (clipped only by boxes inside the panel: a list that scrolls hides its rows, the panel's own overflow: hidden
 * still counts, since what it cuts is lost), and panels drawn over one another (neither inside the other).
 * This is how the storm panel's countdown came to sit over 人员转移安置 on a 1080p wall.
 */
export function panelsOverflowing(page: Page, panelSelector: string, root = 'body'): Promise<string[]> {
  return page.evaluate(
    ([sel, rootSel]) => {
      const name = (el: Element) => {
        const testId = el.getAttribute('data-testid') ?? el.closest('[data-testid]')?.getAttribute('data-testid');
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        return `${testId ? `[${testId}] ` : ''}${el.tagName.toLowerCase()}${cls}`;
      };
      const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const panels = Array.from(document.querySelectorAll(`${rootSel} :is(${sel})`)).filter(shown);
      const out: string[] = [];
      for (const panel of panels) {
        const box = panel.getBoundingClientRect();
        // A panel that scrolls itself (a long alarm list) holds the rest below its edge on purpose; what a panel
        // hides (overflow: hidden) is cut, and counts.
        const own = getComputedStyle(panel);
        if (box.width === 0 || box.height === 0 || [own.overflowX, own.overflowY].some((o) => o === 'auto' || o === 'scroll')) continue;
        let worst: { el: Element; by: number } | null = null;
        for (const el of panel.querySelectorAll('*')) {
          // A canvas is a map's drawing surface: its chart clips what it draws (the trails' canvas spans the world).
          if (el.tagName === 'CANVAS' || !shown(el) || getComputedStyle(el).position === 'fixed') continue;
          const r = el.getBoundingClientRect();
          if (r.top >= box.top - 1 && r.left >= box.left - 1 && r.bottom <= box.bottom + 1 && r.right <= box.right + 1) continue;
          let [top, right, bottom, left] = [r.top, r.right, r.bottom, r.left];
          // What a box inside the panel clips (a scrolling list) is not seen, so cannot stick out.
          for (let up = el.parentElement; up && up !== panel; up = up.parentElement) {
            const style = getComputedStyle(up);
            if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
            const c = up.getBoundingClientRect();
            [top, right, bottom, left] = [Math.max(top, c.top), Math.min(right, c.right), Math.min(bottom, c.bottom), Math.max(left, c.left)];
          }
          if (right - left < 1 || bottom - top < 1) continue;
          const by = Math.max(box.top - top, right - box.right, bottom - box.bottom, box.left - left);
          if (by > 1 && (!worst || by > worst.by)) worst = { el, by };
        }
        if (worst) out.push(`${name(panel)}: ${name(worst.el)} "${((worst.el as HTMLElement).innerText ?? '').trim().slice(0, 30)}" sticks out ${Math.round(worst.by)} px`);
      }
      for (const [i, a] of panels.entries()) {
        for (const b of panels.slice(i + 1)) {
          if (a.contains(b) || b.contains(a)) continue;
          const ra = a.getBoundingClientRect();
          const rb = b.getBoundingClientRect();
          const across = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const down = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (across > 1 && down > 1) out.push(`${name(a)} overlaps ${name(b)} (${Math.round(across)}×${Math.round(down)} px)`);
        }
      }
      return out;
    },
    [panelSelector, root] as const,
  );
}

/** The wall's panels: the grid's areas and sections, and the boxes laid over the map (storm and exposure; warnings and gauges in their column). */
export const WALL_PANELS = ['.wall-header', '.counts', 'main', 'aside', 'section', '.wall-typhoon > *', '.map-right', '.wall-gauges'].join(',');

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

/**
 * Every viewport in each language, ordered so that one step changes only the viewport or only the language, and
 * the language (a whole re-render of the screen, the dearest step) changes once per path.
 */
function zigzag(viewports: { width: number; height: number }[]): { viewport: { width: number; height: number }; language: Language }[] {
  return LANGUAGES.flatMap((language, i) => (i % 2 === 0 ? viewports : [...viewports].reverse()).map((viewport) => ({ viewport, language })));
}

export async function visitAll(baseUrl: string, specs: ScreenSpec[], pages: Map<string, Page>, check: (visit: Visit) => Promise<void> = async () => undefined): Promise<ClippedOnVisit[]> {
  const problems: ClippedOnVisit[] = [];
  for (const spec of specs) {
    const page = pages.get(spec.name)!;
    // Path outermost: a navigation reloads the screen's data and map; viewport and language are cheap.
    for (const path of spec.paths) {
      if (new URL(page.url()).pathname !== path) await page.goto(`${baseUrl}${path}`);
      await page.locator(spec.ready).first().waitFor();
      for (const { viewport, language } of zigzag([...VIEWPORTS, ...(spec.extraViewports ?? [])])) {
        const current = page.viewportSize();
        if (current?.width !== viewport.width || current.height !== viewport.height) await page.setViewportSize(viewport);
        await chooseLanguage(page, language);
        // Let layout settle after the change (fonts, charts resizing to their boxes).
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const size = `${viewport.width}x${viewport.height}`;
        await saveScreenshot(page, `fit-${spec.name}${path.replace(/\//g, '-')}-${size}-${language}`, { fullPage: false });
        for (const c of await clippedText(page)) problems.push({ ...c, visit: `${spec.name} ${path} ${size} ${language}` });
        await check({ screen: spec.name, path, viewport: size, language, page });
      }
    }
  }
  return problems;
}
