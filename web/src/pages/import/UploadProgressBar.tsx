import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import type { UploadProgress } from './upload-import.js';

const size = (bytes: number, lang: Lang) => {
  const nf = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024 ? `${nf.format(bytes / 1024 / 1024)} MB` : `${nf.format(Math.ceil(bytes / 1024))} KB`;
};

/**
 * How far a request is: bytes sent while uploading, then an indeterminate bar while the server reads and checks
 * the rows (it reports no progress of its own).
 */
export function UploadProgressBar({ progress, file, lang }: { progress: UploadProgress; file: string; lang: Lang }) {
  const { t } = useTranslation();
  const uploading = progress.phase === 'uploading';
  const label = t('importPage.progress.label', { file });
  return (
    <div className="upload-progress" role="status" aria-live="polite">
      {uploading ? (
        <progress aria-label={label} max={Math.max(progress.totalBytes, 1)} value={progress.sentBytes} />
      ) : (
        <progress aria-label={label} />
      )}
      <p className="upload-progress-text">
        {uploading
          ? t('importPage.progress.uploading', {
              sent: size(progress.sentBytes, lang),
              total: size(progress.totalBytes, lang),
            })
          : t('importPage.progress.processing')}
      </p>
    </div>
  );
}
