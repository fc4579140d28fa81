import type { ReactNode } from 'react';

/** A read under way: a spinner and what is being loaded, announced politely (role="status"). */
export function LoadingPanel({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div className={className ? `state-panel ${className}` : 'state-panel'} role="status">
      <span className="spinner" aria-hidden="true" />
      {children}
    </div>
  );
}
