/**
 * Chromium keeps the value of every form control without autocomplete="off" in its
 * session-restore files (the form state of each page in a tab's history, in clear on disk) and
 * offers it again as autofill. Case data must never end up there, so every control of the shared
 * field components says "off". Only the caseworker's own sign-in fields may name their purpose
 * instead (WCAG 1.3.5); a password's value is never kept as form state.
 */
export type BrowserMemory = 'off' | 'username' | 'current-password';

/** The attribute every form control gets; spread it last so no caller turns it back on. */
export function browserMemory(ownSignIn: BrowserMemory = 'off'): { autoComplete: BrowserMemory } {
  return { autoComplete: ownSignIn };
}
