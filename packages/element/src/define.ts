import { StatusBannerElement } from './status-banner-element.js';

/**
 * Registers `<status-banner>` (or `tag`) unless that name is already taken, so loading the script twice, or
 * alongside another copy of this library, is harmless. Does nothing where there is no custom element registry
 * (Node, server rendering).
 *
 * @returns The class registered under `tag`, which may be another copy's.
 */
export function defineStatusBanner(
  tag = 'status-banner',
  registry: CustomElementRegistry | undefined = typeof customElements === 'undefined' ? undefined : customElements,
): CustomElementConstructor | undefined {
  if (!registry) return undefined;
  const existing = registry.get(tag);
  if (existing) return existing;
  // A subclass per extra tag: one constructor cannot be registered under two names.
  const constructor = tag === 'status-banner' ? StatusBannerElement : class extends StatusBannerElement {};
  registry.define(tag, constructor);
  return constructor;
}

declare global {
  interface HTMLElementTagNameMap {
    'status-banner': StatusBannerElement;
  }
}
