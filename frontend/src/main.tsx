import { render } from 'preact';
import { applyTheme } from './ui/theme';
import { findRoute } from './routes';
import { App } from './app';
import './styles/main.css';

// Before the first render: the stored theme choice (CSS alone already follows the system).
applyTheme();
// Fetch the current page's code while GET /me is in flight.
void findRoute(location.pathname)?.component.preload?.();

const root = document.getElementById('app');
if (root) render(<App />, root);

// The service worker (offline app shell, install, update prompt): after the first render, in
// its own chunk, so it costs the first paint nothing.
if (import.meta.env.PROD) void import('./pwa/register').then((m) => m.register());
