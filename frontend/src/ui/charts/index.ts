// Small, dependency-free, accessible SVG charts. Each file documents its props at the top.
export { BarChart, type Bar, type BarChartProps } from './BarChart';
export { LineChart, type LineSeries, type LineChartProps } from './LineChart';
export { Heatmap, HABIT_LEGEND, type HeatmapCell, type HeatmapProps, type LegendItem } from './Heatmap';
export { formatPercent, formatNumber } from '../format';
