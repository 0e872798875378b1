import type { PublishedCount } from '../../domain/smallNumbers';
import type { Locale } from '../../stores/localeStore';
import { cellText } from './reportText';

/**
 * Two hand-drawn SVG charts. No chart library: the two shapes needed (lines over months, bars)
 * take less code than any library's smallest build, draw the same in print, and the numbers are
 * in an accessible table beside each chart anyway (the SVG itself is one labelled image).
 */

/** Colours at 4.5:1 or more on white, each with its own dash and marker so colour is not needed. */
const SERIES = [
  { colour: '#0b4f6c', dash: '', marker: 'circle' },
  { colour: '#a4161a', dash: '6 3', marker: 'square' },
  { colour: '#1e6b34', dash: '2 3', marker: 'triangle' },
  { colour: '#6a3d9a', dash: '10 4', marker: 'diamond' },
  { colour: '#7a4b00', dash: '4 2 1 2', marker: 'circle' },
  { colour: '#4a5560', dash: '1 2', marker: 'square' },
] as const;

export const MAX_LINE_SERIES = SERIES.length;

function Marker({ x, y, kind, colour }: { x: number; y: number; kind: string; colour: string }) {
  if (kind === 'square') return <rect x={x - 4} y={y - 4} width={8} height={8} fill={colour} />;
  if (kind === 'triangle')
    return <polygon points={`${x},${y - 5} ${x + 5},${y + 4} ${x - 5},${y + 4}`} fill={colour} />;
  if (kind === 'diamond')
    return (
      <polygon points={`${x},${y - 5} ${x + 5},${y} ${x},${y + 5} ${x - 5},${y}`} fill={colour} />
    );
  return <circle cx={x} cy={y} r={4} fill={colour} />;
}

const niceMax = (max: number) => {
  if (max <= 5) return 5;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
};

/** Lines over the months, one per series; a withheld count breaks the line (no point drawn). */
export function LineChart({
  title,
  months,
  series,
}: {
  title: string;
  months: string[];
  series: { name: string; values: PublishedCount[] }[];
}) {
  const width = 640;
  const height = 260;
  const left = 44;
  // Room for the last month's label, centred on the last point.
  const right = 40;
  const top = 12;
  const bottom = 36;
  const max = niceMax(
    Math.max(
      0,
      ...series.flatMap((s) => s.values.filter((v): v is number => typeof v === 'number')),
    ),
  );
  const x = (i: number) =>
    months.length === 1
      ? (left + width - right) / 2
      : left + (i * (width - left - right)) / (months.length - 1);
  const y = (v: number) => top + (1 - v / max) * (height - top - bottom);
  const ticks = [0, max / 2, max];
  return (
    <div className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} stroke="#d5dbe0" />
            <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#4a5560">
              {tick}
            </text>
          </g>
        ))}
        {months.map((m, i) => (
          <text key={m} x={x(i)} y={height - 12} textAnchor="middle" fontSize="12" fill="#4a5560">
            {m}
          </text>
        ))}
        {series.map((s, k) => {
          const style = SERIES[k % SERIES.length]!;
          const segments: string[][] = [[]];
          s.values.forEach((v, i) => {
            if (typeof v === 'number') segments[segments.length - 1]!.push(`${x(i)},${y(v)}`);
            else segments.push([]);
          });
          return (
            <g key={s.name}>
              {segments
                .filter((points) => points.length > 1)
                .map((points, j) => (
                  <polyline
                    key={j}
                    points={points.join(' ')}
                    fill="none"
                    stroke={style.colour}
                    strokeWidth={2.5}
                    strokeDasharray={style.dash}
                  />
                ))}
              {s.values.map((v, i) =>
                typeof v === 'number' ? (
                  <Marker key={i} x={x(i)} y={y(v)} kind={style.marker} colour={style.colour} />
                ) : null,
              )}
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend" aria-hidden="true">
        {series.map((s, k) => {
          const style = SERIES[k % SERIES.length]!;
          return (
            <li key={s.name}>
              <svg width="28" height="12" aria-hidden="true">
                <line
                  x1="0"
                  x2="28"
                  y1="6"
                  y2="6"
                  stroke={style.colour}
                  strokeWidth="2.5"
                  strokeDasharray={style.dash}
                />
                <Marker x={14} y={6} kind={style.marker} colour={style.colour} />
              </svg>
              {s.name}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Horizontal bars with their values written at the end; a withheld count has no bar. */
export function BarChart({
  title,
  bars,
  threshold,
  locale,
}: {
  title: string;
  bars: { name: string; value: PublishedCount }[];
  threshold: number;
  locale: Locale;
}) {
  const rowHeight = 28;
  const labelWidth = 150;
  const width = 640;
  const height = bars.length * rowHeight + 8;
  const max = niceMax(Math.max(0, ...bars.map((b) => (typeof b.value === 'number' ? b.value : 0))));
  const barWidth = (v: number) => (v / max) * (width - labelWidth - 70);
  return (
    <div className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        {bars.map((b, i) => {
          const yTop = 4 + i * rowHeight;
          const w = typeof b.value === 'number' ? barWidth(b.value) : 0;
          return (
            <g key={b.name}>
              <text x={labelWidth - 8} y={yTop + 18} textAnchor="end" fontSize="13" fill="#1b1f23">
                {b.name}
              </text>
              <rect x={labelWidth} y={yTop + 4} width={w} height={rowHeight - 10} fill="#0b4f6c" />
              <text x={labelWidth + w + 6} y={yTop + 18} fontSize="13" fill="#1b1f23">
                {cellText(b.value, threshold, locale)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
