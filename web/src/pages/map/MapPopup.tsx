/** What a tap on a commune shows on the map itself (a phone's first view): its name, value and profile link. */
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link.js';
import { useLocation } from '../../navigation.js';
import { routeHref } from '../../routes.js';

export interface MapPopupProps {
  code: string;
  name: string;
  valueText: string;
  what: string;
}

export function MapPopup({ code, name, valueText, what }: MapPopupProps) {
  const { t } = useTranslation();
  const { search } = useLocation();
  return (
    <div className="map-popup-body" role="group" aria-label={name}>
      <p className="map-popup-name">{name}</p>
      <p className="map-popup-value">
        <strong>{valueText}</strong>
        <span>{what}</span>
      </p>
      <Link
        className="button button-secondary map-popup-link"
        href={routeHref('commune', search, {}, { code })}
        aria-label={t('mapPage.popup.profileLabel', { name })}
      >
        {t('mapPage.popup.profile')} →
      </Link>
    </div>
  );
}
