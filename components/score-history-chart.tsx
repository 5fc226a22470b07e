import { formatPercent } from "@/lib/format";

type Point = {
  /** When it was submitted, in full ("Tue, 1 Dec 2026, 15:00 CET"): the table's column. */
  label: string;
  /** The same day, short ("1 Dec"): the chart's axis. */
  day: string;
  percent: number;
};

/** At most this many dates under the axis; more would run into each other at 390 px. */
const MAX_TICKS = 6;

/**
 * Which points get a date under the axis: the first and the last, and evenly
 * spaced ones between, never the same day twice in a row (a student who took
 * three quizzes on Monday sees "Mon" once).
 */
export function axisTicks(days: string[], max = MAX_TICKS): number[] {
  if (days.length === 0) return [];
  const step = Math.max(1, Math.ceil((days.length - 1) / (max - 1)));
  const picked: number[] = [];
  for (let i = 0; i < days.length; i += step) picked.push(i);
  const last = days.length - 1;
  if (picked[picked.length - 1] !== last) {
    // The last point always gets its date; it replaces the one before when they would crowd.
    if (picked.length >= max || last - picked[picked.length - 1]! < step / 2) picked.pop();
    picked.push(last);
  }
  return picked.filter((i, k) => k === 0 || days[i] !== days[picked[k - 1]!]);
}

/** Server-rendered SVG line of scores over time, with the same data as a table for screen readers. */
export function ScoreHistoryChart({ points, caption }: { points: Point[]; caption: string }) {
  const w = 640;
  const h = 240;
  const pad = { l: 48, r: 24, t: 12, b: 40 };
  const x = (i: number) =>
    pad.l + (points.length <= 1 ? (w - pad.l - pad.r) / 2 : (i * (w - pad.l - pad.r)) / (points.length - 1));
  const y = (p: number) => pad.t + ((100 - p) * (h - pad.t - pad.b)) / 100;
  const path = points
    .map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.percent).toFixed(1)}`)
    .join(" ");
  const ticks = axisTicks(points.map((p) => p.day));
  // One string: React hydrates <title> as a single text node, and "text {list}" was two (error #418).
  const title = `${caption}: ${points.map((p) => `${p.day} ${formatPercent(p.percent)}`).join(", ")}`;
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${w} ${h}`}
        className="w-full max-w-2xl rounded-lg border border-stone-200 bg-white"
        role="img"
        aria-labelledby="score-chart-title"
      >
        <title id="score-chart-title">{title}</title>
        {[0, 25, 50, 75, 100].map((g) => (
          <g key={g}>
            <line x1={pad.l} x2={w - pad.r} y1={y(g)} y2={y(g)} stroke="#e7e5e4" />
            <text x={pad.l - 6} y={y(g) + 4} textAnchor="end" fontSize="13" fill="#57534e">
              {g}%
            </text>
          </g>
        ))}
        {ticks.map((i) => (
          <g key={i} data-axis-date="">
            <line x1={x(i)} x2={x(i)} y1={h - pad.b} y2={h - pad.b + 4} stroke="#a8a29e" />
            <text
              x={x(i)}
              y={h - pad.b + 18}
              textAnchor={
                points.length > 1 && i === 0
                  ? "start"
                  : points.length > 1 && i === points.length - 1
                    ? "end"
                    : "middle"
              }
              fontSize="14"
              fill="#57534e"
            >
              {points[i]!.day}
            </text>
          </g>
        ))}
        <path d={path} fill="none" stroke="#184c99" strokeWidth="2.5" />
        {points.map((p, i) => (
          <circle key={i} cx={x(i)} cy={y(p.percent)} r="4" fill="#184c99" />
        ))}
      </svg>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700">Show the scores as a table</summary>
        <table className="mt-2 bg-white text-left">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-3 py-1">
                Submitted
              </th>
              <th scope="col" className="px-3 py-1">
                Score
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i}>
                <td className="px-3 py-1">{p.label}</td>
                <td className="px-3 py-1">{formatPercent(p.percent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
