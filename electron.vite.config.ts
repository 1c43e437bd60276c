import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * One build for every runtime piece: main-process hosts (electron, web, cli), the sandboxed preload
 * (a single CommonJS file: sandboxed preloads cannot load modules), and the renderer.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          electron: resolve(__dirname, 'src-main/hosts/electron/main.ts'),
          web: resolve(__dirname, 'src-main/hosts/web/main.ts'),
          cli: resolve(__dirname, 'src-main/hosts/cli/main.ts'),
          // batch printing runs in a worker thread: its own entry, found beside the hosts at run time
          printWorker: resolve(__dirname, 'src-main/print/printWorker.ts'),
          // reconciliation looks flow lines up in a worker thread with its own connection
          lookupWorker: resolve(__dirname, 'src-main/reconciliation/lookupWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(__dirname, 'src-main/hosts/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});
