/**
 * The host platform's types for the few values the kit only passes through (abort signals,
 * URLs, fetch, workers), named through `globalThis` rather than by the DOM lib's or Node's
 * global names. With the DOM lib or `@types/node` they are exactly those types; in a project
 * compiled with `lib: ["es2023"]` alone the kit's declarations still compile (a value the
 * platform lacks is then `never`). Types only: no code.
 */
type PlatformClass<K extends string> = typeof globalThis extends { [P in K]: { prototype: infer T } } ? T : never;

/** `AbortSignal` where the platform has one. */
export type PlatformAbortSignal = PlatformClass<'AbortSignal'>;
/** `URL` where the platform has one. */
export type PlatformURL = PlatformClass<'URL'>;
/** `Worker` where the platform has one (browsers, Deno, Bun). */
export type PlatformWorker = PlatformClass<'Worker'>;
/** The global `fetch` where the platform has one. */
export type PlatformFetch = typeof globalThis extends { fetch: infer F } ? F : never;
/** The second argument of the global `fetch` (`RequestInit`). */
export type PlatformRequestInit = PlatformFetch extends (input: never, init?: infer I) => unknown
  ? NonNullable<I>
  : never;
