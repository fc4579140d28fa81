import { useTranslation } from 'react-i18next';

/** "Minh họa": marks figures computed from the demo's synthetic inputs. */
export function DemoTag() {
  const { t } = useTranslation();
  return (
    <span className="tag tag-demo" title={t('demo.tagTitle')}>
      {t('demo.tag')}
    </span>
  );
}
