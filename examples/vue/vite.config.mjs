import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// `base: './'`: the built app works wherever it is served from (`npm start` serves it under /examples/vue/).
export default defineConfig({
  base: './',
  plugins: [vue()],
  build: { outDir: 'dist', emptyOutDir: true },
});
