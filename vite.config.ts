import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app:// by the desktop shell and from 127.0.0.1 in browser
// mode, so every asset path is relative and nothing is loaded from the network.
export default defineConfig(({ command }) => {
  // A build is always the production build, even when started from a test run that set
  // NODE_ENV=test: React's development build is several times slower per keystroke.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: 'renderer',
    base: './',
    plugins: [react()],
    build: {
      outDir: '../dist/renderer',
      emptyOutDir: true,
      // Offline app on office PCs: one modern target, no legacy polyfills.
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
    },
  };
});
