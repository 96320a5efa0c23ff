import { StatusBannerElement, type StatusBannerChangeEvent, type StatusBannerDismissEvent, type StatusBannerProperties } from '@status-banner/element';
import { defineComponent, h, type App } from 'vue';

/** The element's own settable properties, as props (see `StatusBannerProperties` in @status-banner/element). */
export type StatusBannerProps = StatusBannerProperties;

/**
 * `<status-banner>` as a Vue component. Every element property is set as a DOM property (so `:strings` takes
 * an object and `:interval` a number); anything else (`class`, `id`, `data-*`) is an attribute. Emits
 * `change` (a new snapshot: `event.snapshot`) and `dismiss` (`event.notice`; `event.preventDefault()` keeps
 * it shown). Server rendering outputs an empty `<status-banner>` that fetches nothing until hydrated.
 *
 * @example
 * ```vue
 * <StatusBanner src="https://www.githubstatus.com" position="bottom" @dismiss="(e) => log(e.notice.id)" />
 * ```
 */
export const StatusBanner = defineComponent(
  (_props: StatusBannerProps, { attrs, emit }) => {
    // No runtime props: everything arrives in attrs, so a property the element adds later passes through. The
    // `.` prefix makes Vue set the element's own properties even before it is defined (kept on upgrade);
    // HTMLElement's (`style`, `id`, `lang`) keep Vue's own handling. (The server has no HTMLElement.)
    const own = (name: string) => name in StatusBannerElement.prototype && !(name in (globalThis.HTMLElement?.prototype ?? {}));
    return () =>
      h('status-banner', {
        ...Object.fromEntries(Object.entries(attrs).map(([name, value]) => [own(name) ? `.${name}` : name, value])),
        onStatusBannerChange: (event: StatusBannerChangeEvent) => emit('change', event),
        onStatusBannerDismiss: (event: StatusBannerDismissEvent) => emit('dismiss', event),
      });
  },
  {
    name: 'StatusBanner',
    inheritAttrs: false,
    emits: {
      change: (event: StatusBannerChangeEvent) => !!event,
      dismiss: (event: StatusBannerDismissEvent) => !!event,
    },
  },
);

/**
 * Registers {@link StatusBanner} globally as `<StatusBanner>`, for apps that prefer that to importing it.
 *
 * @example
 * ```ts
 * createApp(App).use(StatusBannerPlugin).mount('#app');
 * ```
 */
export const StatusBannerPlugin = {
  install(app: App): void {
    app.component('StatusBanner', StatusBanner);
  },
};

declare module 'vue' {
  export interface GlobalComponents {
    StatusBanner: typeof StatusBanner;
  }
}
