import type { ImportProgress } from './import-runner';

/** Formats the CLI's progress line: rows, rows/s, percent of the file's bytes, ETA. */
export function progressLine(progress: ImportProgress, totalBytes: number, elapsedMs: number, bytesAtStart = 0): string {
  const { counts } = progress.job;
  const seconds = Math.max(elapsedMs / 1000, 0.001);
  const rate = counts.read / seconds;
  const fraction = totalBytes > 0 ? Math.min(progress.bytesRead / totalBytes, 1) : 0;
  const bytesPerSecond = (progress.bytesRead - bytesAtStart) / seconds;
  const eta = bytesPerSecond > 0 ? (totalBytes - progress.bytesRead) / bytesPerSecond : 0;
  const width = 24;
  const bar = '#'.repeat(Math.round(fraction * width)).padEnd(width, '.');
  return `[${bar}] ${(fraction * 100).toFixed(1).padStart(5)}%  ${counts.read.toLocaleString('en')} rows  ${Math.round(rate).toLocaleString('en')} rows/s  ` +
    `+${counts.inserted} =${counts.unchanged} ~${counts.updated} !${counts.rejected}  ETA ${formatSeconds(eta)}`;
}

const formatSeconds = (s: number) => (s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`);
