/**
 * The scripts Office may run in Internet Explorer 11 (Excel 2016/2019 volume-licensed, or without WebView2): the
 * task pane's first script and the pane-only manifest's function file are ES5, so that IE11 runs them and can
 * say why the pane itself (ES2020, React 18, Fluent UI 9) cannot run there.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { parse } from "acorn";

const ROOT = path.resolve(__dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

describe("scripts for old webviews", () => {
  it.each(["src/taskpane/pane-start.js", "src/taskpane/commands.js"])("%s parses as ES5", (file) => {
    expect(() => parse(read(file), { ecmaVersion: 5 })).not.toThrow();
  });

  it("the pane's own code is not ES5: the reason for the message", () => {
    expect(() => parse("const a = b?.c ?? 1;", { ecmaVersion: 5 })).toThrow();
  });

  /** Runs pane-start.js in a page of the given user agent; the text it shows, if any. */
  function startIn(userAgent: string): { shown: string; state: unknown } {
    const children: { text: string }[] = [];
    const element = () => {
      const node = {
        style: {},
        firstChild: null,
        children: [] as unknown[],
        setAttribute() {},
        appendChild(child: { text?: string; children?: unknown[] }) {
          node.children.push(child);
          if (child.text) children.push({ text: child.text });
          return child;
        },
        removeChild() {},
      };
      return node;
    };
    const listeners: string[] = [];
    const root = element();
    const window: Record<string, unknown> = {
      navigator: { userAgent },
      location: { href: "https://intranet.example/balance/taskpane.html?_host_Info=Excel" },
    };
    const document = {
      readyState: "complete",
      addEventListener: (type: string) => listeners.push(type),
      getElementById: () => root,
      body: root,
      createElement: element,
      createTextNode: (text: string) => ({ text }),
    };
    runInNewContext(read("src/taskpane/pane-start.js"), { window, document });
    return { shown: children.map((c) => c.text).join("\n"), state: window.balanceOfficeScript };
  }

  it("says in IE11 and old Edge why the pane cannot run, and where the web app is", () => {
    for (const ua of [
      "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041",
    ]) {
      const { shown, state } = startIn(ua);
      expect(shown).toContain("WebView2");
      expect(shown).toContain("https://intranet.example/balance/web/index.html");
      expect(state).toBe("loading");
    }
  });

  it("in IE11, says that volume-licensed Excel 2016 and 2019 keep it even with WebView2: the web app", () => {
    const trident = startIn("Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko").shown;
    expect(trident).toContain("批量许可版 Excel 2016、2019");
    expect(trident).toContain("1808 或 16.0.xxxx.xxxx");
    expect(trident).toContain("Volume-licensed Excel 2016 and 2019");
    // old Edge is never theirs (only retail and Microsoft 365 builds use it): there WebView2 is the way
    const edgeHtml = startIn(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041",
    ).shown;
    expect(edgeHtml).not.toContain("批量许可");
    expect(edgeHtml).toContain("WebView2");
  });

  it("stays silent in WebView2 (Chromium Edge)", () => {
    const { shown } = startIn(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
    );
    expect(shown).toBe("");
  });
});
