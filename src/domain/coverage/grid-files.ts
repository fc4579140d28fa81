/**
 * How a grid's name enters a run's file names: a run on one grid keeps the plain names (signal-4G.tif,
 * layer 4G.png), a run on several adds each grid's name (signal-4G-utm48.tif, layer 4G-utm48.png).
 */

/** A grid's name as run-grids.ts makes it: the WGS 84 / UTM zone, with "s" in the southern hemisphere. */
export const GRID_NAME_PATTERN = 'utm(?:[1-9]|[1-5][0-9]|60)s?';

/** What the grid adds to its files' names: nothing for the one grid of a run (null), else "-<name>". */
export function gridFileSuffix(grid: string | null): string {
  return grid === null ? '' : `-${grid}`;
}
