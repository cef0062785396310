/**
 * `node scripts/profile-summary.ts FILE.cpuprofile [--top 25]`: self time by function and by package from a
 * V8 CPU profile (`node --cpu-prof`), to see where a build spends its time.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
const [file] = positionals;
if (!file) {
  console.error('usage: node scripts/profile-summary.ts FILE.cpuprofile [--top N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfTime = new Map<number, number>();
profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));

const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
for (const [id, micros] of selfTime) {
  const frame = byId.get(id)?.callFrame;
  if (!frame) continue;
  total += micros;
  const location = frame.url.replace(/^file:\/\//, '');
  const pkg =
    /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(location)?.[1] ??
    (location.includes('/src/') ? 'project src' : location ? 'other' : `(${frame.functionName || 'native'})`);
  const name = `${frame.functionName || '(anonymous)'} ${location.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
}
const top = Number(values.top);
const print = (title: string, entries: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `${(micros / 1e6).toFixed(2).padStart(8)} s ${((micros / total) * 100).toFixed(1).padStart(5)}%  ${name}`,
    );
  }
};
console.log(`total sampled: ${(total / 1e6).toFixed(1)} s`);
print('Self time by package', byPackage);
print('Self time by function', byFunction);
