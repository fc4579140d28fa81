import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import './i18n.js';
import './styles.css';
import { queryClient } from './api/query-client.js';
import { sessionStore } from './api/session.js';
import { currentLang } from './i18n.js';
import { createAppRouter } from './router.js';

// Who is signed in, asked once at start; the public gets an anonymous answer (no 401).
void sessionStore.load({ lang: currentLang() });

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={createAppRouter()} />
    </QueryClientProvider>
  </StrictMode>,
);
