import { NATIONAL_2017 } from "../standard/national2017";
import type { Profile } from "../standard/profile";

/**
 * The profile the BALANCE functions evaluate against. Task pane and functions share one runtime, so when the
 * user chooses a profile in the pane, the pane calls setActiveProfile and every function follows it.
 */
let active: Profile = NATIONAL_2017;
const listeners = new Set<(profile: Profile) => void>();

export function activeProfile(): Profile {
  return active;
}

/** Makes `profile` the one the functions use; listeners (the Excel layer: a full recalculation) are told. */
export function setActiveProfile(profile: Profile): void {
  if (profile === active) return;
  active = profile;
  for (const listener of listeners) listener(profile);
}

/** @returns a function that removes the listener */
export function onActiveProfileChange(listener: (profile: Profile) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
