/** The double's workbook: its worksheets, settings and defined names, and the selected range. */
import { payloadBytes } from "./bytes";
import { ClientObject, loadList, type LoadOption } from "./clientObject";
import { OfficeError, type ProxyContext } from "./context";
import type { SheetModel } from "./model";
import { Range, Worksheet } from "./sheet";

class WorksheetCollection extends ClientObject {
  protected scalarProperties(): string[] {
    return ["items"];
  }
  protected readProperty(name: string): unknown {
    if (name === "items" || name.startsWith("items/")) {
      const props = name.includes("/")
        ? name.slice(name.indexOf("/") + 1).split(",")
        : ["name", "id", "position", "visibility"];
      return this.ctx.model.sheets.map((s) => {
        const w = new Worksheet(this.ctx, () => s);
        const loaded = (w as unknown as { loaded: Record<string, unknown> }).loaded;
        for (const p of props)
          loaded[p] = (w as unknown as { readProperty(n: string): unknown }).readProperty(p);
        return w;
      });
    }
    throw new OfficeError("InvalidArgument", `the double has no worksheets property ${name}`);
  }
  get items(): Worksheet[] {
    return this.prop("items");
  }
  add(name?: string): Worksheet {
    let created: SheetModel | undefined;
    this.ctx.queue("worksheets.add", payloadBytes(name ?? ""), () => {
      let n = name;
      for (let i = this.ctx.model.sheets.length + 1; !n; i++)
        if (!this.ctx.model.sheet(`Sheet${i}`)) n = `Sheet${i}`;
      created = this.ctx.model.addSheet(n);
    });
    return new Worksheet(this.ctx, () => created);
  }
  getItem(name: string): Worksheet {
    // an id or a name, as in Office
    return new Worksheet(this.ctx, () => this.find(name) ?? this.missing(name));
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.ctx, () => this.find(name)).trackNull();
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.ctx, () => {
      const m = this.ctx.model;
      return (m.activeSheet ? m.sheet(m.activeSheet) : undefined) ?? m.sheets[0];
    });
  }
  private find(key: string): SheetModel | undefined {
    return this.ctx.model.sheets.find((s) => s.id === key) ?? this.ctx.model.sheet(key);
  }
  private missing(name: string): never {
    throw new OfficeError("ItemNotFound", `no worksheet ${name}`);
  }
}

/**
 * A setting's value as Office keeps it: settings are stored as JSON, so what is read back is a JSON copy (a Date
 * comes back as its text, undefined properties are gone). JSON rather than structuredClone, which browsers before
 * Chrome 98 lack: the web app runs on this double.
 */
function storedCopy(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

class Setting extends ClientObject {
  constructor(
    ctx: ProxyContext,
    private readonly key: string,
  ) {
    super(ctx);
  }
  protected scalarProperties(): string[] {
    return ["key", "value"];
  }
  protected readProperty(name: string): unknown {
    if (!this.ctx.model.settings.has(this.key))
      throw new OfficeError("ItemNotFound", `no setting ${this.key}`);
    if (name === "key") return this.key;
    if (name === "value") return storedCopy(this.ctx.model.settings.get(this.key));
    throw new OfficeError("InvalidArgument", `the double has no setting property ${name}`);
  }
  trackNull(): this {
    this.ctx.queue(
      "isNullObject",
      0,
      () => (this.loaded.isNullObject = !this.ctx.model.settings.has(this.key)),
    );
    return this;
  }
  override load(option?: LoadOption): this {
    // loading a null object's properties gives nothing rather than failing the request
    const props = loadList(option) ?? this.scalarProperties();
    this.ctx.queue("load", 16, () => {
      if (!this.ctx.model.settings.has(this.key)) return;
      for (const p of props) this.loaded[p] = this.readProperty(p);
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.prop("isNullObject");
  }
  get value(): unknown {
    return this.prop("value");
  }
  delete(): void {
    this.ctx.queue("setting.delete", 8, () => this.ctx.model.settings.delete(this.key));
  }
}

class SettingCollection {
  constructor(private readonly ctx: ProxyContext) {}
  add(key: string, value: unknown): Setting {
    this.ctx.queue("settings.add", payloadBytes(key) + payloadBytes(JSON.stringify(value)), () =>
      this.ctx.model.settings.set(key, storedCopy(value)),
    );
    return new Setting(this.ctx, key);
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this.ctx, key).trackNull();
  }
  getItem(key: string): Setting {
    return new Setting(this.ctx, key);
  }
}

class NamedItem extends ClientObject {
  constructor(
    ctx: ProxyContext,
    private readonly key: string,
  ) {
    super(ctx);
  }
  protected scalarProperties(): string[] {
    return ["name", "formula"];
  }
  protected readProperty(name: string): unknown {
    const formula = this.ctx.model.names.get(this.key);
    if (formula === undefined) throw new OfficeError("ItemNotFound", `no name ${this.key}`);
    return name === "name" ? this.key : formula;
  }
  trackNull(): this {
    this.ctx.queue("isNullObject", 0, () => (this.loaded.isNullObject = !this.ctx.model.names.has(this.key)));
    return this;
  }
  get isNullObject(): boolean {
    return this.prop("isNullObject");
  }
  delete(): void {
    this.ctx.queue("name.delete", 8, () => this.ctx.model.names.delete(this.key));
  }
}

class NamedItemCollection {
  constructor(private readonly ctx: ProxyContext) {}
  add(name: string, reference: Range | string, _comment?: string): NamedItem {
    this.ctx.queue("names.add", payloadBytes(name) + 32, () => {
      const formula =
        typeof reference === "string"
          ? reference
          : `=${this.ctx.model.address(reference.target().sheet, reference.target().rect)}`;
      this.ctx.model.names.set(name, formula);
    });
    return new NamedItem(this.ctx, name);
  }
  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.ctx, name).trackNull();
  }
}

export class Workbook {
  readonly worksheets: WorksheetCollection;
  readonly settings: SettingCollection;
  readonly names: NamedItemCollection;
  constructor(private readonly ctx: ProxyContext) {
    this.worksheets = new WorksheetCollection(ctx);
    this.settings = new SettingCollection(ctx);
    this.names = new NamedItemCollection(ctx);
  }
  getSelectedRange(): Range {
    return new Range(this.ctx, () => {
      const m = this.ctx.model;
      if (m.selection) return { sheet: m.requireSheet(m.selection.sheet), rect: m.selection.rect };
      const sheet = (m.activeSheet ? m.sheet(m.activeSheet) : undefined) ?? m.sheets[0];
      return { sheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
}
