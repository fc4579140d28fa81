/**
 * A binary max-heap of candidates by key over typed arrays; equal keys pop the lower candidate index first, which is
 * what makes the lazy greedy's picks deterministic.
 */
export class CandidateHeap {
  private readonly keys: Float64Array;
  private readonly items: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
  }

  private above(a: number, b: number): boolean {
    const ka = this.keys[a]!;
    const kb = this.keys[b]!;
    return ka > kb || (ka === kb && this.items[a]! < this.items[b]!);
  }

  private swap(a: number, b: number): void {
    const key = this.keys[a]!;
    this.keys[a] = this.keys[b]!;
    this.keys[b] = key;
    const item = this.items[a]!;
    this.items[a] = this.items[b]!;
    this.items[b] = item;
  }

  push(candidate: number, key: number): void {
    let at = this.size++;
    this.keys[at] = key;
    this.items[at] = candidate;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.above(at, parent)) break;
      this.swap(at, parent);
      at = parent;
    }
  }

  topCandidate(): number {
    if (this.size === 0) throw new Error('the heap is empty');
    return this.items[0]!;
  }

  topKey(): number {
    if (this.size === 0) throw new Error('the heap is empty');
    return this.keys[0]!;
  }

  pop(): number {
    const top = this.topCandidate();
    this.size--;
    if (this.size > 0) {
      this.keys[0] = this.keys[this.size]!;
      this.items[0] = this.items[this.size]!;
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let best = at;
        if (left < this.size && this.above(left, best)) best = left;
        if (right < this.size && this.above(right, best)) best = right;
        if (best === at) break;
        this.swap(at, best);
        at = best;
      }
    }
    return top;
  }
}
