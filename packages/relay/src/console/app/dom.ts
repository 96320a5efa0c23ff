// The console's ways into its own page: elements by id, the form's controls, the live region and alert, and a
// field's error message beside it. Everything written is text.

/** The element with `id`; the page always has it. */
export const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
export const form = () => $<HTMLFormElement>('notice-form');
export const control = (name: string) => $<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(name);

/** Says `text` through the live region. */
export function announce(text: string): void {
  const region = $('announcer');
  // Cleared first so the same words said twice are announced twice.
  region.textContent = '';
  setTimeout(() => (region.textContent = text), 50);
}

export function alertText(text: string): void {
  $('alert').textContent = text;
}

export function showFieldError(name: string, message: string): void {
  const error = $(`${name}-error`);
  error.textContent = message;
  error.hidden = false;
  $(name).setAttribute('aria-invalid', 'true');
}

export function clearFieldError(name: string): void {
  const error = $(`${name}-error`);
  error.textContent = '';
  error.hidden = true;
  $(name).removeAttribute('aria-invalid');
}
