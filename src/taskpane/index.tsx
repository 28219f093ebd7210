import { createRoot } from "react-dom/client";

// The pane's entry point (webpack entry "taskpane"); the task pane itself replaces this heading.
const container = document.getElementById("root");
if (container) {
  createRoot(container).render(<h1>均衡 Balance</h1>);
}
