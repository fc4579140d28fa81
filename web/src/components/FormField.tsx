import { cloneElement, useId, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Props the field hands to its control so that the label, the hint and the error belong to it. */
export interface FieldControlProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
}

export interface FormFieldProps {
  label: ReactNode;
  /** One control (input, select, textarea); it receives the id and the ARIA links. */
  children: ReactElement<FieldControlProps>;
  hint?: ReactNode;
  /** The error to show; its presence marks the control invalid. */
  error?: ReactNode;
  /** A warning that does not block saving (a value far from last period's, say). */
  warning?: ReactNode;
  required?: boolean;
  className?: string;
  /** A fixed id for the control (labels elsewhere point to it); otherwise one is made. */
  id?: string;
}

/**
 * The one label–control–hint–error frame of every form: the label names the control, the hint and the message
 * are read with it (aria-describedby), and an error marks it invalid.
 */
export function FormField({ label, children, hint, error, warning, required, className, id }: FormFieldProps) {
  const { t } = useTranslation();
  const madeId = useId();
  const controlId = id ?? `${madeId}-control`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const warningId = `${controlId}-warning`;
  const describedBy = [hint && hintId, error && errorId, warning && warningId].filter(Boolean).join(' ');
  const control = cloneElement(children, {
    id: controlId,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(error ? { 'aria-invalid': true } : {}),
    ...(required ? { 'aria-required': true } : {}),
  });
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={controlId}>
        {label}
        {required && <span className="field-required"> ({t('form.required')})</span>}
      </label>
      {control}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
      {warning && (
        <p className="field-warning" id={warningId}>
          {warning}
        </p>
      )}
    </div>
  );
}
