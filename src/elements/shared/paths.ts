/**
 * SVG paths of lines and areas, drawn by d3-shape with gaps where a value is missing. A
 * module of its own (not in `scale.ts`): only the charts that draw lines load d3-shape.
 * Pure, no DOM.
 */
import { area, line } from 'd3-shape';

const defined = (y: number | null | undefined): y is number => typeof y === 'number' && Number.isFinite(y);

/**
 * SVG path of the line through (`xs[i]`, `ys[i]`), by d3-shape's `line`: a missing value
 * (null or not finite) leaves a gap (`line().defined()`), so a day without data is not
 * drawn as a zero. '' without points.
 */
export function linePath(xs: readonly number[], ys: readonly (number | null)[]): string {
  return (
    line<number | null>()
      .defined(defined)
      .x((_, i) => xs[i]!)
      .y((v) => v as number)(ys) ?? ''
  );
}

/**
 * SVG path of the area between the line and the baseline `y0`, by d3-shape's `area`, with
 * the same gaps as {@link linePath}; '' without points.
 */
export function areaPath(xs: readonly number[], ys: readonly (number | null)[], y0: number): string {
  return (
    area<number | null>()
      .defined(defined)
      .x((_, i) => xs[i]!)
      .y0(y0)
      .y1((v) => v as number)(ys) ?? ''
  );
}
