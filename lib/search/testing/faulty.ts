import type { SearchIndex } from '../port';

/**
 * A real adapter behind a switch that makes writes fail (throw) or hang past a timeout, for the fault cases of the
 * contract suite. Reads are passed through: only sync is under test.
 */
export type Fault = 'none' | 'throw' | 'timeout';

export class FaultyIndex implements SearchIndex {
  fault: Fault = 'none';
  failures = 0;
  constructor(
    readonly inner: SearchIndex,
    readonly timeoutMs = 50,
  ) {}
  get engine() {
    return this.inner.engine;
  }
  private async gate(): Promise<void> {
    if (this.fault === 'none') return;
    this.failures++;
    if (this.fault === 'throw') throw new Error('search engine unavailable (injected)');
    await new Promise((_, reject) => setTimeout(() => reject(new Error('search engine timed out (injected)')), this.timeoutMs));
  }
  ensureIndex: SearchIndex['ensureIndex'] = async (...a) => this.inner.ensureIndex(...a);
  upsert: SearchIndex['upsert'] = async (...a) => {
    await this.gate();
    return this.inner.upsert(...a);
  };
  remove: SearchIndex['remove'] = async (...a) => {
    await this.gate();
    return this.inner.remove(...a);
  };
  replaceAll: SearchIndex['replaceAll'] = async (...a) => {
    await this.gate();
    return this.inner.replaceAll(...a);
  };
  search: SearchIndex['search'] = (...a) => this.inner.search(...a);
  documents: SearchIndex['documents'] = (...a) => this.inner.documents(...a);
  health: SearchIndex['health'] = () => this.inner.health();
}
