/** The proxy every object of the double derives from: Office's load/sync semantics. */
import { payloadBytes } from "./bytes";
import { OfficeError, type ProxyContext } from "./context";

export type LoadOption = string | string[] | { select?: string | string[] } | undefined;

export function loadList(option: LoadOption): string[] | null {
  if (option === undefined) return null;
  const raw = typeof option === "string" || Array.isArray(option) ? option : (option.select ?? []);
  const list = Array.isArray(raw) ? raw : raw.split(",");
  return list.map((s) => s.trim()).filter(Boolean);
}

/** A proxy: reading a property before `load` + `sync` throws, as in Office. */
export abstract class ClientObject {
  protected loaded: Record<string, unknown> = {};
  protected synced = false;
  constructor(protected readonly ctx: ProxyContext) {}

  protected abstract readProperty(name: string): unknown;
  protected abstract scalarProperties(): string[];

  protected prop<T>(name: string): T {
    if (!(name in this.loaded)) {
      throw new OfficeError(
        "PropertyNotLoaded",
        `"${name}" is not available: load it and call context.sync()`,
      );
    }
    return this.loaded[name] as T;
  }

  load(option?: LoadOption): this {
    const props = loadList(option) ?? this.scalarProperties();
    // "items/name,items/id" loads the items once with both properties
    const heads = new Map<string, string[]>();
    for (const p of props) {
      const [head, ...rest] = p.split("/");
      const subs = heads.get(head) ?? [];
      if (rest.length) subs.push(rest.join("/"));
      heads.set(head, subs);
    }
    this.ctx.queue("load", 8 * props.length, () => {
      const values: [string, unknown][] = [];
      let bytes = 0;
      for (const [head, subs] of heads) {
        const value = this.readProperty(subs.length ? `${head}/${subs.join(",")}` : head);
        values.push([head, value]);
        bytes += responseBytes(value);
      }
      this.ctx.excel.stage(bytes, () => {
        for (const [head, value] of values) this.loaded[head] = value;
      });
    });
    return this;
  }
}

/** Size of loaded data in a response; proxies (collection items) count as a small object each. */
function responseBytes(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + responseBytes(v), 2);
  if (value instanceof ClientObject) return 64;
  return payloadBytes(value);
}
