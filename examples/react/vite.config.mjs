import { defineConfig } from 'vite';

// `base: './'`: the built app works wherever it is served from (`npm start` serves it under /examples/react/).
export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true },
});
