import type { ReadStream } from './transports/sse.js';
/** The server-sent event reader (and its parser). */
export declare const loadStream: () => Promise<ReadStream>;
