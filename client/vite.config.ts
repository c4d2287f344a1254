import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the page is served by Vite and the API and signalling by the
// Samplan server; in production the server serves client/dist itself, so the
// browser always talks to one origin.
const server = process.env.SAMPLAN_SERVER_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: server },
      '/socket.io': { target: server, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // tests/bench/bundle.ts reads which chunks each page loads from it.
    manifest: true,
    // Each page is its own chunk (app/pages.ts); the biggest left are the entry (React, i18next, the strings)
    // and mediasoup-client with Socket.IO, each about 300 kB before gzip.
    chunkSizeWarningLimit: 350,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // zod's config must be set before the first schema is built (src/zodWithoutEval.ts); in one chunk with
          // zod it runs as soon as zod is loaded, before any chunk holding schemas.
          groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]|src[\\/]zodWithoutEval\.ts$/ }],
        },
      },
    },
  },
});
