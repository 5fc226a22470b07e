import { formatPercent } from "@/lib/format";

/** Server-rendered SVG line of scores over time, with the same data as a table for screen readers. */
export function ScoreHistoryChart({ points }: { points: { label: string; percent: number }[] }) {
  const w = 640;
  const h = 220;
  const pad = { l: 40, r: 16, t: 12, b: 28 };
  const x = (i: number) =>
    pad.l + (points.length <= 1 ? (w - pad.l - pad.r) / 2 : (i * (w - pad.l - pad.r)) / (points.length - 1));
  const y = (p: number) => pad.t + ((100 - p) * (h - pad.t - pad.b)) / 100;
  const path = points
    .map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.percent).toFixed(1)}`)
    .join(" ");
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${w} ${h}`}
        className="w-full max-w-2xl rounded-lg border border-stone-200 bg-white"
        role="img"
        aria-labelledby="score-chart-title"
      >
        <title id="score-chart-title">
          Score history: {points.map((p) => formatPercent(p.percent)).join(", ")}
        </title>
        {[0, 25, 50, 75, 100].map((g) => (
          <g key={g}>
            <line x1={pad.l} x2={w - pad.r} y1={y(g)} y2={y(g)} stroke="#e7e5e4" />
            <text x={pad.l - 6} y={y(g) + 4} textAnchor="end" fontSize="11" fill="#57534e">
              {g}%
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
          <caption className="sr-only">Score history</caption>
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
