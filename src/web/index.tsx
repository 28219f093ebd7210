/**
 * The offline web app's page (dist/web/index.html): the task pane on a workbook opened from disk, no Office,
 * nothing sent anywhere. ?lang=en and ?theme=dark as in demo mode.
 */
import { createRoot } from "react-dom/client";
import type { Lang } from "../i18n/format";
import { WebApp } from "./WebApp";

function requested(): { lang: Lang; theme: "light" | "dark" } {
  const params = new URLSearchParams(window.location.search);
  const lang = params.get("lang");
  const theme = params.get("theme");
  const prefersDark = window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  return {
    // no display language to follow outside Office: Chinese, the users' language, unless asked
    lang: lang === "en" ? "en" : "zh",
    theme: theme === "dark" || theme === "light" ? theme : prefersDark ? "dark" : "light",
  };
}

/** What web-start.js (the page's first script) found: a browser the app cannot run in, whose advice it shows. */
const unsupported = (window as { balanceUnsupportedBrowser?: string }).balanceUnsupportedBrowser;

if (!unsupported) {
  const { lang, theme } = requested();
  const container =
    document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
  document.body.style.margin = "0";
  document.body.style.background = theme === "dark" ? "#292929" : "#ffffff";
  createRoot(container).render(<WebApp lang={lang} theme={theme} />);
}
