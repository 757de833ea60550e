/**
 * A stand-in that forwards every property and method to whatever `current()` returns at the time,
 * so holders of the view keep working when the thing behind it is swapped (a rebuilt index, a
 * republished catalogue).
 */
export function liveView<T extends object>(current: () => T): T {
  return new Proxy(current(), {
    get(_target, prop) {
      const target = current();
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
