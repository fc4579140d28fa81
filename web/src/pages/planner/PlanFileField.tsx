import { useMutation } from '@tanstack/react-query';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { currentLang } from '../../i18n.js';
import { FILE_ACCEPT } from '../../importing.js';
import type { PlanFormInput, PlanFormValues } from './plan-form-model.js';
import { readPlanFile, type PlanFileKind } from './planner-api.js';

const GEOJSON_ACCEPT = '.geojson,.json,application/geo+json,application/json';

/** The form's fields for each file: its rows and its name. */
const FIELDS = {
  candidates: ['imported', 'importedFile'],
  points: ['points', 'pointsFile'],
  areas: ['excludedAreas', 'excludedAreasFile'],
} as const satisfies Record<PlanFileKind, readonly [keyof PlanFormInput, keyof PlanFormInput]>;

interface PlanFileFieldProps {
  kind: PlanFileKind;
  form: UseFormReturn<PlanFormInput, unknown, PlanFormValues>;
}

/**
 * A file the scenario reads (the partner's candidate sites or points of interest as CSV/XLSX, excluded areas as
 * GeoJSON): sent to the server to be checked as soon as it is chosen; its rows join the form, or the server's
 * refusal names every bad cell or feature.
 */
export function PlanFileField({ kind, form }: PlanFileFieldProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const [rowsField, nameField] = FIELDS[kind];
  const [rows, fileName] = useWatch({ control: form.control, name: [rowsField, nameField] }) as [
    unknown[],
    string | null,
  ];
  const setFile = (read: unknown[], name: string | null) => {
    // Validated again once submitted: the partner's list alone is enough candidates.
    form.setValue(rowsField, read as never, { shouldValidate: form.formState.isSubmitted });
    form.setValue(nameField, name);
  };
  const read = useMutation({
    mutationFn: (file: File) => readPlanFile(kind, file, lang),
    onSuccess: (rows, file) => setFile(rows, file.name),
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
          <button type="button" className="button button-secondary" onClick={() => setFile([], null)}>
            {t('planner.form.file.clear')}
          </button>
        </p>
      )}
    </div>
  );
}
