import { round } from './svg-primitives.ts';
import type { TimelineModel } from './timeline-model.ts';

export interface TimelineSvgOptions {
  /** Prefix for ids inside the SVG, so that several charts can share a page. */
  idPrefix?: string;
  labelWidth?: number;
  columnWidth?: number;
  rowHeight?: number;
}

/** Where everything goes, in pixels. */
export interface TimelineLayout {
  id: (name: string) => string;
  labelWidth: number;
  statusWidth: number;
  /** Left edge of the grid. */
  gridLeft: number;
  columnWidth: number;
  rowHeight: number;
  /** Top of the first row. */
  gridTop: number;
  gridBottom: number;
  width: number;
  height: number;
  headerRowHeight: number;
  legendTop: number;
  x: (position: number) => number;
  rowTop: (index: number) => number;
  rowMiddle: (index: number) => number;
}

const COLUMN_WIDTH = { quarter: 90, month: 44, week: 16 } as const;
const HEADER_ROW = 20;
const TODAY_BAND = 18;
const LEGEND_HEIGHT = 34;

export function timelineLayout(model: TimelineModel, options: TimelineSvgOptions = {}): TimelineLayout {
  const prefix = options.idPrefix ?? 'wm-timeline';
  const labelWidth = options.labelWidth ?? 320;
  const statusWidth = 150;
  const columnWidth = options.columnWidth ?? COLUMN_WIDTH[model.zoom];
  const rowHeight = options.rowHeight ?? 22;
  const gridLeft = labelWidth + statusWidth;
  const gridTop = TODAY_BAND + HEADER_ROW * (model.groupRows.length + 1);
  const gridBottom = gridTop + rowHeight * model.rows.length;
  return {
    id: (name) => `${prefix}-${name}`,
    labelWidth,
    statusWidth,
    gridLeft,
    columnWidth,
    rowHeight,
    gridTop,
    gridBottom,
    width: Math.max(680, gridLeft + columnWidth * model.columns.length + 10),
    height: gridBottom + LEGEND_HEIGHT,
    headerRowHeight: HEADER_ROW,
    legendTop: gridBottom + 12,
    x: (position) => round(gridLeft + position * columnWidth),
    rowTop: (index) => gridTop + index * rowHeight,
    rowMiddle: (index) => round(gridTop + index * rowHeight + rowHeight / 2),
  };
}
