import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';

// StrictMode mounts every effect twice in development: the banner and the hook keep one client through it.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App statusServer={document.querySelector<HTMLMetaElement>('meta[name="status-server"]')!.content} />
  </StrictMode>,
);
