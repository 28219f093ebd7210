// The first script of the offline web app's index.html, in ES5 on purpose, run before the app's bundle.
//
// Many county offices open the app in the browser of a domestic (信创) machine: 360, QQ or Qi-AnXin browsers, whose
// "fast mode" is a Chromium often several years old, and whose "compatible mode" is Internet Explorer. The bundle
// is written for the browsers WEB_BROWSERS in webpack.config.js names (Chrome and Edge 84, Firefox 80, Safari
// 14.1, and later). In an older one it would stop at its first line and leave the page at "正在加载…" for ever.
// This script says instead what is wrong and what to do:
// - before the app loads, when the browser lacks what the app needs (Internet Explorer, or a browser without the
//   newest API the app relies on: WeakRef, which Fluent UI's focus handling uses);
// - when the app fails while starting, before it has drawn anything, whatever the cause (the browser's own error
//   is shown under the advice).
(function () {
  if (typeof document === "undefined" || !window.navigator) return;
  var ua = window.navigator.userAgent;
  var ie = ua.indexOf("Trident/") !== -1 || ua.indexOf("MSIE ") !== -1;

  function browserName() {
    var match = /(?:Edg|Chrome|Chromium|Firefox)\/(\d+)/.exec(ua);
    if (ie) return "Internet Explorer";
    return match ? match[0].replace("/", " ").replace(/^Edg /, "Edge ") : "";
  }

  function paragraph(text, lang) {
    var p = document.createElement("p");
    p.setAttribute("lang", lang);
    p.style.margin = "0 0 12px";
    p.appendChild(document.createTextNode(text));
    return p;
  }

  /** Puts the advice in place of the page's content; `detail` is the browser's own error, if any. */
  function show(reason, detail) {
    var root = document.getElementById("root") || document.body;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = document.createElement("div");
    box.setAttribute("data-unsupported-browser", reason);
    box.setAttribute("role", "alert");
    box.style.font = "14px 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif";
    box.style.padding = "12px";
    box.style.maxWidth = "40em";
    var name = browserName();
    if (reason === "ie") {
      box.appendChild(
        paragraph(
          "本页正以 Internet Explorer 内核（浏览器的“兼容模式”）打开，无法运行均衡离线网页版。" +
            "请切换到“极速模式”（通常点地址栏右侧的图标切换），或改用 Chrome、Edge、Firefox 打开本页。",
          "zh-CN"
        )
      );
      box.appendChild(
        paragraph(
          "This page is open in Internet Explorer (the browser's 'compatible mode'), which cannot run Balance's " +
            "offline web app. Switch to the browser's 'fast mode' (usually an icon at the right of the address " +
            "bar), or open the page in Chrome, Edge or Firefox.",
          "en"
        )
      );
    } else {
      box.appendChild(
        paragraph(
          (reason === "old"
            ? "此浏览器版本过旧" + (name ? "（" + name + "）" : "") + "，无法运行均衡离线网页版。"
            : "均衡离线网页版未能在此浏览器" + (name ? "（" + name + "）" : "") + "中启动。") +
            "请用 Chrome 或 Edge 84 及以上、Firefox 80 及以上打开本页；" +
            "360、QQ、奇安信等浏览器请用“极速模式”，并升级到最新版本。",
          "zh-CN"
        )
      );
      box.appendChild(
        paragraph(
          (reason === "old"
            ? "This browser is too old to run Balance's offline web app" +
              (name ? " (" + name + ")" : "") +
              ". "
            : "Balance's offline web app could not start in this browser" +
              (name ? " (" + name + ")" : "") +
              ". ") +
            "Open this page in Chrome or Edge 84 or later, or Firefox 80 or later; in 360, QQ or Qi-AnXin " +
            "browsers use the 'fast mode' and update to the latest version.",
          "en"
        )
      );
    }
    if (detail) {
      var error = paragraph("浏览器报告 / The browser reported: " + detail, "en");
      error.style.color = "#605e5c";
      error.style.fontSize = "12px";
      box.appendChild(error);
    }
    root.appendChild(box);
  }

  function whenReady(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  if (ie) {
    window.balanceUnsupportedBrowser = "ie";
    whenReady(function () {
      show("ie", "");
    });
    return;
  }
  if (typeof window.WeakRef !== "function" || typeof Promise === "undefined" || !Promise.allSettled) {
    window.balanceUnsupportedBrowser = "old";
    whenReady(function () {
      show("old", "");
    });
    return;
  }

  // the app failing while it starts: the page still holds its loading line (#root's first child, data-loading)
  window.addEventListener("error", function (event) {
    var root = document.getElementById("root");
    var loading = root && root.firstChild;
    if (!loading || !loading.getAttribute || loading.getAttribute("data-loading") === null) return;
    window.balanceUnsupportedBrowser = "failed";
    // opened from disk, a browser hides the error of a script behind "Script error.": nothing to show then
    var message = event && event.message ? String(event.message) : "";
    show("failed", /^Script error\.?$/.test(message) ? "" : message);
  });
})();
