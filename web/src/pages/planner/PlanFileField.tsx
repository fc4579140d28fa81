import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { currentLang } from '../../i18n.js';
import { FILE_ACCEPT } from '../../importing.js';
import { readPlanFile, type PlanFileKind } from './planner-api.js';

const GEOJSON_ACCEPT = '.geojson,.json,application/geo+json,application/json';

interface PlanFileFieldProps<Row> {
  kind: PlanFileKind;
  /** The rows read so far (none: no file). */
  rows: readonly Row[];
  onRows: (rows: Row[], fileName: string | null) => void;
  fileName: string | null;
}

/**
 * A file the scenario reads (the partner's candidate sites or points of interest as CSV/XLSX, excluded areas as
 * GeoJSON): sent to the server to be checked as soon as it is chosen; its rows join the settings, or the server's
 * refusal names every bad cell or feature.
 */
export function PlanFileField<Row>({ kind, rows, onRows, fileName }: PlanFileFieldProps<Row>) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const read = useMutation({
    mutationFn: (file: File) => readPlanFile(kind, file, lang) as Promise<Row[]>,
    onSuccess: (read, file) => onRows(read, file.name),
  });
  return (
    <div className="planner-file">
      <FormField label={t(`planner.form.file.${kind}`)} hint={t(`planner.form.file.${kind}Hint`)}>
        <input
          className="input file-input"
          type="file"
          accept={kind === 'areas' ? GEOJSON_ACCEPT : FILE_ACCEPT}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) read.mutate(file);
            event.target.value = ''; // the same file may be chosen again after a fix
          }}
        />
      </FormField>
      {read.isPending && <p role="status">{t('planner.form.file.reading')}</p>}
      {read.error && <ProblemNotice error={read.error} title={t('planner.form.file.problem')} />}
      {fileName && !read.isPending && (
        <p className="planner-file-read" role="status">
          {t(`planner.form.file.${kind}Read`, { count: rows.length, file: fileName })}{' '}
          <button type="button" className="button button-secondary" onClick={() => onRows([], null)}>
            {t('planner.form.file.clear')}
          </button>
        </p>
      )}
    </div>
  );
}
