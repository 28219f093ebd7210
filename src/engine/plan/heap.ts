/** A min-heap of member positions keyed by a number. */
export class Heap {
  private keys: number[] = [];
  private items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: number, key: number): void {
    let i = this.items.length;
    this.items.push(item);
    this.keys.push(key);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p] <= key) break;
      this.items[i] = this.items[p];
      this.keys[i] = this.keys[p];
      i = p;
    }
    this.items[i] = item;
    this.keys[i] = key;
  }
  /** the least key's item; its key in `lastKey` */
  lastKey = 0;
  pop(): number {
    const top = this.items[0];
    this.lastKey = this.keys[0];
    const item = this.items.pop() as number;
    const key = this.keys.pop() as number;
    const n = this.items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && this.keys[r] < this.keys[l] ? r : l;
        if (this.keys[c] >= key) break;
        this.items[i] = this.items[c];
        this.keys[i] = this.keys[c];
        i = c;
      }
      this.items[i] = item;
      this.keys[i] = key;
    }
    return top;
  }
}
