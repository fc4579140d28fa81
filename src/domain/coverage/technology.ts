/** Radio generations the coverage engine computes separately (DOMAIN.md §1); same set as `cell_site.technology`. */
export type Technology = '2G' | '3G' | '4G' | '5G';

export const TECHNOLOGIES: readonly Technology[] = ['2G', '3G', '4G', '5G'];
