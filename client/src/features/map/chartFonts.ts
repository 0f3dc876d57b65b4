export const CHART_FONT_FAMILY = "'Noto Sans SC', sans-serif";

const ready = new Set<string>();

/**
 * ECharts measures and draws text on a canvas, which cannot trigger web-font downloads, and the
 * fontsource CSS splits CJK into unicode-range subsets. Loading with the actual label text fetches
 * exactly the subsets needed; we do this before text is first measured, because zrender caches
 * text widths per string and would keep fallback-font widths.
 */
export async function ensureChartFont(text: string): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const missing = [...new Set(text)].filter((c) => c.trim() && !ready.has(c)).join('');
  if (!missing) return;
  try {
    await Promise.all([
      document.fonts.load(`400 16px "Noto Sans SC"`, missing),
      document.fonts.load(`700 16px "Noto Sans SC"`, missing),
    ]);
    for (const c of missing) ready.add(c);
  } catch {
    // Draw with the fallback rather than not at all; the next render asks again.
  }
}
