import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only the parts this chart draws, so the page's chunk stays small.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type TrendOption = echarts.ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface TrendChartProps {
  years: number[];
  actual: (number | null)[];
  /** The baseline and each yearly target at its year, null between them (joined by straight lines). */
  trajectory: (number | null)[];
  labels: { actual: string; target: string; year: string; unit: string };
  format: (value: number) => string;
  /** What a screen reader reads instead of the drawing. */
  description: string;
}

/** Values by year with the target trajectory, both axes labelled. Loaded on this page only. */
export default function TrendChart({ years, actual, trajectory, labels, format, description }: TrendChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const option: TrendOption = {
      animation: false,
      grid: { left: 56, right: 16, top: 40, bottom: 44 },
      legend: { top: 0, data: [labels.actual, labels.target] },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? format(v) : '—') },
      xAxis: {
        type: 'category',
        data: years.map(String),
        name: labels.year,
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: {
        type: 'value',
        name: labels.unit,
        scale: true,
        axisLabel: { formatter: (v: number) => format(v) },
      },
      series: [
        {
          name: labels.actual,
          type: 'line',
          data: actual,
          connectNulls: false,
          symbolSize: 7,
          lineStyle: { width: 2.5, color: '#1d5fbf' },
          itemStyle: { color: '#1d5fbf' },
        },
        {
          name: labels.target,
          type: 'line',
          data: trajectory,
          connectNulls: true,
          symbol: 'diamond',
          lineStyle: { type: 'dashed', color: '#b45309' },
          itemStyle: { color: '#b45309' },
        },
      ],
    };
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [years, actual, trajectory, labels, format]);
  return <div ref={ref} className="indicator-chart" role="img" aria-label={description} />;
}
