import type { IncomingHttpHeaders, ServerResponse } from "node:http";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
export interface LocalServer {
  /** e.g. `http://127.0.0.1:40123` */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}
export function startLocalServer(handler: (request: RecordedRequest, response: ServerResponse) => void): Promise<LocalServer>;
export function json(response: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void;
