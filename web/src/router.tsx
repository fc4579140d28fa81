/**
 * The React Router set-up: one route per screen of the route table (routes.ts), each loaded on first use, under
 * the app frame (App.tsx). Aliases and non-canonical spellings reach the catch-all, which rewrites them.
 */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { App, RouteFallback } from './App.js';
import { registerNavigator } from './navigation.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { PAGE_MODULES } from './pages/page-modules.js';
import { ROUTES } from './routes.js';

export const APP_ROUTES: RouteObject[] = [
  {
    element: <App />,
    hydrateFallbackElement: <RouteFallback />,
    children: [
      ...ROUTES.map((route): RouteObject => ({
        id: route.id,
        path: route.path,
        caseSensitive: true,
        lazy: async () => ({ Component: (await PAGE_MODULES[route.id]()).Page }),
      })),
      { id: 'not-found', path: '*', Component: NotFoundPage },
    ],
  },
];

export function createAppRouter() {
  const router = createBrowserRouter(APP_ROUTES);
  registerNavigator((to, options) => router.navigate(to, options));
  return router;
}
