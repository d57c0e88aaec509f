// vitest 5 targets Node ≥ 22; on Node 20 its reporter calls Map.groupBy and
// crashes exactly when a test fails, hiding the failure. This fills the gap.
if (!Map.groupBy) {
  Map.groupBy = (items, key) => {
    const map = new Map();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      if (!map.has(k)) map.set(k, []);
      map.get(k).push(item);
    }
    return map;
  };
}
if (!Object.groupBy) {
  Object.groupBy = (items, key) => {
    const obj = Object.create(null);
    let i = 0;
    for (const item of items) (obj[key(item, i++)] ??= []).push(item);
    return obj;
  };
}
