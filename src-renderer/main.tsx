// Fonts are bundled from @fontsource, never fetched: the CSP allows fonts from the app only.
import '@fontsource/titillium-web/300.css';
import '@fontsource/titillium-web/400.css';
import '@fontsource/titillium-web/600.css';
import '@fontsource/titillium-web/700.css';
import '@fontsource/dm-mono/400.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const container = document.getElementById('root');
if (!container) throw new Error('Elemento #root mancante in index.html');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
