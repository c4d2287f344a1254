/**
 * A horizontal bar chart in plain SVG that reads without colour: every bar
 * carries its label and number as text, and a second series is hatched, not
 * only differently coloured. It is a picture of the table beside it, which is
 * what screen readers get (the SVG is hidden from them).
 */
export interface Bar {
  readonly label: string;
  /** The bar's length in units of `max`; null draws no bar (withheld or nothing to show). */
  readonly value: number | null;
  /** What is written after the bar: the number as the table shows it. */
  readonly text: string;
  readonly hatched?: boolean;
}

const ROW = 34;
const LABEL_WIDTH = 230;
const BAR_WIDTH = 300;
const TEXT_WIDTH = 170;

export function BarChart({ bars, max, id }: { bars: readonly Bar[]; max: number; id: string }) {
  const width = LABEL_WIDTH + BAR_WIDTH + TEXT_WIDTH;
  const height = bars.length * ROW + 8;
  const length = (value: number | null) => (value === null || max <= 0 ? 0 : Math.max(2, (Math.min(value, max) / max) * BAR_WIDTH));
  return (
    <svg className="bar-chart" viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={`${id}-hatch`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill="#fff" />
          <line x1="0" y1="0" x2="0" y2="8" stroke="#1d3b5a" strokeWidth="4" />
        </pattern>
      </defs>
      {bars.map((bar, index) => {
        const y = 4 + index * ROW;
        const barLength = length(bar.value);
        return (
          <g key={bar.label}>
            <text x={LABEL_WIDTH - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" className="bar-chart-label">
              {bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 4} width={BAR_WIDTH} height={ROW - 10} fill="none" stroke="#6b7785" strokeDasharray="2 3" />
            {barLength > 0 && (
              <rect x={LABEL_WIDTH} y={y + 4} width={barLength} height={ROW - 10} fill={bar.hatched ? `url(#${id}-hatch)` : '#1d3b5a'} stroke="#1d3b5a" />
            )}
            <text x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + ROW / 2} dominantBaseline="middle" className="bar-chart-value">
              {bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
