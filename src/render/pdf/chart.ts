/**
 * Charts in the PDF (only when juesuan.config.json asks for them): the web edition's SVG (one drawing
 * for both), two side by side, each under its caption. pdfmake draws SVG through svg-to-pdfkit; the
 * SVG names system fonts the PDF does not have, so its text falls back to the body face (`font`), which
 * is embedded like the rest of the document.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { ChartData } from '../../model/document.ts';
import type { FontSet } from '../../fonts/index.ts';
import type { chartSvg } from '../html/chart-svg.ts';
import { SIZE } from './style.ts';

const GAP = 14;

let draw: typeof chartSvg | undefined;

/** Loads ECharts (~50 ms), which only a document with charts needs: renderPdf awaits this first. */
export async function loadCharts(): Promise<void> {
  draw ??= (await import('../html/chart-svg.ts')).chartSvg;
}

export function chartsContent(charts: readonly ChartData[], fonts: FontSet, width: number): Content[] {
  const column = (width - GAP) / 2;
  const figure = (chart: ChartData, number: number): Content => {
    if (!draw) throw new Error('chartsContent: loadCharts() was not awaited');
    const { svg } = draw(chart);
    return {
      stack: [
        { text: `图${number}　${chart.title}`, font: fonts.family.hei, fontSize: SIZE.xiaowu, alignment: 'center', margin: [0, 0, 0, 4] },
        { svg, width: column, font: fonts.family.body },
      ],
      width: column,
      unbreakable: true,
    } as Content;
  };
  const rows: Content[] = [];
  for (let i = 0; i < charts.length; i += 2) {
    rows.push({
      columns: charts.slice(i, i + 2).map((c, j) => figure(c, i + j + 1)),
      columnGap: GAP,
      margin: [0, 0, 0, 18],
    } as Content);
  }
  return rows;
}
