import { useTranslation } from 'react-i18next';
import type { PriorityPlace } from './planner-api.js';
import { ScrollTable } from '../../components/ScrollTable.js';

/** The border and economic-zone communes' main settlements: covered by 5G before the plan, and after it. */
export function PriorityPlaces({ places }: { places: readonly PriorityPlace[] }) {
  const { t } = useTranslation();
  const mark = (covered: boolean) => (
    <span className={covered ? 'tag tag-ok' : 'tag tag-warn'}>
      {covered ? t('planner.result.covered') : t('planner.result.notCovered')}
    </span>
  );
  return (
    <section className="planner-section">
      <h3 className="section-title">{t('planner.result.placesTitle')}</h3>
      {places.length === 0 ? (
        <p className="muted">{t('planner.result.placesNone')}</p>
      ) : (
        <ScrollTable label={t('planner.result.placesTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('planner.result.communeName')}</th>
              <th scope="col">{t('planner.result.marks')}</th>
              <th scope="col">{t('planner.result.placeBefore')}</th>
              <th scope="col">{t('planner.result.placeAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {places.map((place) => (
              <tr key={`${place.unit}-${place.kind}`}>
                <th scope="row">{place.name}</th>
                <td>{t(`planner.result.placeKind.${place.kind}`)}</td>
                <td>{mark(place.coveredBefore)}</td>
                <td>{mark(place.coveredAfter.at(-1) ?? place.coveredBefore)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}
