/**
 * A chart as SVG text, drawn on the server by Apache ECharts (its SVG renderer in SSR mode: no browser,
 * no canvas). The web edition inlines the SVG; the PDF draws the same SVG (render/pdf/chart.ts).
 *
 * The bytes must be the same on every run, in every process, whatever ran before:
 * - no animation, and no CSS hover classes: zrender names those after a per-process counter
 *   (`zr3-cls-7`), so the SVG is taken from the painter with cssEmphasis and cssAnimation off;
 * - no shadows, gradients, patterns or clip paths, which get counter-named ids too (checked below:
 *   an SVG with an id is refused, so two charts on one page can never clash either);
 * - text widths come from zrender's built-in width table (there is no canvas to measure with), so they
 *   do not depend on the fonts installed.
 * Every label shown is formatted here from the exact decimal (model/format.ts), never by ECharts; the
 * JS numbers given to ECharts only place the shapes.
 */
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { D } from '../../decimal.ts';
import type { ChartData } from '../../model/document.ts';
import { tableAmount } from '../../model/format.ts';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, SVGRenderer]);

/** The chart's own coordinate width; the page scales it (CSS in the web edition, the frame in the PDF). */
export const CHART_WIDTH = 360;
const FONT_SIZE = 13;
/** Sans-serif faces a reader's system is likely to have; the PDF maps any of them to its own font. */
export const CHART_FONTS =
  "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei', sans-serif";
const TEXT = '#262626';
const AXIS = '#595959';
/** Distinguishable in colour and in grey print; each darker than 3:1 against white. */
const PALETTE = ['#1f5fa8', '#c0504d', '#2e8540', '#8064a2', '#b35900', '#00838f', '#6d6d6d', '#a0527a'];
const PRIOR_COLOUR = '#8aa4c2';

/** Geometry only: where a bar ends or a ring segment turns. Never printed. */
const position = (value: string) => D(value).toNumber();
const shown = (value: string) => tableAmount(D(value));

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

/**
 * The last charts drawn, by their data: a watching build redraws the web edition on every save, and
 * most saves leave the charts' figures as they were (ECharts takes ~15 ms for the four). A few are kept.
 */
const drawn = new Map<string, ChartSvg>();
const KEEP = 16;

export function chartSvg(chart: ChartData): ChartSvg {
  const key = JSON.stringify(chart);
  const hit = drawn.get(key);
  if (hit) return hit;
  const svg = draw(chart);
  if (drawn.size >= KEEP) drawn.delete(drawn.keys().next().value!);
  drawn.set(key, svg);
  return svg;
}

function draw(chart: ChartData): ChartSvg {
  const { option, height } = optionOf(chart);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  try {
    instance.setOption({
      animation: false,
      silent: true,
      textStyle: { fontFamily: CHART_FONTS, fontSize: FONT_SIZE, color: TEXT },
      ...option,
    });
    const painter = instance.getZr().painter as unknown as { renderToString(opts: object): string };
    const svg = painter.renderToString({ cssEmphasis: false, cssAnimation: false, useViewBox: true });
    if (/\sid="/.test(svg) || /<script|<foreignObject|\son[a-z]+=/i.test(svg))
      throw new Error(`chart ${chart.id}: unexpected id, script or event handler in the SVG`);
    return { svg, width: CHART_WIDTH, height };
  } finally {
    instance.dispose();
  }
}

function optionOf(chart: ChartData): { option: Record<string, unknown>; height: number } {
  switch (chart.kind) {
    case 'share':
      return shareOption(chart);
    case 'bars':
      return barsOption(chart);
    case 'compare':
      return compareOption(chart);
  }
}

/** A ring of the non-zero parts, with a legend listing each part, its amount and its share. */
function shareOption(chart: ChartData) {
  const parts = chart.points.filter((p) => !D(p.value).isZero());
  const ring = 170;
  const legendRow = 22;
  const height = ring + 16 + parts.length * legendRow;
  const text = new Map(parts.map((p) => [p.label, `${p.label}  ${shown(p.value)}（${p.share ?? ''}%）`]));
  return {
    height,
    option: {
      color: PALETTE,
      legend: {
        orient: 'vertical',
        left: 16,
        top: ring + 8,
        itemGap: legendRow - 14,
        itemWidth: 14,
        itemHeight: 14,
        selectedMode: false,
        textStyle: { color: TEXT, fontSize: FONT_SIZE },
        formatter: (name: string) => text.get(name) ?? name,
        data: parts.map((p) => p.label),
      },
      series: [
        {
          type: 'pie',
          center: [CHART_WIDTH / 2, ring / 2],
          radius: [46, 80],
          startAngle: 90,
          clockwise: true,
          label: { show: false },
          labelLine: { show: false },
          itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
          data: parts.map((p) => ({ name: p.label, value: position(p.value) })),
        },
      ],
    },
  };
}

const valueAxis = (unit: string) => ({
  type: 'value',
  name: unit,
  nameLocation: 'end',
  nameGap: 6,
  nameTextStyle: { color: AXIS, align: 'right', verticalAlign: 'top', padding: [4, 0, 0, 0] },
  axisLabel: { color: AXIS, fontSize: 11, hideOverlap: true },
  splitNumber: 3,
  splitLine: { lineStyle: { color: '#e0e0e0' } },
});

const categoryAxis = (labels: string[]) => ({
  type: 'category',
  inverse: true,
  data: labels,
  axisTick: { show: false },
  axisLine: { lineStyle: { color: AXIS } },
  axisLabel: { color: TEXT, fontSize: FONT_SIZE },
});

/** Horizontal bars (long Chinese labels read best on the left), each with its amount at its end. */
function barsOption(chart: ChartData) {
  const points = chart.points.filter((p) => !D(p.value).isZero());
  const rowHeight = 36;
  const height = 48 + points.length * rowHeight;
  return {
    height,
    option: {
      grid: { left: 8, right: 84, top: 28, bottom: 8 },
      xAxis: valueAxis(chart.unit),
      yAxis: categoryAxis(points.map((p) => p.label)),
      series: [
        {
          type: 'bar',
          barMaxWidth: 20,
          itemStyle: { color: PALETTE[0] },
          label: {
            show: true,
            position: 'right',
            color: TEXT,
            fontSize: 12,
            formatter: (p: { dataIndex: number }) => shown(points[p.dataIndex]!.value),
          },
          data: points.map((p) => position(p.value)),
        },
      ],
    },
  };
}

/** Last year's and this year's bar for each figure; a figure last year's file lacks says so. */
function compareOption(chart: ChartData) {
  const [earlier, later] = chart.series ?? ['上年', '本年'];
  const rowHeight = 60;
  const height = 64 + chart.points.length * rowHeight;
  const priorLabel = (i: number) => {
    const prior = chart.points[i]!.prior;
    return prior === null || prior === undefined ? '上年无此数据' : shown(prior);
  };
  return {
    height,
    option: {
      legend: {
        top: 0,
        left: 'center',
        selectedMode: false,
        itemWidth: 14,
        itemHeight: 14,
        textStyle: { color: TEXT, fontSize: FONT_SIZE },
        data: [earlier, later],
      },
      grid: { left: 8, right: 84, top: 52, bottom: 8 },
      xAxis: valueAxis(chart.unit),
      yAxis: categoryAxis(chart.points.map((p) => p.label)),
      series: [
        {
          type: 'bar',
          name: earlier,
          barMaxWidth: 18,
          barGap: '15%',
          itemStyle: { color: PRIOR_COLOUR },
          label: {
            show: true,
            position: 'right',
            color: TEXT,
            fontSize: 12,
            formatter: (p: { dataIndex: number }) => priorLabel(p.dataIndex),
          },
          data: chart.points.map((p) => (p.prior === null || p.prior === undefined ? 0 : position(p.prior))),
        },
        {
          type: 'bar',
          name: later,
          barMaxWidth: 18,
          itemStyle: { color: PALETTE[0] },
          label: {
            show: true,
            position: 'right',
            color: TEXT,
            fontSize: 12,
            formatter: (p: { dataIndex: number }) => shown(chart.points[p.dataIndex]!.value),
          },
          data: chart.points.map((p) => position(p.value)),
        },
      ],
    },
  };
}
