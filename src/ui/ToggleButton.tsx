import type { ReactNode } from 'react';

interface ToggleButtonProps {
  pressed: boolean;
  onToggle: () => void;
  children: ReactNode;
  className?: string;
}

/** A big one-tap toggle (aria-pressed); pressed is shown by a check mark as well as colour. */
export function ToggleButton({ pressed, onToggle, children, className }: ToggleButtonProps) {
  return (
    <button
      type="button"
      className={['toggle', className].filter(Boolean).join(' ')}
      aria-pressed={pressed}
      onClick={onToggle}
    >
      <span aria-hidden="true" className="toggle-mark">
        {pressed ? '✓' : ''}
      </span>
      {children}
    </button>
  );
}
