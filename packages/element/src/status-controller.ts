import type { StatusClient, StatusClientOptions, StatusState } from '@status-banner/core';
import { IDLE_STATE, peekStatusClient, releaseStatusClient, retainStatusClient, statusClientKey } from '@status-banner/core/shared';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { StatusBannerChangeEvent } from './events.js';

/**
 * Binds a status client to a host element's life: the client runs while the host is connected and has a
 * source, and is replaced when its options change. Elements (and React or Vue consumers) with the same options
 * share one client: one request or stream, one state. The host re-renders on state changes, at most once per
 * animation frame (a burst of pushed updates paints once), and fires `status-banner-change` for every new
 * snapshot it renders.
 *
 * A new client starts in a task of its own, just after the one that connected the host: the task that adds the
 * banner (the script tag's evaluation, a framework's render) does not also pay for opening storage and the tab
 * channel and sending the first request, so neither becomes a long task on a slow phone. A client another host
 * already runs (or one let go in this task: a keyed remount, a route change) is joined at once.
 */
export class StatusController implements ReactiveController {
  state = IDLE_STATE;
  client: StatusClient | undefined;
  /** The shared client's key, and how to stop hearing from it. */
  #held: { key: string; stop: () => void } | undefined;
  #host: ReactiveControllerHost & EventTarget;
  #options: StatusClientOptions | undefined;
  #key = '';
  #connected = false;
  #frame = 0;
  #next: StatusState | undefined;
  /** The timer of a start that is due. */
  #starting: ReturnType<typeof setTimeout> | undefined;

  #arrived: ((state: StatusState) => void) | undefined;

  /**
   * `arrived`, when given, hears each state as it arrives, before the frame that renders it: for work that
   * should start at once, such as loading what will render it.
   */
  constructor(host: ReactiveControllerHost & EventTarget, arrived?: (state: StatusState) => void) {
    this.#host = host;
    this.#arrived = arrived;
    host.addController(this);
  }

  /**
   * Sets the client's options; a change that matters starts a new client, `undefined` stops it. Returns whether
   * the options changed (what the host shows then comes from another client).
   */
  configure(options: StatusClientOptions | '' | undefined): boolean {
    const key = JSON.stringify(options ?? '');
    if (key === this.#key) return false;
    this.#key = key;
    this.#options = options || undefined;
    this.#stop();
    this.hostConnected(this.#connected);
    return true;
  }

  hostConnected(connected = true): void {
    this.#connected = connected;
    if (!connected || !this.#options || this.client || this.#starting !== undefined) return;
    if (peekStatusClient(statusClientKey(this.#options))) this.start();
    else this.#starting = setTimeout(() => this.start());
  }

  /**
   * Starts the client now if it is due (connected, with options) and not started yet, rather than in the task
   * after the one that connected the host: for an explicit request such as a refresh. Returns it, if any.
   */
  start(): StatusClient | undefined {
    clearTimeout(this.#starting);
    this.#starting = undefined;
    if (!this.#connected || !this.#options || this.client) return this.client;
    // Held here, never at construction: a disconnected or server-rendered element makes no requests.
    const key = statusClientKey(this.#options);
    const client = (this.client = retainStatusClient(key, this.#options));
    this.#held = { key, stop: client.subscribe((state) => this.#later(state)) };
    this.#set(client.getSnapshot());
    return client;
  }

  hostDisconnected(): void {
    this.#connected = false;
    // Moving the element (remove, then insert elsewhere in the same task) must not restart the client and
    // blank the banner: stop only if it is still out of the document once the current task's DOM work is done.
    queueMicrotask(() => this.#connected || this.#stop());
  }

  /**
   * Coalesces states to one per frame. A hidden page paints no frames, so it renders nothing until it is seen;
   * without requestAnimationFrame (server rendering, a worker) there is nothing to paint and it sets at once.
   */
  #later(state: StatusState): void {
    this.#arrived?.(state);
    this.#next = state;
    this.#frame ||= globalThis.requestAnimationFrame?.(() => {
      this.#frame = 0;
      this.#set(this.#next!);
    }) ?? (this.#set(state), 0);
  }

  /** Renders a pending state now: after a user's own action, such as a dismissal, nothing should wait. */
  flush(): void {
    if (!this.#frame) return;
    globalThis.cancelAnimationFrame?.(this.#frame);
    this.#frame = 0;
    this.#set(this.#next!);
  }

  #stop(): void {
    clearTimeout(this.#starting);
    this.#starting = undefined;
    globalThis.cancelAnimationFrame?.(this.#frame);
    this.#frame = 0;
    if (this.#held) {
      this.#held.stop();
      releaseStatusClient(this.#held.key);
    }
    this.#held = this.client = undefined;
    this.#set(IDLE_STATE);
  }

  #set(state: StatusState): void {
    const previous = this.state;
    if (state === previous) return;
    this.state = state;
    this.#host.requestUpdate();
    if (state.snapshot && state.snapshot !== previous.snapshot) this.#host.dispatchEvent(new StatusBannerChangeEvent(state.snapshot));
  }
}
