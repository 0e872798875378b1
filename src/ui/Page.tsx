import { useEffect, useRef, type ReactNode } from 'react';

interface PageProps {
  /** The visible <h1>. */
  title: string;
  /** The browser's title for the page (kept in its history on disk: no case data). */
  documentTitle: string;
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * One page: sets document.title, renders the page's single <h1>, and moves focus to it when the
 * page opens so a screen reader user hears where they landed after navigating.
 */
export function Page({ title, documentTitle, actions, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="page">
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
