import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, type GridComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { SeriesPoint } from '../../../src/domain/overview-contract.js';

// Only what a sparkline needs, to keep the bundle small.
echarts.use([LineChart, GridComponent, SVGRenderer]);

type SparklineOption = echarts.ComposeOption<LineSeriesOption | GridComponentOption>;

export interface SparklineProps {
  series: SeriesPoint[];
  /** Accessible description, e.g. "Monthly trend from Jan 2025 to Sep 2025, latest: 99.21%". */
  label: string;
  color?: string;
  height?: number;
}

/**
 * A tiny line chart of a monthly series: no axes, no labels, gaps where no unit reported.
 * The chart is only created once the card scrolls into view (60+ cards on a phone). Loaded lazily by
 * IndicatorCard so that ECharts is not part of the first download.
 */
export function Sparkline({ series, label, color = '#1d5fbf', height = 40 }: SparklineProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(() => typeof IntersectionObserver === 'undefined');

  useEffect(() => {
    const el = ref.current;
    if (!el || visible) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [visible]);

  useEffect(() => {
    const el = ref.current;
    if (!el || !visible) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg', height });
    const values = series.map((p) => (p.value !== null && Number.isFinite(p.value) ? p.value : null));
    const lastIndex = values.reduce<number>((last, v, i) => (v === null ? last : i), -1);
    const option: SparklineOption = {
      animation: false,
      grid: { left: 3, right: 4, top: 4, bottom: 4 },
      xAxis: { type: 'category', show: false, boundaryGap: false, data: series.map((p) => p.period) },
      yAxis: { type: 'value', show: false, scale: true },
      series: [
        {
          type: 'line',
          data: values.map((v, i) =>
            i === lastIndex && v !== null ? { value: v, symbol: 'circle', symbolSize: 5 } : v,
          ),
          showSymbol: true,
          symbol: 'none',
          connectNulls: false,
          silent: true,
          lineStyle: { width: 1.5, color },
          itemStyle: { color },
          areaStyle: { color, opacity: 0.08 },
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
  }, [series, color, height, visible]);

  return <div ref={ref} className="sparkline" role="img" aria-label={label} title={label} style={{ height }} />;
}

export default Sparkline;
