// A seeded mutation fuzzer for status payloads, shared by packages/core/test/node/fuzz.test.mjs and `npm run bench`. Each case
// applies a few mutations to a copy of a real payload: a field deleted, a type swapped, null, a huge string, an
// unknown enum value, a prototype key, a deep nest, a subtree moved elsewhere, an array flooded. Only the path to
// the mutated node is copied, so a case costs what its path costs, not what the payload weighs.

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same cases on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit seed from a name (FNV-1a), so each fixture has its own reproducible sequence. */
export function seedOf(name) {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i += 1) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// Built once: a case reuses them instead of allocating megabytes each time.
const HUGE = 'x'.repeat(2 * 1024 * 1024);
const LONG_WORD = 'ꙮ'.repeat(20_000);
const DEEP = (() => {
  let value = {};
  for (let i = 0; i < 2000; i += 1) value = { value: [value] };
  return value;
})();
const WEIRD = [
  null,
  undefined,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  Number.NaN,
  Infinity,
  '',
  ' ',
  'purple',
  'UNKNOWN_ENUM_VALUE',
  '42',
  '0',
  '2020-13-45T25:61:00Z',
  'Sat Foo 99 2022 18:55:50 GMT+9999',
  'javascript:alert(1)',
  '//evil.example/x',
  '<img src=x onerror=alert(1)>',
  '\u202e\u0000\u2028bidi',
  '[a](javascript:x) **b** <b>c</b> &amp;',
  // Text as providers really send it, and worse: HTML notes, entities (twice encoded too), runs of whitespace.
  '<p>We&#39;re on it&nbsp;&ldquo;now&rdquo;</p><p><br></p><p>See <a href="https://x.example">the post</a>.&nbsp;</p>',
  '&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;nbsp; &#60;b&#62;x&#60;/b&#62; &amp;lt;!-- c',
  '  lots\t\tof   space \r\n\r\n\r\n\u00a0 and\u2028 lines\u3000 ',
  '**bold** _it_ `code` [link](https://x.example "t") <https://auto.example> # h\n- item',
  '<!-- c --><scr<script>ipt>x</script><b\n>y</b><img src=x onerror=alert(1)>',
  HUGE,
  LONG_WORD,
  [],
  {},
  [null],
  [[[]]],
  { constructor: 1 },
  { __proto__: { polluted: true } },
  Object.create(null),
  { toString: 1, valueOf: 2, hasOwnProperty: 3 },
  DEEP,
];
const ENUMS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'full_outage', 'MAJOROUTAGE', 'danger', 'planned', '600', 600, 7, -3, 'in_progress'];

function children(node) {
  if (Array.isArray(node)) return node.map((_, i) => i);
  if (node && typeof node === 'object') return Object.keys(node);
  return [];
}

/** A random path from the root: deeper nodes are as likely as shallow ones to be hit, over many cases. */
function pick(root, random) {
  const path = [];
  let node = root;
  for (;;) {
    const keys = children(node);
    if (!keys.length || (path.length && random() < 0.25)) return path;
    const key = keys[Math.floor(random() * keys.length)];
    path.push(key);
    node = node[key];
  }
}

function at(root, path) {
  let node = root;
  for (const key of path) node = node?.[key];
  return node;
}

const DELETE = Symbol('delete');

/** One mutation of `root`, chosen and placed by `random`. */
export function mutateOnce(root, random) {
  const path = pick(root, random);
  const roll = random();
  const choose = (list) => list[Math.floor(random() * list.length)];
  if (roll < 0.2) return path.length ? updateLeaf(root, path, () => DELETE) : root;
  if (roll < 0.55) return updateLeaf(root, path, () => choose(WEIRD));
  if (roll < 0.65) return updateLeaf(root, path, () => choose(ENUMS));
  if (roll < 0.75) return updateLeaf(root, path, (v) => (random() < 0.5 ? [v] : { value: v }));
  if (roll < 0.85) {
    // A subtree of the payload, somewhere it does not belong.
    const donor = at(root, pick(root, random));
    return updateLeaf(root, path, () => donor);
  }
  if (roll < 0.93) {
    return updateLeaf(root, path, (v) => (Array.isArray(v) ? Array.from({ length: 300 }, (_, i) => v[i % Math.max(1, v.length)]) : typeof v === 'string' ? v.repeat(3) : v));
  }
  // A value of another type that JSON can carry: numbers as strings, strings as numbers, objects as strings.
  return updateLeaf(root, path, (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? Number(v) || v.length : JSON.stringify(v ?? null)));
}

function updateLeaf(root, path, change) {
  if (!path.length) {
    const next = change(root);
    return next === DELETE ? {} : next;
  }
  const parent = path.slice(0, -1);
  const key = path.at(-1);
  return updateAt(root, parent, (node) => {
    const copy = Array.isArray(node) ? [...node] : { ...node };
    const value = change(node[key]);
    if (value === DELETE) {
      if (Array.isArray(copy)) copy.splice(key, 1);
      else delete copy[key];
    } else copy[key] = value;
    return copy;
  });
}

function updateAt(root, path, change) {
  if (!path.length) return change(root);
  const [key, ...rest] = path;
  const copy = Array.isArray(root) ? [...root] : { ...root };
  copy[key] = updateAt(root[key], rest, change);
  return copy;
}

/** Case `index` of the sequence for `seed`: 1 to 3 mutations of `base`. Reproducible from (seed, index). */
export function fuzzCase(base, seed, index) {
  const random = prng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  let value = base;
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i += 1) value = mutateOnce(value, random);
  return value;
}
