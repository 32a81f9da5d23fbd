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
