import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n';

function CrashMessage() {
  const t = useT();
  return (
    <main id="main" className="crash" role="alert">
      <h1>{t('shell.crash.title')}</h1>
      <p>{t('shell.crash.body')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('shell.crash.reload')}
      </button>
    </main>
  );
}

interface State {
  failed: boolean;
}

/** Catches a render error anywhere below and shows a Danish message instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Unhandled error in the UI', error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <CrashMessage /> : this.props.children;
  }
}
