export interface PrismMock {
  /** Base URL of the running mock, e.g. `http://127.0.0.1:43121`. */
  url: string;
  stop(): Promise<void>;
}
export function specPath(provider: string): string;
export function startPrism(provider: string, options?: { readyTimeoutMs?: number }): Promise<PrismMock>;
export interface PrismMocks {
  /** Provider folder → base URL of its running mock. */
  urls: Record<string, string>;
  /** Stops every mock. */
  stop(): Promise<void>;
}
export function startPrisms(providers: readonly string[], options?: { readyTimeoutMs?: number }): Promise<PrismMocks>;
