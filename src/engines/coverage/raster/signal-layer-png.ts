import { PNG } from 'pngjs';
import { SIGNAL_CLASSES, signalClassIndex } from '../../../domain/coverage/signal-classes.js';

/** A signal raster (dBm per cell) as the map layer: a PNG coloured by signal class, transparent where uncovered. */
export function renderSignalLayer(
  raster: { width: number; height: number; data: ArrayLike<number> },
  thresholdDbm: number,
): Buffer {
  const png = new PNG({ width: raster.width, height: raster.height });
  for (let i = 0; i < raster.data.length; i++) {
    const index = signalClassIndex(raster.data[i]!, thresholdDbm);
    const rgba = index >= 0 ? SIGNAL_CLASSES[index]!.rgba : ([0, 0, 0, 0] as const);
    png.data.set(rgba, i * 4);
  }
  return PNG.sync.write(png);
}
