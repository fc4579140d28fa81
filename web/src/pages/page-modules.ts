/**
 * Which module holds each screen. Screens are loaded when first opened (their own chunk), so the first page
 * downloads neither the map library nor the chart library unless it shows them.
 */
import type { ComponentType } from 'react';
import type { RouteId } from '../routes.js';

export type PageModule = () => Promise<{ Page: ComponentType }>;

export const PAGE_MODULES: Readonly<Record<RouteId, PageModule>> = {
  overview: () => import('./OverviewPage.js').then((m) => ({ Page: m.OverviewPage })),
  indicator: () => import('./NotFoundPage.js').then((m) => ({ Page: m.NotFoundPage })),
  map: () => import('./MapPage.js').then((m) => ({ Page: m.MapPage })),
  entry: () => import('./NotFoundPage.js').then((m) => ({ Page: m.NotFoundPage })),
  approval: () => import('./NotFoundPage.js').then((m) => ({ Page: m.NotFoundPage })),
  import: () => import('./ImportPage.js').then((m) => ({ Page: m.ImportPage })),
  validation: () => import('./ValidationPage.js').then((m) => ({ Page: m.ValidationPage })),
  commune: () => import('./NotFoundPage.js').then((m) => ({ Page: m.NotFoundPage })),
  agreement: () => import('./NotFoundPage.js').then((m) => ({ Page: m.NotFoundPage })),
  admin: () => import('./NotFoundPage.js').then((m) => ({ Page: m.NotFoundPage })),
  account: () => import('./NotFoundPage.js').then((m) => ({ Page: m.NotFoundPage })),
  signIn: () => import('./SignInPage.js').then((m) => ({ Page: m.SignInPage })),
};
