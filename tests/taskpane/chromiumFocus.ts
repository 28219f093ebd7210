/** A focused control disabled, in jsdom as in Chromium: for the tests of the focus kept after an action. */

/**
 * What Chromium does to a focused button as it is disabled (measured in Debian's Chromium): the focus to <body>
 * and a focusout on the button, there and then, while React is drawing the change. jsdom keeps the focus on a
 * disabled button and refuses to blur it: the attribute set is watched, and the focus taken away by another element.
 * The spy returned is restored by the test.
 */
const setAttribute = Element.prototype.setAttribute;
export function chromiumDropsFocus(): jest.SpyInstance {
  return jest.spyOn(Element.prototype, "setAttribute").mockImplementation(function (
    this: Element,
    name: string,
    value: string,
  ) {
    setAttribute.call(this, name, value);
    if (name !== "disabled" || this !== document.activeElement) return;
    const away = document.body.appendChild(document.createElement("input"));
    away.focus();
    away.blur();
    away.remove();
    this.dispatchEvent(new FocusEvent("focusout", { bubbles: true }));
    this.dispatchEvent(new FocusEvent("blur"));
  });
}
