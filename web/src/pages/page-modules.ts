/**
 * Which module holds each screen. Screens are loaded when first opened (their own chunk), so the first page
 * downloads neither the map library nor the chart library unless it shows them.
 */
import type { ComponentType } from 'react';
import type { RouteId } from '../routes.js';

export type PageModule = () => Promise<{ Page: ComponentType }>;

export const PAGE_MODULES: Readonly<Record<RouteId, PageModule>> = {
  overview: () => import('./OverviewPage.js').then((m) => ({ Page: m.OverviewPage })),
  indicator: () => import('./indicator/IndicatorPage.js').then((m) => ({ Page: m.IndicatorPage })),
  map: () => import('./map/MapPage.js').then((m) => ({ Page: m.MapPage })),
  planner: () => import('./planner/PlannerPage.js').then((m) => ({ Page: m.PlannerPage })),
  entry: () => import('./entry/EntryPage.js').then((m) => ({ Page: m.EntryPage })),
  approval: () => import('./approval/ApprovalPage.js').then((m) => ({ Page: m.ApprovalPage })),
  import: () => import('./ImportPage.js').then((m) => ({ Page: m.ImportPage })),
  validation: () => import('./ValidationPage.js').then((m) => ({ Page: m.ValidationPage })),
  commune: () => import('./commune/CommunePage.js').then((m) => ({ Page: m.CommunePage })),
  agreement: () => import('./agreement/AgreementPage.js').then((m) => ({ Page: m.AgreementPage })),
  admin: () => import('./admin/AdminPage.js').then((m) => ({ Page: m.AdminPage })),
  account: () => import('./account/AccountPage.js').then((m) => ({ Page: m.AccountPage })),
  signIn: () => import('./SignInPage.js').then((m) => ({ Page: m.SignInPage })),
};
