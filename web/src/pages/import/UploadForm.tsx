import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField.js';
import { FILE_ACCEPT, fileProblem, isMonth, MAX_UPLOAD_MB, type FileProblem } from '../../importing.js';

export interface UploadFormProps {
  busy: boolean;
  /** Called when the file or period changes: an old preview no longer describes what would be sent. */
  onChange: () => void;
  onPreview: (file: File, period: string) => void;
}

/** The period (for a wide file without a period column) and the file; checks what it can before sending. */
export function UploadForm({ busy, onChange, onPreview }: UploadFormProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [period, setPeriod] = useState('');
  const [fileIssue, setFileIssue] = useState<FileProblem | 'missing' | null>(null);
  const [periodTouched, setPeriodTouched] = useState(false);
  const periodValid = period === '' || isMonth(period);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPeriodTouched(true);
    if (!file) {
      setFileIssue('missing');
      return;
    }
    const issue = fileProblem(file);
    setFileIssue(issue);
    if (issue || !periodValid) return;
    onPreview(file, period);
  };

  const fileMessage =
    fileIssue === 'missing'
      ? t('importPage.upload.chooseFile')
      : fileIssue && file
        ? t(`importPage.upload.${fileIssue}`, { file: file.name, max: MAX_UPLOAD_MB })
        : null;

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <FormField
          label={t('importPage.upload.period')}
          hint={t('importPage.upload.periodHint')}
          error={periodTouched && !periodValid ? t('importPage.periodInvalid') : undefined}
        >
          <input
            className="input"
            type="month"
            value={period}
            min="2000-01"
            max="2100-12"
            placeholder={t('importPage.periodPlaceholder')}
            onChange={(e) => {
              setPeriod(e.target.value);
              onChange();
            }}
          />
        </FormField>
        <FormField className="field-wide" label={t('importPage.upload.file')} error={fileMessage ?? undefined}>
          <input
            className="input file-input"
            type="file"
            accept={FILE_ACCEPT}
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              setFileIssue(chosen ? fileProblem(chosen) : null);
              onChange();
            }}
          />
        </FormField>
      </div>
      <p className="all-or-nothing">{t('importPage.allOrNothing')}</p>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('importPage.upload.previewing') : t('importPage.upload.preview')}
        </button>
      </div>
    </form>
  );
}
