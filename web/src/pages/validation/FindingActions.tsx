import { useTranslation } from 'react-i18next';
import type { Violation } from '../../api/types.js';
import { Link } from '../../components/Link.js';
import { routeHref } from '../../routes.js';

export interface FindingActionHandlers {
  onExplain: (v: Violation) => void;
  onUnmark: (v: Violation) => void;
}

/** What can be done with a finding: explain it (or take that back) and open its values in the entry form. */
export function FindingActions({
  v,
  canExplain,
  onExplain,
  onUnmark,
}: FindingActionHandlers & { v: Violation; canExplain: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="checks-actions">
      {canExplain &&
        (v.explanation ? (
          <button type="button" className="button button-secondary" onClick={() => onUnmark(v)}>
            {t('checks.unmark')}
          </button>
        ) : (
          <button type="button" className="button button-secondary" onClick={() => onExplain(v)}>
            {t('checks.markExplained')}
          </button>
        ))}
      <Link className="button button-secondary" href={routeHref('entry', '', { unit: v.unit, period: v.period })}>
        {t('checks.openEntry')}
      </Link>
    </div>
  );
}
