import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import type { Violation } from '../../api/types.js';
import { FormField } from '../../components/FormField.js';
import { FormProblem } from '../../components/FormProblem.js';
import { putExplanation } from './explain-api.js';

/** The same limits as the server's: a comment of 1 to 2000 characters once trimmed. */
export const COMMENT_MAX = 2000;

export interface ExplainDialogProps {
  finding: Violation;
  /** "Subject · unit · period", to say which finding is being explained. */
  title: string;
  lang: Lang;
  onClose: () => void;
  onSaved: () => void;
}

/** A small modal form: the required comment that marks a finding explained. */
export function ExplainDialog({ finding, title, lang, onClose, onSaved }: ExplainDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const schema = z.object({
    comment: z.string().trim().min(1, t('checks.commentRequired')).max(COMMENT_MAX, t('checks.commentTooLong')),
  });
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { comment: finding.explanation?.comment ?? '' },
  });
  const save = useMutation({
    mutationFn: (comment: string) => putExplanation(finding, comment, lang),
    onSuccess: onSaved,
  });

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) {
      // jsdom has no showModal; the dialog is then shown as a plain open element.
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
    }
  }, []);

  const error = form.formState.errors.comment?.message;
  return (
    <dialog
      ref={dialog}
      className="checks-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form className="form" noValidate onSubmit={form.handleSubmit(({ comment }) => save.mutate(comment))}>
        <h2 id={`${id}-title`} className="checks-dialog-title">
          {t('checks.dialogTitle')}
        </h2>
        <p className="muted">{title}</p>
        <FormField label={t('checks.comment')} hint={t('checks.commentHint')} error={error} required>
          <textarea className="input checks-comment" rows={4} autoFocus {...form.register('comment')} />
        </FormField>
        <FormProblem error={save.error} />
        <div className="checks-dialog-actions">
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('checks.cancel')}
          </button>
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? t('checks.saving') : t('checks.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
