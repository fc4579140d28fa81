import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n.js';
import './styles.css';
import { App } from './App.js';
import { sessionStore } from './api/session.js';
import { currentLang } from './i18n.js';

// Who is signed in, asked once at start; the public gets an anonymous answer (no 401).
void sessionStore.load({ lang: currentLang() });

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
