import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    preact(),
    // The web app manifest and a Workbox service worker that precaches the app shell (built
    // locally from node_modules: nothing is downloaded at build time). It never caches API
    // responses: the offline mode keeps what it needs in IndexedDB (src/offline/). A new
    // deploy waits until the page accepts it (src/pwa/), so a running page is never swapped
    // under the person's feet.
    VitePWA({
      registerType: 'prompt',
      // Registered from a module (src/pwa/register.ts): no inline script under the CSP.
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Kaizen — career-growth tracker',
        short_name: 'Kaizen',
        description: 'Daily action items, fortnight sprints and long-running goals, with honest numbers.',
        lang: 'en',
        start_url: '/home',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        // The browser's UI follows index.html's <meta name="theme-color"> (light and dark);
        // the manifest holds one colour, used for the splash screen and installed window.
        theme_color: '#4f46e5',
        background_color: '#f7f7f8',
        categories: ['productivity', 'education'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Client routes open offline from the cached index.html; the API and docs never do.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/docs/, /^\/redoc/, /^\/openapi\.json/, /^\/docs-assets\//],
        cleanupOutdatedCaches: true,
        // A tap on a reminder notification opens the app (public/sw-notifications.js).
        importScripts: ['/sw-notifications.js'],
        // No runtimeCaching: API responses (personal data) never enter the Cache Storage.
        sourcemap: false,
      },
    }),
  ],
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8000', changeOrigin: false },
      '/docs': 'http://127.0.0.1:8000',
      '/openapi.json': 'http://127.0.0.1:8000',
    },
  },
  build: {
    target: 'es2022',
    // Everything must be an external file: the backend sends CSP default-src 'self'.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  test: {
    environment: 'happy-dom',
    environmentOptions: { happyDOM: { url: 'http://localhost:3000/' } },
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
