/**
 * A view as it prints (src/taskpane/components/PrintedPage.tsx), read in jsdom: its title, the lines of what was
 * read, the line to sign, and its parts printed or not — on paper only the page's children marked data-printed.
 */
export function printedPage(name: string) {
  const page = document.querySelector<HTMLElement>(`[data-print-page="${name}"]`);
  if (!page) throw new Error(`no printed page ${name}`);
  const parts = [...page.children].filter((c) => c.tagName !== "STYLE");
  const printedParts = parts.filter((c) => c.hasAttribute("data-printed"));
  const printed = document.createElement("div");
  for (const part of printedParts) printed.appendChild(part.cloneNode(true));
  const heading = page.querySelector(":scope > [data-print-title]");
  return {
    page,
    title: heading?.querySelector("h1")?.textContent ?? null,
    read: heading?.querySelector("h1 + div")?.textContent ?? null,
    signature: page.querySelector(":scope > [data-print-signature]")?.textContent ?? null,
    /** a copy of the parts printed */
    printed,
    printedText: printedParts.map((c) => c.textContent).join("\n"),
    /** the printed parts' text as paper shows it: without what the print style hides (controls, screen-only hints) */
    paperText: printedParts.map(paperTextOf).join("\n"),
    unprintedText: parts
      .filter((c) => !c.hasAttribute("data-printed"))
      .map((c) => c.textContent)
      .join("\n"),
  };
}

/** An element's text without the parts the print style hides: its controls (buttons but those printed as text)
 * and what is marked for the screen only. */
function paperTextOf(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll("[data-screen-only], button:not([data-print-as-text])"))
    hidden.remove();
  return copy.textContent ?? "";
}
