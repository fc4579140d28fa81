/** The map page's list of where the coverage model finds the most uncovered people. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import type { CoverageHotspot, Technology } from '../../api/types.js';
import { DemoTag } from '../../components/DemoTag.js';
import { formatCount } from '../../format.js';

const PAGE = 10;

export interface HotspotListProps {
  lang: Lang;
  tech: Technology;
  hasRun: boolean;
  demo: boolean;
  /** Sorted, largest first. */
  hotspots: readonly CoverageHotspot[];
  nameOf: (code: string) => string;
  onShow: (index: number) => void;
}

export function HotspotList(props: HotspotListProps) {
  const { t } = useTranslation();
  const id = useId();
  const [limit, setLimit] = useState(PAGE);
  const { hotspots, lang } = props;
  const shown = hotspots.slice(0, limit);
  const rest = hotspots.length - shown.length;
  return (
    <section className="panel map-panel" aria-labelledby={`${id}-title`}>
      <div className="map-panel-head">
        <h2 id={`${id}-title`} className="panel-title">
          {t('mapPage.hotspots.title')}
        </h2>
        {props.demo && hotspots.length > 0 && <DemoTag />}
      </div>
      {!props.hasRun ? (
        <p className="panel-hint">{t('mapPage.hotspots.none')}</p>
      ) : hotspots.length === 0 ? (
        <p className="panel-hint">{t('mapPage.hotspots.empty', { tech: props.tech })}</p>
      ) : (
        <>
          <p className="panel-hint">
            {t('mapPage.hotspots.subtitle', { tech: props.tech })}{' '}
            <span className="muted">({t('mapPage.hotspots.total', { count: hotspots.length })})</span>
          </p>
          <ol className="hotspot-list">
            {shown.map((h, i) => {
              const name = props.nameOf(h.unit);
              const people = formatCount(Math.round(h.people), lang);
              return (
                <li key={`${h.unit}:${h.lon}:${h.lat}`}>
                  <button
                    type="button"
                    className="hotspot-item"
                    onClick={() => props.onShow(i)}
                    aria-label={t('mapPage.hotspots.itemLabel', { rank: i + 1, name, people })}
                  >
                    <span className="hotspot-rank" aria-hidden="true">
                      {i + 1}
                    </span>
                    <span className="hotspot-name">{name}</span>
                    <span className="hotspot-people">{t('mapPage.hotspots.people', { value: people })}</span>
                  </button>
                </li>
              );
            })}
          </ol>
          {rest > 0 && (
            <button type="button" className="link-button" onClick={() => setLimit((n) => n + PAGE)}>
              {t('mapPage.hotspots.showMore', { count: Math.min(PAGE, rest) })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
