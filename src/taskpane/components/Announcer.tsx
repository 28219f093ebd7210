import { AnnounceProvider, type AnnounceContextValue } from "@fluentui/react-components";
import { useMemo, useRef, type ReactNode } from "react";
import { usePaneStyles } from "../styles";

type Announce = AnnounceContextValue["announce"];

/** How long a message stays in its live region: long enough for a screen reader to notice it (Fluent's figure). */
const SAID_FOR_MS = 500;

/**
 * What Fluent's message bars say as they appear, read out by a screen reader: a polite live region for a notice
 * (intent info, or a bar marked polite) and an assertive one, what role="alert" implies, for an error or a
 * warning. Fluent's own announcer has one assertive region for both (its alerts are a to-do) and hangs it on
 * <body>, outside every landmark. Each message is said once: the bar itself carries no live role. Where the browser
 * has document.ariaNotify (Chromium), the message is handed to it instead, at high priority for an error, as
 * Fluent does. As in Fluent's announcer, a message is a span whose innerText is set (Narrator hears text in an
 * element, not text alone), taken away again after a moment, so that no text is found twice on the page.
 */
export function Announcer(props: { children: ReactNode }) {
  const styles = usePaneStyles();
  const polite = useRef<HTMLDivElement>(null);
  const assertive = useRef<HTMLDivElement>(null);
  const value = useMemo<{ announce: Announce }>(
    () => ({
      announce: (message, options = {}) => {
        // Fluent's message bar asks { polite } for info and { alert } for the others
        const politely = options.polite === true && !options.alert;
        const region = politely ? polite.current : assertive.current;
        if (!region || !message.trim()) return;
        const doc = region.ownerDocument as Document & {
          ariaNotify?: (message: string, options: { priority: "normal" | "high" }) => void;
        };
        if (typeof doc.ariaNotify === "function") {
          doc.ariaNotify(message, { priority: politely ? "normal" : "high" });
          return;
        }
        const said = doc.createElement("span");
        said.innerText = message;
        // the words said before are taken away: the same words said again are still a change
        region.replaceChildren(said);
        setTimeout(() => said.remove(), SAID_FOR_MS);
      },
    }),
    [],
  );
  return (
    <AnnounceProvider value={value}>
      {props.children}
      <div ref={polite} className={styles.visuallyHidden} aria-live="polite" data-announce="polite" />
      <div
        ref={assertive}
        className={styles.visuallyHidden}
        aria-live="assertive"
        data-announce="assertive"
      />
    </AnnounceProvider>
  );
}

/** Silences the message bars inside: their words are read as the focus moves to them, not a second time. */
export function SaidByFocus(props: { children: ReactNode }) {
  const value = useMemo<{ announce: Announce }>(() => ({ announce: () => undefined }), []);
  return <AnnounceProvider value={value}>{props.children}</AnnounceProvider>;
}
