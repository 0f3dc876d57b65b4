import type { DispatchMilestone } from '../../../shared/schemas/review';

/** The Chinese words of the report's files (CSV, PDF) that only the server prints; those the desk shows too are in shared/labels-zh.ts. */
export const MILESTONE_ZH: Record<DispatchMilestone, string> = { delivered: '送达', accepted: '接受', arrived: '到达', completed: '完成' };

const BEIJING = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** An instant in Beijing time, `2025/09/15 08:10`. */
export const beijingTime = (iso: string | null): string => (iso ? BEIJING.format(new Date(iso)) : '');

/** Seconds as minutes with one decimal, or empty when there is no figure. */
export const minutes = (seconds: number | null): string | number => (seconds === null ? '' : Math.round(seconds / 6) / 10);
