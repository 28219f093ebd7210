// The function file of manifest-pane.xml (commands.html): ES5, nothing to do but be ready.
if (window.Office && typeof window.Office.onReady === "function") window.Office.onReady(function () {});
