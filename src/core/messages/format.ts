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

/** `3 m 20 s`, `1 h 5 m`, `45 s`, `<1 s`: the two largest units that matter; work that took time never reads `0 s`. */
function formatDuration(milliseconds: number): string {
  if (milliseconds > 0 && milliseconds < 500) return '<1 s';
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

/** `2026-12-03 07:45:35 UTC`: the wall clock to the second in `timeZone` (an IANA name), UTC when none or unknown. */
function formatTime(iso: string, timeZone: string | undefined): string {
  const date = new Date(iso);
  const zone = timeZone !== undefined && isTimeZone(timeZone) ? timeZone : 'UTC';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = Object.fromEntries(parts.map((entry) => [entry.type, entry.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second} ${zone}`;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * A time to the second: Slack renders the token in the reader's zone; the text after `|` (what clients that do
 * not render tokens show, and the terminal) is in `timeZone`, the requester's where Slack gave it.
 */
function slackTime(iso: string, timeZone: string | undefined): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return `<!date^${seconds}^{date_short_pretty} {time_secs}|${formatTime(iso, timeZone)}>`;
}

/** How long ago, from the largest unit: `3 h`, `2 d`, `45 s`. */
function formatAge(then: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));
  const days = Math.floor(seconds / 86_400);
  if (days > 0) return `${days} d`;
  return formatDuration(seconds * 1000);
}

export {
  formatAge,
  formatBytes,
  formatCount,
  formatDuration,
  formatPercent,
  formatTime,
  progressBar,
  slackDate,
  slackTime,
};
