/** Numbers, sizes and durations the way people read them in a channel. */

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** `1.2 GB`, `512 B`: decimal units, one decimal below 10, none above. */
function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

/** `3 m 20 s`, `1 h 5 m`, `45 s`: the two largest units that matter. */
function formatDuration(milliseconds: number): string {
  const totalSeconds = Math.max(0, Math.round(milliseconds / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} m` : `${hours} h`;
  if (minutes > 0) return seconds > 0 ? `${minutes} m ${seconds} s` : `${minutes} m`;
  return `${seconds} s`;
}

/** `1,234,567` */
function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}

/** `42.5%`, never over 100. */
function formatPercent(percent: number): string {
  const bounded = Math.min(100, Math.max(0, percent));
  return `${Number.isInteger(bounded) ? bounded : bounded.toFixed(1)}%`;
}

/** A bar of 20 cells for a progress line: `▓▓▓▓▓░░░░░░░░░░░░░░░`. */
function progressBar(percent: number, cells = 20): string {
  const filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * cells);
  return '▓'.repeat(filled) + '░'.repeat(cells - filled);
}

/** Slack renders `<!date^…>` in the reader's own time zone; the fallback is UTC. */
function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return `<!date^${seconds}^{date_short_pretty} {time}|${iso.replace('T', ' ').slice(0, 16)} UTC>`;
}

export { formatBytes, formatCount, formatDuration, formatPercent, progressBar, slackDate };
