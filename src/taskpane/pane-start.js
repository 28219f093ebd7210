// The first script of taskpane.html, in ES5 on purpose, run before office.js and the pane's bundles.
//
// 1. It notes when office.js (loaded async, so that a slow or unreachable CDN never holds up the page) has
//    loaded or failed, in window.balanceOfficeScript, for the pane and the functions to wait on
//    (src/excel/officeScript.ts): a script's load and error events do not bubble, but a listener on the
//    document in the capture phase hears them, even those that happen before the bundles run.
// 2. The task pane's own code needs a Chromium-based webview (Edge WebView2). Excel 2016/2019 in volume-licensed
//    editions, and older builds without WebView2, show add-ins in Internet Explorer 11 (Trident) or old Edge
//    (EdgeHTML), which cannot run it. There this script says so, and where to go instead, in place of a blank
//    pane.
(function () {
  // outside a page (a script runner without a document) there is nothing to watch or show
  if (typeof document === "undefined") return;
  window.balanceOfficeScript = "loading";
  function watch(state) {
    return function (event) {
      var target = event.target;
      if (target && target.tagName === "SCRIPT" && /\/office\.js(\?|$)/.test(target.src)) {
        window.balanceOfficeScript = state;
      }
    };
  }
  document.addEventListener("load", watch("loaded"), true);
  document.addEventListener("error", watch("failed"), true);
})();

(function () {
  if (typeof document === "undefined" || !window.navigator) return;
  var ua = window.navigator.userAgent;
  var trident = ua.indexOf("Trident/") !== -1 || ua.indexOf("MSIE ") !== -1;
  var edgeHtml = / Edge\/\d/.test(ua);
  if (!trident && !edgeHtml) return;
  window.balanceUnsupportedWebview = trident ? "Trident" : "EdgeHTML";
  var here = window.location.href.split("?")[0].split("#")[0];
  var webApp = here.substring(0, here.lastIndexOf("/") + 1) + "web/index.html";
  function paragraph(text, lang) {
    var p = document.createElement("p");
    p.setAttribute("lang", lang);
    p.style.margin = "0 0 12px";
    p.appendChild(document.createTextNode(text));
    return p;
  }
  function show() {
    var root = document.getElementById("root") || document.body;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = document.createElement("div");
    box.setAttribute("data-unsupported-webview", window.balanceUnsupportedWebview);
    box.style.font = "14px 'Microsoft YaHei', 'Segoe UI', sans-serif";
    box.style.padding = "12px";
    box.appendChild(
      paragraph(
        "此版本 Excel 用 Internet Explorer 11 或旧版 Edge 显示加载项，无法运行均衡任务窗格。" +
          "请安装 Microsoft Edge WebView2 运行时后重启 Excel，或在浏览器中使用离线网页版：" +
          webApp,
        "zh-CN"
      )
    );
    // volume-licensed Excel 2016 and 2019 show add-ins in IE11 whether or not WebView2 is installed (Microsoft's
    // "Browsers and webview controls used by Office Add-ins"): there installing it does not help
    if (trident) {
      box.appendChild(
        paragraph(
          "批量许可版 Excel 2016、2019（“文件 → 账户 → 关于 Excel”中版本为 1808 或 16.0.xxxx.xxxx）" +
            "装了 WebView2 也仍用 Internet Explorer 11，不能运行任务窗格：请直接使用上面的离线网页版。",
          "zh-CN"
        )
      );
    }
    box.appendChild(
      paragraph(
        "This Excel shows add-ins in Internet Explorer 11 or old Edge, which cannot run the Balance pane. " +
          "Install the Microsoft Edge WebView2 Runtime and restart Excel, or use the offline web app in a browser: " +
          webApp,
        "en"
      )
    );
    if (trident) {
      box.appendChild(
        paragraph(
          "Volume-licensed Excel 2016 and 2019 (File > Account > About Excel shows 1808 or 16.0.xxxx.xxxx) keep " +
            "Internet Explorer 11 even with WebView2 installed and cannot run the pane: use the web app above.",
          "en"
        )
      );
    }
    root.appendChild(box);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
