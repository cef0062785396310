/**
 * `npm run profile:summary -- FILE.cpuprofile [--top 25]`: self time by function and by package from a
 * V8 CPU profile (`node --cpu-prof`), to see where a build spends its time.
 */
import { readFileSync } from 'node:fs';
import { parseCommand } from '../tools/command-line.ts';

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

const { values, positionals } = parseCommand({
  name: 'profile:summary',
  usage: 'npm run profile:summary -- FILE.cpuprofile [--top N]',
  description:
    'Prints the self time by package and by function from a V8 CPU profile (written by `node --cpu-prof`), to see where a build spends its time.',
  positionals: { name: 'FILE.cpuprofile', description: 'a V8 CPU profile', min: 1, max: 1 },
  options: {
    top: {
      type: 'string',
      value: 'N',
      default: '25',
      number: { integer: true, min: 1 },
      description: 'how many packages and functions to list',
    },
  },
});
const [file = ''] = positionals;
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
const { top } = values;
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
