// An in-memory Web Storage for tests of modules that remember things in localStorage
export class MemoryStorage implements Storage {
  private items: Map<string, string>
  constructor(initial: Record<string, string> = {}) {
    this.items = new Map(Object.entries(initial))
  }
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  setItem(key: string, value: string) {
    this.items.set(key, value)
  }
}
