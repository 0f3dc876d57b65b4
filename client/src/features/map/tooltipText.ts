/**
 * ECharts puts the string a tooltip formatter returns into the page as HTML, and names are written by
 * users (a field tablet titles its incidents): every one is escaped before it gets there.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The tooltip of a marker: its name, as text. `show` is set on every series because a series on the geo
 * inherits the geo component's tooltip (off, so townships have none) before the chart's.
 */
export const nameTooltip = (show: boolean) => ({ show, formatter: (p: { name?: string }) => escapeHtml(p.name ?? '') });
