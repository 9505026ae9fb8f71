import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from './button';

interface State {
  error: Error | null;
}

/** Catches a crashed page so the shell and navigation keep working; "Try again" re-renders it. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Page crashed:', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="rounded-xl border border-red-300 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950">
        <h2 className="text-lg font-semibold">This page ran into a problem</h2>
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
          The rest of the app still works. You can try this page again or go elsewhere.
        </p>
        <details className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          <summary className="cursor-pointer">Details</summary>
          <p className="mt-1 break-words whitespace-pre-wrap">{error.message}</p>
        </details>
        <Button className="mt-4" onClick={() => this.setState({ error: null })}>
          Try again
        </Button>
      </div>
    );
  }
}
