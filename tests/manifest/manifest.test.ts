/**
 * Offline check of the manifests (the online validator, `npm run validate`, cannot be reached from CI): well-formed
 * XML, elements in schema order, every resid defined with the right kind, URLs on one origin pointing at files the
 * build emits; the shared-runtime rules for manifest.xml, and for manifest-pane.xml (the task pane alone) no
 * runtime, no functions and the ExcelApi set the pane's Office.js calls need.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, basename, dirname, extname } from "node:path";
import { customFunctionsRuntimeNeeded, highestApiSet } from "./officeApiSets";
import { child, childrenNamed, descendants, parseXml, type XmlElement } from "./xml";
import { PANE_EXCEL_API } from "../../src/taskpane/boot";

const ROOT = join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require(join(ROOT, "webpack.config.js")) as {
  addin: (env: object, argv: object) => Promise<WebpackConfig>;
  ORIGIN: string;
};

interface WebpackConfig {
  entry: Record<string, string>;
  output: { filename: string };
  plugins: {
    constructor: { name: string };
    userOptions?: { filename?: string };
    options?: { output?: string };
    patterns?: { from: string; to: string }[];
  }[];
}

function expectSchemaOrder(element: XmlElement, order: readonly string[]): void {
  let last = -1;
  for (const c of element.children) {
    const index = order.indexOf(c.name);
    if (index < 0) throw new Error(`<${c.name}> (line ${c.line}) is not expected inside <${element.name}>`);
    if (index < last) {
      throw new Error(
        `<${c.name}> (line ${c.line}) comes after <${order[last]}> inside <${element.name}>: wrong order`,
      );
    }
    last = index;
  }
}

function extensionPoint(parent: XmlElement, type: string): XmlElement {
  const found = childrenNamed(parent, "ExtensionPoint").filter((e) => e.attributes["xsi:type"] === type);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The files `npm run build` writes to dist/, read from webpack.config.js without running webpack. */
async function emittedFiles(): Promise<Set<string>> {
  const config = await webpackConfig.addin({}, { mode: "production" });
  const files = new Set<string>();
  for (const name of Object.keys(config.entry)) files.add(config.output.filename.replace("[name]", name));
  for (const plugin of config.plugins) {
    const kind = plugin.constructor.name;
    if (kind === "HtmlWebpackPlugin") files.add(plugin.userOptions?.filename as string);
    if (kind === "CustomFunctionsMetadataPlugin") files.add(plugin.options?.output as string);
    if (kind === "CopyPlugin" || kind === "CopyWebpackPlugin") {
      for (const p of plugin.patterns ?? []) {
        const sources = p.from.includes("*")
          ? readdirSync(join(ROOT, dirname(p.from)))
              .filter((f) => extname(f) === extname(p.from))
              .map((f) => join(dirname(p.from), f))
          : [p.from];
        for (const s of sources) {
          expect(existsSync(join(ROOT, s))).toBe(true);
          const ext = extname(s);
          files.add(p.to.replace("[name]", basename(s, ext)).replace("[ext]", ext));
        }
      }
    }
  }
  return files;
}

const MANIFESTS = [
  { file: "manifest.xml", sharedRuntime: true },
  { file: "manifest-pane.xml", sharedRuntime: false },
];

describe.each(MANIFESTS)("$file", ({ file, sharedRuntime }) => {
  const manifest = parseXml(readFileSync(join(ROOT, file), "utf8"));
  const versionOverrides = child(manifest, "VersionOverrides");
  const host = child(child(versionOverrides, "Hosts"), "Host");
  const resources = child(versionOverrides, "Resources");

  function resourceIds(group: string): Map<string, XmlElement> {
    const map = new Map<string, XmlElement>();
    for (const e of child(resources, group).children) {
      expect(map.has(e.attributes.id)).toBe(false);
      map.set(e.attributes.id, e);
    }
    return map;
  }

  describe("is well-formed", () => {
    test("parses as XML with an OfficeApp task-pane root", () => {
      expect(manifest.name).toBe("OfficeApp");
      expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
      expect(manifest.attributes.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    });

    test("the small XML reader rejects what is not well-formed", () => {
      expect(() => parseXml("<a><b></a>")).toThrow(/closes/);
      expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/duplicate/);
      expect(() => parseXml("<a x=1/>")).toThrow(/not quoted/);
      expect(() => parseXml("<a>&nbsp;</a>")).toThrow(/entity/);
      expect(() => parseXml("<a/><b/>")).toThrow(/after the root/);
      expect(() => parseXml("<a>")).toThrow(/not closed/);
    });
  });

  describe("elements in schema order", () => {
    test("OfficeApp", () => {
      expectSchemaOrder(manifest, [
        "Id",
        "AlternateId",
        "Version",
        "ProviderName",
        "DefaultLocale",
        "DisplayName",
        "Description",
        "IconUrl",
        "HighResolutionIconUrl",
        "SupportUrl",
        "AppDomains",
        "Hosts",
        "Requirements",
        "DefaultSettings",
        "Permissions",
        "Dictionary",
        "VersionOverrides",
      ]);
      for (const required of [
        "Id",
        "Version",
        "ProviderName",
        "DefaultLocale",
        "DisplayName",
        "Description",
        "DefaultSettings",
        "Permissions",
      ]) {
        expect(childrenNamed(manifest, required)).toHaveLength(1);
      }
    });

    test("VersionOverrides, Host, form factors, extension points and Resources", () => {
      expect(versionOverrides.attributes["xsi:type"]).toBe("VersionOverridesV1_0");
      expectSchemaOrder(versionOverrides, ["Description", "Requirements", "Hosts", "Resources"]);
      expectSchemaOrder(host, ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"]);
      const desktop = child(host, "DesktopFormFactor");
      expectSchemaOrder(desktop, ["GetStarted", "FunctionFile", "ExtensionPoint"]);
      expectSchemaOrder(child(desktop, "GetStarted"), ["Title", "Description", "LearnMoreUrl"]);
      if (sharedRuntime) {
        expectSchemaOrder(extensionPoint(child(host, "AllFormFactors"), "CustomFunctions"), [
          "Script",
          "Page",
          "Metadata",
          "Namespace",
        ]);
      }
      const tab = child(extensionPoint(desktop, "PrimaryCommandSurface"), "OfficeTab");
      for (const group of childrenNamed(tab, "Group")) {
        expectSchemaOrder(group, ["Label", "Icon", "Control"]);
        for (const control of childrenNamed(group, "Control")) {
          expectSchemaOrder(control, ["Label", "Supertip", "Icon", "Action"]);
          expectSchemaOrder(child(control, "Supertip"), ["Title", "Description"]);
          expectSchemaOrder(child(control, "Action"), ["TaskpaneId", "SourceLocation"]);
        }
      }
      expectSchemaOrder(resources, ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]);
    });
  });

  describe("resources", () => {
    // which group of Resources a resid on each element must name
    const KIND: Record<string, string> = {
      "bt:Image": "bt:Images",
      SourceLocation: "bt:Urls",
      FunctionFile: "bt:Urls",
      Runtime: "bt:Urls",
      LearnMoreUrl: "bt:Urls",
      Label: "bt:ShortStrings",
      Title: "bt:ShortStrings",
      Namespace: "bt:ShortStrings",
      Description: "bt:LongStrings",
    };

    test("every resid is defined, in the group its element needs", () => {
      const referencing = descendants(versionOverrides).filter((e) => e.attributes.resid !== undefined);
      expect(referencing.length).toBeGreaterThan(10);
      for (const e of referencing) {
        const group = KIND[e.name];
        if (!group) throw new Error(`<${e.name}> (line ${e.line}) has a resid this check does not know`);
        if (!resourceIds(group).has(e.attributes.resid)) {
          throw new Error(
            `resid "${e.attributes.resid}" of <${e.name}> (line ${e.line}) is not defined in <${group}>`,
          );
        }
      }
    });

    test("every resource is used, ids are at most 32 characters", () => {
      const used = new Set(
        descendants(versionOverrides)
          .map((e) => e.attributes.resid)
          .filter(Boolean),
      );
      for (const group of ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]) {
        for (const id of resourceIds(group).keys()) {
          expect(used.has(id)).toBe(true);
          expect(id.length).toBeLessThanOrEqual(32);
        }
      }
    });

    test("strings within the schema's lengths, each with a zh-CN override (the namespace excepted)", () => {
      for (const [group, max] of [
        ["bt:ShortStrings", 125],
        ["bt:LongStrings", 250],
      ] as const) {
        for (const [id, e] of resourceIds(group)) {
          expect(e.attributes.DefaultValue.length).toBeLessThanOrEqual(max);
          const overrides = childrenNamed(e, "bt:Override");
          if (id === "Functions.Namespace") {
            expect(overrides).toHaveLength(0);
            continue;
          }
          expect(overrides.map((o) => o.attributes.Locale)).toEqual(["zh-CN"]);
          expect(overrides[0].attributes.Value.length).toBeLessThanOrEqual(max);
          expect(overrides[0].attributes.Value).toMatch(/[\u4e00-\u9fff]/);
        }
      }
      for (const name of ["DisplayName", "Description"]) {
        const e = child(manifest, name);
        expect(childrenNamed(e, "Override").map((o) => o.attributes.Locale)).toEqual(["zh-CN"]);
      }
    });

    test("icons of 16, 32 and 80 px for the ribbon", () => {
      const images = resourceIds("bt:Images");
      for (const size of [16, 32, 80]) {
        const e = images.get(`Icon.${size}x${size}`);
        expect(e?.attributes.DefaultValue).toMatch(new RegExp(`/assets/icon-${size}\\.png$`));
        const png = readFileSync(join(ROOT, "assets", `icon-${size}.png`));
        expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      }
    });
  });

  describe("URLs", () => {
    function allUrls(): { where: string; url: string }[] {
      const urls: { where: string; url: string }[] = [];
      for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
        urls.push({ where: name, url: child(manifest, name).attributes.DefaultValue });
      }
      urls.push({
        where: "DefaultSettings",
        url: child(child(manifest, "DefaultSettings"), "SourceLocation").attributes.DefaultValue,
      });
      for (const group of ["bt:Images", "bt:Urls"]) {
        for (const [id, e] of resourceIds(group)) {
          urls.push({ where: id, url: e.attributes.DefaultValue });
          for (const o of childrenNamed(e, "bt:Override"))
            urls.push({ where: `${id} (${o.attributes.Locale})`, url: o.attributes.Value });
        }
      }
      return urls;
    }

    test("all on the dev server's origin, over https", () => {
      const origin = webpackConfig.ORIGIN;
      expect(origin).toMatch(/^https:\/\/localhost:\d+$/);
      for (const { where, url } of allUrls()) {
        if (new URL(url).origin !== origin) throw new Error(`${where}: ${url} is not on ${origin}`);
      }
    });

    test("each names a file the build emits", async () => {
      const files = await emittedFiles();
      const pages = sharedRuntime
        ? ["taskpane.html", "functions.js", "functions.json", "functions-zh-CN.json"]
        : ["taskpane.html", "commands.html", "commands.js"];
      for (const expected of pages) expect([expected, files.has(expected)]).toEqual([expected, true]);
      for (const { where, url } of allUrls()) {
        const path = new URL(url).pathname.slice(1);
        if (!files.has(path))
          throw new Error(`${where}: ${url} is not a file the build emits (${[...files].join(", ")})`);
      }
    });

    (sharedRuntime ? test : test.skip)(
      "the custom functions' script, page and metadata, with the zh-CN metadata as an override",
      () => {
        const urls = resourceIds("bt:Urls");
        const cf = extensionPoint(child(host, "AllFormFactors"), "CustomFunctions");
        const urlOf = (e: XmlElement) =>
          urls.get(child(e, "SourceLocation").attributes.resid)?.attributes.DefaultValue;
        expect(urlOf(child(cf, "Script"))).toMatch(/\/functions\.js$/);
        expect(urlOf(child(cf, "Page"))).toMatch(/\/taskpane\.html$/);
        const metadata = urls.get(
          child(child(cf, "Metadata"), "SourceLocation").attributes.resid,
        ) as XmlElement;
        expect(metadata.attributes.DefaultValue).toMatch(/\/functions\.json$/);
        const override = child(metadata, "bt:Override");
        expect(override.attributes).toEqual({
          Locale: "zh-CN",
          Value: expect.stringMatching(/\/functions-zh-CN\.json$/),
        });
        const namespace = resourceIds("bt:ShortStrings").get(child(cf, "Namespace").attributes.resid);
        expect(namespace?.attributes.DefaultValue).toBe("BALANCE");
      },
    );
  });

  (sharedRuntime ? describe : describe.skip)("shared runtime", () => {
    test("Runtimes comes first under Host, with one long-lived runtime", () => {
      expect(host.attributes["xsi:type"]).toBe("Workbook");
      expect(host.children[0].name).toBe("Runtimes");
      const runtimes = childrenNamed(child(host, "Runtimes"), "Runtime");
      expect(runtimes).toHaveLength(1);
      expect(runtimes[0].attributes.lifetime).toBe("long");
    });

    test("one resid for the runtime, the custom functions' page, the FunctionFile and the pane", () => {
      const runtime = child(child(host, "Runtimes"), "Runtime").attributes.resid;
      const cf = extensionPoint(child(host, "AllFormFactors"), "CustomFunctions");
      const desktop = child(host, "DesktopFormFactor");
      expect(child(child(cf, "Page"), "SourceLocation").attributes.resid).toBe(runtime);
      expect(child(desktop, "FunctionFile").attributes.resid).toBe(runtime);
      const actions = descendants(desktop).filter((e) => e.name === "Action");
      expect(actions.length).toBeGreaterThan(0);
      for (const action of actions) {
        expect(action.attributes["xsi:type"]).toBe("ShowTaskpane");
        expect(child(action, "SourceLocation").attributes.resid).toBe(runtime);
      }
      const url = resourceIds("bt:Urls").get(runtime)?.attributes.DefaultValue;
      expect(child(child(manifest, "DefaultSettings"), "SourceLocation").attributes.DefaultValue).toBe(url);
    });

    test("requirements: SharedRuntime 1.1 and CustomFunctionsRuntime 1.2; Workbook host; ReadWriteDocument", () => {
      const sets = childrenNamed(child(child(manifest, "Requirements"), "Sets"), "Set").map((s) => [
        s.attributes.Name,
        s.attributes.MinVersion,
      ]);
      expect(sets).toEqual(
        expect.arrayContaining([
          ["SharedRuntime", "1.1"],
          ["CustomFunctionsRuntime", customFunctionsRuntimeNeeded()],
        ]),
      );
      expect(customFunctionsRuntimeNeeded()).toBe("1.2");
      expect(childrenNamed(child(manifest, "Hosts"), "Host").map((h) => h.attributes.Name)).toEqual([
        "Workbook",
      ]);
      expect(child(manifest, "Permissions").text).toBe("ReadWriteDocument");
    });

    test("a fixed GUID as Id", () => {
      expect(child(manifest, "Id").text).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    });
  });

  (sharedRuntime ? describe.skip : describe)(
    "the task pane alone, for Excel without the shared runtime",
    () => {
      test("no runtime, no custom functions: a ribbon button that opens the pane", () => {
        expect(childrenNamed(host, "Runtimes")).toEqual([]);
        expect(childrenNamed(host, "AllFormFactors")).toEqual([]);
        const desktop = child(host, "DesktopFormFactor");
        const urls = resourceIds("bt:Urls");
        const urlOf = (resid: string) => urls.get(resid)?.attributes.DefaultValue;
        expect(urlOf(child(desktop, "FunctionFile").attributes.resid)).toMatch(/\/commands\.html$/);
        const actions = descendants(desktop).filter((e) => e.name === "Action");
        expect(actions.length).toBeGreaterThan(0);
        for (const action of actions) {
          expect(action.attributes["xsi:type"]).toBe("ShowTaskpane");
          expect(urlOf(child(action, "SourceLocation").attributes.resid)).toMatch(/\/taskpane\.html$/);
        }
        expect(child(child(manifest, "DefaultSettings"), "SourceLocation").attributes.DefaultValue).toMatch(
          /\/taskpane\.html$/,
        );
        expect(child(manifest, "Permissions").text).toBe("ReadWriteDocument");
      });

      test("its help and support links open a page that says the functions are not in this add-in", () => {
        const learnMore = child(child(child(host, "DesktopFormFactor"), "GetStarted"), "LearnMoreUrl");
        const help = resourceIds("bt:Urls").get(learnMore.attributes.resid)!.attributes.DefaultValue;
        for (const url of [help, child(manifest, "SupportUrl").attributes.DefaultValue]) {
          const page = readFileSync(join(ROOT, "src", new URL(url).pathname.slice(1)), "utf8");
          if (!/BALANCE\./.test(page)) continue;
          for (const id of ["where", "where-en"]) {
            const note = new RegExp(`<p[^>]*id="${id}">([\\s\\S]*?)</p>`).exec(page)?.[1] ?? "";
            expect([id, note]).toEqual([id, expect.stringContaining(`<code>${file}</code>`)]);
            expect(note).toContain("#NAME?");
            expect(note).toMatch(/WPS/);
          }
        }
      });

      test("requires exactly the ExcelApi set of the Office.js members the pane calls, nothing else", () => {
        const sets = childrenNamed(child(child(manifest, "Requirements"), "Sets"), "Set").map((s) => [
          s.attributes.Name,
          s.attributes.MinVersion,
        ]);
        const needed = highestApiSet("ExcelApi");
        expect(sets).toEqual([["ExcelApi", needed.version]]);
        // and the pane checks for the same set when it starts (src/taskpane/boot.ts)
        expect(PANE_EXCEL_API).toBe(needed.version);
        // what decides it, for the reader of a failure: the members of that set the pane uses
        expect(needed.members.length).toBeGreaterThan(0);
      });

      test("an Id of its own, so that both can be in one catalogue", () => {
        const full = parseXml(readFileSync(join(ROOT, "manifest.xml"), "utf8"));
        expect(child(manifest, "Id").text).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
        expect(child(manifest, "Id").text).not.toBe(child(full, "Id").text);
      });
    },
  );
});
