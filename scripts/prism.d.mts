export interface PrismMock {
  /** Base URL of the running mock, e.g. `http://127.0.0.1:43121`. */
  url: string;
  stop(): Promise<void>;
}
export function specPath(provider: string): string;
export function startPrism(provider: string, options?: { readyTimeoutMs?: number }): Promise<PrismMock>;
