import { useEffect, useRef } from 'react';
import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

export interface SizeSeries {
  id: string;
  name: string;
  /** Evaluation time (ms) and members, oldest first. */
  points: { at: number; members: number }[];
}

// Dark enough for 3:1 against white (WCAG 1.4.11), and told apart by the legend and the table too.
const COLOURS = ['#0b3d91', '#a3132b', '#1b6b2f', '#6b3fa0', '#8a4b00', '#005f73'];

/** Each segment's size at every evaluation of its versions; the table next to it holds the same numbers. */
export function SegmentSizeChart({ series, title, lang }: { series: SizeSeries[]; title: string; lang: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        datasets: series.map((s, i) => ({
          label: s.name,
          data: s.points.map((p) => ({ x: p.at, y: p.members })),
          borderColor: COLOURS[i % COLOURS.length],
          backgroundColor: COLOURS[i % COLOURS.length],
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { type: 'linear', ticks: { callback: (value) => new Date(Number(value)).toLocaleDateString(lang), maxTicksLimit: 6 } },
          y: { beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
    return () => chart.destroy();
  }, [series, lang]);
  const summary = series.map((s) => `${s.name}: ${s.points.map((p) => p.members).join(' → ')}`).join('; ');
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={`${title}. ${summary}`} data-segment-sizes={series.map((s) => `${s.id}=${s.points.map((p) => p.members).join('/')}`).join(',')} />
    </div>
  );
}
