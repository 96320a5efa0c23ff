// Single-file components, as `tsc` sees them when it checks main.ts: Vite compiles and checks nothing more.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<Record<string, unknown>>;
  export default component;
}
