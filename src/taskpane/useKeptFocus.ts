import { useCallback, useEffect, useRef, type FocusEvent, type RefObject } from "react";

/**
 * Keeps the keyboard's place when an action takes away what had the focus (a message bar dismissed, a view
 * replaced by another, a button hidden with its view): the focus would drop to <body>, and a screen reader's user
 * would start again from the top of the page. It goes to `target` instead, the view shown; to a control disabled
 * while it works (a browser drops the focus of a disabled control), back to it once it is enabled again. Only a
 * focus inside `root` is kept; a click on an empty part of the page, which leaves the control clicked last where it
 * was, moves nothing.
 */
export function useKeptFocus(root: RefObject<HTMLElement | null>, target: () => HTMLElement | null) {
  const last = useRef<HTMLElement | null>(null);
  /** the control last used was disabled while it had the focus (读取并检查 while it reads): a browser drops it */
  const waiting = useRef<MutationObserver | null>(null);
  /**
   * The control that lost the focus by being disabled. React hears no blur a render of its own causes (it mutes
   * events while it changes the page), so this is heard on the page itself; and an action over before the check
   * (下载工作簿 pressed again writes the file with the page too busy for a timer) finds it enabled again.
   */
  const disabledAway = useRef<HTMLElement | null>(null);
  const stopWaiting = () => {
    waiting.current?.disconnect();
    waiting.current = null;
  };
  const recover = useCallback(() => {
    const was = last.current;
    const doc = root.current?.ownerDocument;
    if (!was || !doc) return;
    const active = doc.activeElement;
    const gone = !was.isConnected || was.closest("[hidden]") !== null;
    const lost = !active || active === doc.body;
    if (lost && !gone) {
      // back to the control once it can be used again, as if it had kept the focus all along
      if (was.matches(":disabled")) {
        // enabled by a change of its own part's state, which draws nothing here
        if (!waiting.current) {
          waiting.current = new MutationObserver(recover);
          waiting.current.observe(was, { attributes: true, attributeFilter: ["disabled"] });
        }
      } else if (waiting.current || disabledAway.current === was) {
        stopWaiting();
        disabledAway.current = null;
        was.focus();
      }
      return;
    }
    stopWaiting();
    // a browser may keep the focus on a control hidden with its view, where no key reaches anything
    if (!(lost || active === was) || !gone) return;
    last.current = null;
    target()?.focus();
  }, [root, target]);
  // after every change drawn: the control may have gone with it
  useEffect(() => recover());
  useEffect(() => stopWaiting, []);
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const away = (e: Event) => {
      const target = e.target as HTMLElement;
      if (target !== last.current || !target.matches(":disabled")) return;
      disabledAway.current = target;
      setTimeout(recover, 0);
    };
    element.addEventListener("focusout", away);
    return () => element.removeEventListener("focusout", away);
  }, [root, recover]);
  return {
    onFocus: (e: FocusEvent) => {
      if (!root.current?.contains(e.target)) return;
      last.current = e.target as HTMLElement;
      disabledAway.current = null;
      stopWaiting();
    },
    // a control removed by a change of a part's own state, which draws nothing here
    onBlur: () => void setTimeout(recover, 0),
  };
}
