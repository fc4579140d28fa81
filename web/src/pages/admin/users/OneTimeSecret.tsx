import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface OneTimeSecretProps {
  title: string;
  hint: string;
  secret: string;
  onDismiss: () => void;
}

/**
 * A password or token the server returns once and never again: shown in full, selectable, with a copy button,
 * until the administrator says it is saved. Nothing keeps it after that.
 */
export function OneTimeSecret({ title, hint, secret, onDismiss }: OneTimeSecretProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false); // not a secure origin, say: the text stays selectable
    }
  };
  return (
    <div className="notice notice-ok one-time-secret" role="status">
      <p className="notice-title">{title}</p>
      <p>{hint}</p>
      <code className="one-time-secret-value" tabIndex={0}>
        {secret}
      </code>
      <div className="admin-form-actions">
        <button type="button" className="button button-secondary" onClick={() => void copy()} aria-live="polite">
          {copied ? t('adminTokens.copied') : t('adminTokens.copy')}
        </button>
        <button type="button" className="button" onClick={onDismiss}>
          {t('adminTokens.dismiss')}
        </button>
      </div>
    </div>
  );
}
