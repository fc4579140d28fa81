/**
 * The selected commune (`?unit=` in the URL, so a link or a reload shows it again) and where the camera goes:
 * to a commune chosen from the list, or to a hot spot.
 */
import { useCallback, useRef, useState } from 'react';
import type { BoundaryFeature } from '../../api/types.js';
import type { MapFocus } from '../../map/CoverageMap.js';
import { bboxOf } from '../../map/geo.js';
import { navigate } from '../../navigation.js';

export function useMapSelection(provinceCode: string | null, featureByCode: ReadonlyMap<string, BoundaryFeature>) {
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const focusKey = useRef(0);

  const select = useCallback(
    (code: string | null) => {
      if (!provinceCode) return;
      const url = new URL(window.location.href);
      url.searchParams.set('unit', code ?? provinceCode);
      navigate(url, { replace: true });
    },
    [provinceCode],
  );

  const selectAndShow = (code: string | null) => {
    select(code);
    const feature = code ? featureByCode.get(code) : undefined;
    const box = feature ? bboxOf({ type: 'FeatureCollection', features: [feature] }) : null;
    if (box) setFocus({ key: ++focusKey.current, kind: 'bbox', bbox: box });
  };

  const showPoint = (code: string, lon: number, lat: number) => {
    select(code);
    setFocus({ key: ++focusKey.current, kind: 'point', lon, lat });
  };

  return { focus, select, selectAndShow, showPoint };
}
