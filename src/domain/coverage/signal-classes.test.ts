import { expect, it } from 'vitest';
import { signalClassIndex, SIGNAL_CLASSES } from './signal-classes.js';

it('classes levels relative to the threshold, best first', () => {
  expect(SIGNAL_CLASSES[signalClassIndex(-80, -105)]!.key).toBe('strong');
  expect(SIGNAL_CLASSES[signalClassIndex(-105, -105)]!.key).toBe('covered');
  expect(SIGNAL_CLASSES[signalClassIndex(-106, -105)]!.key).toBe('weak');
  expect(signalClassIndex(-130, -105)).toBe(-1);
  expect(signalClassIndex(Number.NaN, -105)).toBe(-1);
});
