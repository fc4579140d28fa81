import { useEffect, useMemo, useState, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/FormField.js';
import { checkFormula, knownFormulas, type FormulaProblem } from './formula-check.js';

/** Pause after the last key before checking: no message flickers while a reference is half typed. */
export const FORMULA_CHECK_DELAY_MS = 300;

export interface FormulaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value'> {
  /** The indicator being edited: a formula may not refer to it. */
  code: string;
  value: string;
  catalogue: readonly { code: string; formula: string | null }[];
  /** Told whether the formula (after the pause) is acceptable, so that saving can wait for a good one. */
  onCheck?: (problem: FormulaProblem | null) => void;
  /** An error from the form (the server's refusal, say), shown when the live check has none. */
  error?: string | undefined;
}

function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** The formula textarea, checked as the user types with the server's own rules; the error names its position. */
export function FormulaField({ code, value, catalogue, onCheck, error, ...textarea }: FormulaFieldProps) {
  const { t } = useTranslation();
  const known = useMemo(() => knownFormulas(catalogue), [catalogue]);
  const settled = useDebounced(value, FORMULA_CHECK_DELAY_MS);
  const problem = useMemo(() => checkFormula(code, settled, known), [code, settled, known]);
  useEffect(() => onCheck?.(problem), [problem, onCheck]);
  const message = problem ? (
    <>
      {t(`adminIndicators.formulaProblem.${problem.kind}`, { line: problem.line, column: problem.column })}
      {problem.display && (
        <pre className="formula-caret" aria-hidden="true">
          {problem.display}
        </pre>
      )}
      <span className="formula-detail" lang="en">
        {problem.detail}
      </span>
    </>
  ) : (
    error
  );
  return (
    <FormField
      label={t('adminIndicators.formula')}
      hint={
        settled.trim() && !problem && value === settled
          ? t('adminIndicators.formulaOk')
          : t('adminIndicators.formulaHint')
      }
      error={message}
    >
      <textarea className="input formula-input" rows={3} spellCheck={false} value={value} {...textarea} />
    </FormField>
  );
}
