import { AnnounceProvider, type AnnounceContextValue } from "@fluentui/react-components";
import { useMemo, useRef, type ReactNode } from "react";
import { usePaneStyles } from "../styles";

type Announce = AnnounceContextValue["announce"];

/**
 * What Fluent's message bars say as they appear, read out by a screen reader: a polite live region for a notice
 * (intent info, or a bar marked polite) and an assertive one, what role="alert" implies, for an error or a
 * warning. Fluent's own announcer has one assertive region for both (its alerts are a to-do) and hangs it on
 * <body>, outside every landmark. Each message is said once: the bar itself carries no live role.
 */
export function Announcer(props: { children: ReactNode }) {
  const styles = usePaneStyles();
  const polite = useRef<HTMLDivElement>(null);
  const assertive = useRef<HTMLDivElement>(null);
  const value = useMemo<{ announce: Announce }>(
    () => ({
      announce: (message, options = {}) => {
        // Fluent's message bar asks { polite } for info and { alert } for the others
        const region = options.polite && !options.alert ? polite.current : assertive.current;
        if (!region || !message) return;
        const said = region.ownerDocument.createElement("span");
        said.textContent = message;
        // the words said before are taken away: the same words said again are still a change
        region.replaceChildren(said);
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
