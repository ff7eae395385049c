/** Small inline icons (no icon font to load): severity and device, drawn in currentColor and hidden from screen readers (the word beside them says it). */
import type { AlertSeverity } from '../../../../electron/contract/alert-catalog';

const svg = (d: string) => (
  <svg className="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
    <path d={d} fill="currentColor" />
  </svg>
);

const PATHS = {
  crisis: 'M12 2 1 21h22L12 2zm0 5.5 1 8h-2l1-8zM11 17h2v2h-2z',
  action: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-1 5h2v7h-2zm0 9h2v2h-2z',
  notice: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-1 8h2v7h-2zm0-4h2v2h-2z',
  ok: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-1.5 14.2-4.2-4.2 1.4-1.4 2.8 2.8 6.3-6.3 1.4 1.4z',
  unknown: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 16.5a1.3 1.3 0 1 1 0-2.6 1.3 1.3 0 0 1 0 2.6zm1.2-5.3v.8h-2.4v-1.2c0-1.3 1-2 1.8-2.5.7-.4 1.2-.8 1.2-1.5a1.8 1.8 0 0 0-3.6 0H7.8a4.2 4.2 0 0 1 8.4 0c0 1.8-1.3 2.7-2.2 3.2-.5.3-.8.6-.8 1.2z',
} as const;

export function SeverityIcon({ severity }: { severity: AlertSeverity }) {
  return svg(PATHS[severity]);
}

export function LevelIcon({ level }: { level: 'ok' | 'notice' | 'action' | 'unknown' }) {
  return svg(PATHS[level]);
}
