import type { ReactNode } from 'react';

/** An error the user must notice: announced at once (role="alert"). */
export function Alert({ children }: { children: ReactNode }) {
  return (
    <div className="alert" role="alert">
      <span aria-hidden="true">⚠ </span>
      {children}
    </div>
  );
}

/** A polite status message (role="status"), e.g. "Kladde gemt lokalt kl. 14:05". */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <p className="status-message" role="status">
      {children}
    </p>
  );
}
