/**
 * An in-memory Excel with Office's load/sync semantics, for tests and the pane's demo mode outside Office.
 * It implements the subset of the Excel JavaScript API that src/excel uses:
 * - proxy objects whose properties throw until they are loaded and the context synced;
 * - writes queued and applied, in order, only at `context.sync()`; a failing operation stops the request
 *   after the ones before it were applied (Office's batches are not transactions either);
 * - a sync counter, the payload size of each request and Office's 5 MB request limit;
 * - a way to make a chosen sync fail midway, to test what a failure leaves behind;
 * - the requirement sets it has (`excelApi`): every one by default, or an older Excel's, whose isSetSupported says
 *   so and whose requests fail with ApiNotFound on a member of a later set (./apiSets.ts).
 */
import { isSetSupportedBy, withExcelApi } from "./apiSets";
import { OfficeError, type ProxyContext } from "./context";
import { parseRect, WorkbookModel, type SheetModel } from "./model";
import { Workbook } from "./workbook";

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

interface Operation {
  name: string;
  bytes: number;
  apply: () => void;
}

export interface RequestRecord {
  sync: number;
  operations: number;
  bytes: number;
  responseBytes?: number;
  names: string[];
}

function errorWithCode(e: unknown): OfficeError {
  if (e instanceof OfficeError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const m = /^(\w+): (.*)$/s.exec(message);
  return m ? new OfficeError(m[1], m[2]) : new OfficeError("GeneralException", message);
}

export class ExcelDouble {
  readonly model = new WorkbookModel();
  syncCount = 0;
  readonly requests: RequestRecord[] = [];
  /** loaded values of the request being run, handed to their proxies only if the whole request succeeds */
  private staged: { bytes: number; commit: () => void }[] = [];
  /** the sync (1-based, counted over the double's life) that fails after applying half its operations */
  failAtSync: number | null = null;
  requestLimit = REQUEST_LIMIT_BYTES;
  /** the highest ExcelApi set this Excel has ("1.1" for perpetual Excel 2016); null: every set */
  excelApi: string | null = null;

  /** Office.context.requirements.isSetSupported as this Excel answers it */
  isSetSupported(name: string, version?: string): boolean {
    return this.excelApi === null ? name === "ExcelApi" : isSetSupportedBy(this.excelApi, name, version);
  }

  /** The part of Office's global that says what this Excel supports (Office.context.requirements). */
  office(): { context: { requirements: { isSetSupported: (name: string, version?: string) => boolean } } } {
    return {
      context: { requirements: { isSetSupported: (name, version) => this.isSetSupported(name, version) } },
    };
  }

  /** Excel.run: runs the batch, then syncs whatever it left queued. */
  async run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T> {
    const context = new RequestContext(this);
    const result = await batch(context);
    if (context.pending.length > 0) await context.sync();
    return result;
  }

  /** A sheet with the given rows from A1 (test and demo set-up, outside any request). */
  addSheetWithValues(name: string, rows: unknown[][]): SheetModel {
    const sheet = this.model.addSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => this.model.writeInput(sheet, r, c, v)));
    this.model.changed();
    return sheet;
  }

  /** Values of a sheet as Office returns them, over its used range from A1. */
  valuesOf(name: string): (number | string | boolean)[][] {
    const sheet = this.model.requireSheet(name);
    const used = this.model.usedRect(sheet);
    if (!used) return [];
    const out: (number | string | boolean)[][] = [];
    for (let r = 0; r <= used.r1; r++) {
      const row: (number | string | boolean)[] = [];
      for (let c = 0; c <= used.c1; c++) row.push(this.model.officeValue(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  /** Runs the queued operations of a request: the whole of it, or up to a failure. */
  execute(ops: Operation[]): void {
    this.syncCount++;
    const bytes = ops.reduce((s, o) => s + o.bytes, 0);
    this.requests.push({
      sync: this.syncCount,
      operations: ops.length,
      bytes,
      names: ops.map((o) => o.name),
    });
    if (bytes > this.requestLimit) {
      throw new OfficeError(
        "RequestPayloadSizeLimitExceeded",
        `request of ${bytes} bytes over ${this.requestLimit}`,
      );
    }
    const failing = this.failAtSync === this.syncCount;
    const stop = failing ? Math.floor(ops.length / 2) : ops.length;
    this.staged = [];
    try {
      for (let i = 0; i < stop; i++) ops[i].apply();
    } finally {
      this.model.changed();
    }
    if (failing)
      throw new OfficeError("GeneralException", `the double failed sync ${this.syncCount} on purpose`);
    // Office's responses have the same 5 MB limit: a request loading more fails and loads nothing
    const response = this.staged.reduce((n, s) => n + s.bytes, 0);
    this.requests[this.requests.length - 1].responseBytes = response;
    if (response > this.requestLimit) {
      throw new OfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `response of ${response} bytes over ${this.requestLimit}`,
      );
    }
    for (const s of this.staged) s.commit();
  }

  /** Called by a load while a request runs: the values reach the proxy when the request succeeds. */
  stage(bytes: number, commit: () => void): void {
    this.staged.push({ bytes, commit });
  }
}

export class RequestContext implements ProxyContext {
  pending: Operation[] = [];
  readonly workbook: Workbook;
  constructor(readonly excel: ExcelDouble) {
    const workbook = new Workbook(this);
    this.workbook = excel.excelApi === null ? workbook : withExcelApi(workbook, excel.excelApi, this);
  }
  get model(): WorkbookModel {
    return this.excel.model;
  }
  queue(name: string, bytes: number, apply: () => void): void {
    this.pending.push({ name, bytes: bytes + name.length + 16, apply });
  }
  async sync(): Promise<void> {
    const ops = this.pending;
    this.pending = [];
    try {
      this.excel.execute(ops);
    } catch (e) {
      throw errorWithCode(e);
    }
  }
}

/** Selects a range in the double (test and demo set-up, outside any request), e.g. "学校!A1:Z40". */
export function selectInDouble(excel: ExcelDouble, address: string): void {
  const bang = address.lastIndexOf("!");
  const sheet =
    bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : excel.model.activeSheet!;
  const rect = parseRect(address.slice(bang + 1));
  excel.model.activeSheet = excel.model.requireSheet(sheet).name;
  excel.model.selection = { sheet: excel.model.activeSheet, rect };
}
