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
    // The room page needs all of it at once (React, mediasoup-client, Socket.IO, zod): about 175 kB gzipped.
    chunkSizeWarningLimit: 800,
  },
});
