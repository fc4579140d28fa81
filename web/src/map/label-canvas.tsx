/**
 * Text drawn on a canvas above the MapLibre canvas, redrawn with every frame: MapLibre's own text layers would
 * need a glyph server, which an offline map does not have. Labels that would overlap are left out (placeLabels).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { placeLabels, type LabelCandidate } from './labels.js';

/** How a layer's labels look: white-on-dark numbers, dark-on-light names. */
export interface LabelLook {
  font: string;
  /** Pixels kept free around each label. */
  gap: number;
  haloWidth: number;
  haloColour: string;
}

export interface PaintedLabel extends LabelCandidate {
  colour: string;
}

/** The labels wanted in this frame, at their screen positions; `measure` gives a text's width in the look's font. */
export type FrameLabels = (measure: (text: string) => number) => readonly PaintedLabel[];

export interface LabelCanvasProps {
  map: MapLibreMap;
  look: LabelLook;
  /** Called for every frame; a new function redraws at once. */
  labels: FrameLabels;
}

export function LabelCanvas({ map, look, labels }: LabelCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const node = canvas.current;
    const context = node?.getContext('2d');
    if (!node || !context) return;
    const widths = new Map<string, number>();
    const measure = (text: string) => {
      let width = widths.get(text);
      if (width === undefined) {
        width = context.measureText(text).width;
        widths.set(text, width);
      }
      return width;
    };
    const draw = () => {
      const frame = map.getCanvas();
      const width = frame.clientWidth;
      const height = frame.clientHeight;
      const ratio = window.devicePixelRatio || 1;
      if (node.width !== Math.round(width * ratio) || node.height !== Math.round(height * ratio)) {
        node.width = Math.round(width * ratio);
        node.height = Math.round(height * ratio);
        node.style.width = `${width}px`;
        node.style.height = `${height}px`;
      }
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, width, height);
      context.font = look.font;
      const candidates = labels(measure);
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      context.lineJoin = 'round';
      for (const label of placeLabels(candidates, { width, height }, look.gap)) {
        context.lineWidth = look.haloWidth;
        context.strokeStyle = look.haloColour;
        context.strokeText(label.text, label.x, label.y);
        context.fillStyle = label.colour;
        context.fillText(label.text, label.x, label.y);
      }
    };
    draw();
    map.on('render', draw);
    map.on('resize', draw);
    return () => {
      map.off('render', draw);
      map.off('resize', draw);
    };
  }, [map, look, labels]);

  // Inside MapLibre's canvas container, right after its canvas: above the map, below popups and controls.
  return createPortal(<canvas ref={canvas} className="map-labels" aria-hidden="true" />, map.getCanvasContainer());
}
