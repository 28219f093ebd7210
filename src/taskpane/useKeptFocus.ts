import { useCallback, useEffect, useRef, type FocusEvent, type RefObject } from "react";

/**
 * Keeps the keyboard's place when an action takes away what had the focus (a message bar dismissed, a view
 * replaced by another, a button hidden with its view): the focus would drop to <body>, and a screen reader's user
 * would start again from the top of the page. It goes to `target` instead, the view shown. Only a focus inside
 * `root` is kept; a click on an empty part of the page, which leaves the control clicked last where it was, moves
 * nothing.
 */
export function useKeptFocus(root: RefObject<HTMLElement | null>, target: () => HTMLElement | null) {
  const last = useRef<HTMLElement | null>(null);
  const recover = useCallback(() => {
    const was = last.current;
    const doc = root.current?.ownerDocument;
    if (!was || !doc) return;
    const active = doc.activeElement;
    const gone = !was.isConnected || was.closest("[hidden]") !== null;
    const lost = !active || active === doc.body;
    // a browser may keep the focus on a control hidden with its view, where no key reaches anything
    if (!(lost && (gone || was.matches(":disabled"))) && !(active === was && gone)) return;
    last.current = null;
    target()?.focus();
  }, [root, target]);
  // after every change drawn: the control may have gone with it
  useEffect(() => recover());
  return {
    onFocus: (e: FocusEvent) => {
      if (root.current?.contains(e.target)) last.current = e.target as HTMLElement;
    },
    // a control removed by a change of a part's own state, which draws nothing here
    onBlur: () => void setTimeout(recover, 0),
  };
}
