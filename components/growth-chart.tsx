const W = 640;
const H = 220;
const PAD = { l: 40, r: 16, t: 12, b: 36 };

const xAt = (i: number, n: number) =>
  PAD.l + (n <= 1 ? (W - PAD.l - PAD.r) / 2 : (i * (W - PAD.l - PAD.r)) / (n - 1));
const yAt = (p: number) => PAD.t + ((100 - p) * (H - PAD.t - PAD.b)) / 100;

/** A line through the points that exist; a missing one breaks the line rather than pretend a 0. */
function segments(values: (number | null)[], x: (i: number) => number, y: (p: number) => number): string {
  let d = "";
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
    pen = true;
  });
  return d.trim();
}

/**
 * The class average per assignment over time, as a server-rendered SVG. It
 * summarises the table beside it (which holds the same figures): the figure's
 * caption says what it shows, and the image is named by it.
 */
export function ClassGrowthChart({
  points,
  captionId,
}: {
  points: { label: string; percent: number | null }[];
  captionId: string;
}) {
  const n = points.length;
  const values = points.map((p) => p.percent);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="w-full max-w-2xl rounded-lg border border-stone-200 bg-white"
      role="img"
      aria-labelledby={captionId}
    >
      {[0, 25, 50, 75, 100].map((g) => (
        <g key={g}>
          <line x1={PAD.l} x2={W - PAD.r} y1={yAt(g)} y2={yAt(g)} stroke="#e7e5e4" />
          <text x={PAD.l - 6} y={yAt(g) + 4} textAnchor="end" fontSize="11" fill="#57534e">
            {g}%
          </text>
        </g>
      ))}
      <path d={segments(values, (i) => xAt(i, n), yAt)} fill="none" stroke="#184c99" strokeWidth="2.5" />
      {points.map((p, i) =>
        p.percent === null ? null : (
          <circle key={i} cx={xAt(i, n)} cy={yAt(p.percent)} r="4" fill="#184c99" />
        ),
      )}
      {points.map((p, i) => (
        <text key={i} x={xAt(i, n)} y={H - 12} textAnchor="middle" fontSize="11" fill="#57534e">
          {p.label}
        </text>
      ))}
    </svg>
  );
}

/** A student's scores in a row of the growth table, as a tiny line; the row's cells hold the figures. */
export function Sparkline({ values }: { values: (number | null)[] }) {
  const w = 96;
  const h = 28;
  const n = values.length;
  const x = (i: number) => 4 + (n <= 1 ? (w - 8) / 2 : (i * (w - 8)) / (n - 1));
  const y = (p: number) => 3 + ((100 - p) * (h - 6)) / 100;
  const last = [...values].reverse().find((v) => v !== null);
  const lastIndex = values.lastIndexOf(last ?? null);
  return (
    <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} aria-hidden="true" focusable="false">
      <line x1={0} x2={w} y1={y(50)} y2={y(50)} stroke="#e7e5e4" />
      <path d={segments(values, x, y)} fill="none" stroke="#184c99" strokeWidth="1.75" />
      {last !== undefined && last !== null && (
        <circle cx={x(lastIndex)} cy={y(last)} r="2.5" fill="#184c99" />
      )}
    </svg>
  );
}
