import { resolve } from 'node:path';

const here = import.meta.dirname;
import { defineConfig } from 'vite';

// Two pages, one bundle graph: /privacy (customers) and /console (staff), served by the gateway.
export default defineConfig({
  root: here,
  base: '/web/',
  logLevel: 'warn',
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    // No inline scripts (the pages' Content-Security-Policy has no 'unsafe-inline'): no data: URLs for assets either.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: { input: { privacy: resolve(here, 'privacy/index.html'), console: resolve(here, 'console/index.html') } },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
