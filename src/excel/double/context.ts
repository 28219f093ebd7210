/**
 * What the double's proxies need of the request they belong to (`RequestContext` in ./excel.ts): to queue an
 * operation for the next sync, to stage loaded values, and the workbook model; and Office's error.
 */
import type { WorkbookModel } from "./model";

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "OfficeError";
  }
}

export interface ProxyContext {
  readonly model: WorkbookModel;
  readonly excel: { stage(bytes: number, commit: () => void): void };
  queue(name: string, bytes: number, apply: () => void): void;
}
