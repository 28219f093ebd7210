import { createRoot } from "react-dom/client";
import type { ExcelHost } from "../excel/host";
import type { Lang } from "../i18n/format";
import { t } from "../i18n/messages";
import { startingHost, unsupportedHost, webAppAddress } from "./boot";
import { Pane } from "./Pane";

declare global {
  interface Window {
    /** demo mode only: the in-memory workbook, for a person (or a browser test) to look into */
    balanceDemo?: { values(sheet: string): (number | string | boolean)[][]; sheets(): string[] };
    /** set by pane-start.js in Internet Explorer and old Edge, where it has shown why the pane cannot run */
    balanceUnsupportedWebview?: string;
  }
}

function container(): HTMLElement {
  const existing = document.getElementById("root");
  if (existing) return existing;
  const div = document.createElement("div");
  div.id = "root";
  document.body.appendChild(div);
  return div;
}

/** ?lang=en and ?theme=dark: links into demo mode in a given language or theme. */
function requested(): { lang?: Lang; theme?: "light" | "dark" } {
  const params = new URLSearchParams(window.location.search);
  const lang = params.get("lang");
  const theme = params.get("theme");
  return {
    lang: lang === "en" || lang === "zh" ? lang : undefined,
    theme: theme === "dark" || theme === "light" ? theme : undefined,
  };
}

async function start() {
  if (window.balanceUnsupportedWebview) return;
  const root = createRoot(container());
  document.body.style.margin = "0";
  // shown while office.js decides whether the pane is inside Excel (taskpane.html shows it before any script runs)
  root.render(
    <p style={{ font: "14px system-ui, sans-serif", padding: "12px", color: "#605e5c" }}>
      {t("zh", "loadingOffice")} {t("en", "loadingOffice")}
    </p>,
  );
  const officeHost = await startingHost();
  if (officeHost !== null) {
    const unsupported = unsupportedHost(officeHost, Office, webAppAddress(window.location.href));
    if (unsupported) {
      root.render(
        <div data-unsupported-host style={{ font: "14px system-ui, sans-serif", padding: "12px" }}>
          <p lang="zh-CN">{unsupported.zh}</p>
          <p lang="en">{unsupported.en}</p>
        </div>,
      );
      return;
    }
    const [{ createOfficeHost }, { templateSheet }] = await Promise.all([
      import(/* webpackMode: "eager" */ "../excel/officeHost"),
      import(/* webpackMode: "eager" */ "../report/templateSheets"),
    ]);
    const host: ExcelHost = createOfficeHost({
      run: (batch) => Excel.run(batch),
      template: templateSheet,
      // ExcelApi 1.2: every Excel past the start check (1.9) has it; asked all the same, as the host's option says
      seesHiddenLines: () => Office.context.requirements.isSetSupported("ExcelApi", "1.2"),
    });
    root.render(<Pane host={host} />);
    return;
  }
  // outside Office the pane runs on the in-memory workbook the web app opens files into
  const { startDemo } = await import(/* webpackMode: "eager" */ "../excel/memory/demo");
  const wanted = requested();
  const prefersDark = window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  const theme = wanted.theme ?? (prefersDark ? "dark" : "light");
  // outside Office there is no display language to follow: Chinese, the users' language, unless asked
  const lang = wanted.lang ?? "zh";
  const demo = startDemo({ lang, theme, displayLanguage: lang === "en" ? "en-US" : "zh-CN" });
  window.balanceDemo = {
    values: (sheet) => demo.excel.valuesOf(sheet),
    sheets: () => demo.excel.model.sheets.map((s) => s.name),
  };
  document.title = lang === "en" ? "Balance — demo" : "均衡 — 演示";
  root.render(<Pane host={demo.host} workbook={demo.view} lang={lang} theme={theme} />);
}

void start();
