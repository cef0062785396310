/**
 * `npm run check [-- --json]`: checks every briefing without building the site and prints one line per
 * finding, `path:line:column: error|warning: message`. Exits 1 when there is an error. Honours CONTENT_DIR.
 */
import { resolve } from 'node:path';
import { parseCommand } from '../tools/command-line.ts';

const { values } = parseCommand({
  name: 'check',
  usage: 'npm run check [-- --json]',
  description:
    'Checks every briefing (and the market data) without building the site and prints one line per finding, `path:line:column: error|warning: message`, then a summary. Reads the content folder CONTENT_DIR names (content/ by default); findings are cached per file in the build cache.',
  options: {
    json: {
      type: 'boolean',
      description: 'print one JSON object instead: files, errors, warnings, milliseconds, findings',
    },
  },
  notes: 'Exit status: 0 no errors (warnings allowed), 1 an error was found, 2 wrong usage.',
});
// The checker loads once the command line is read: `--help` answers without it.
const { runContentCheck } = await import('../src/build/content-check-run.ts');
const { formatFinding } = await import('../src/content/finding.ts');
const { routeOf } = await import('../src/site/routes.ts');

const started = performance.now();
const { files, reused, findings } = runContentCheck({ root: resolve(import.meta.dirname, '..'), routeOf });

const errors = findings.filter((finding) => finding.severity === 'error').length;
const warnings = findings.length - errors;
const milliseconds = Math.round(performance.now() - started);
if (values.json) {
  console.log(JSON.stringify({ files, errors, warnings, milliseconds, findings }, null, 2));
} else {
  for (const finding of findings) console.log(formatFinding(finding));
  console.log(
    `${files} ${files === 1 ? 'briefing' : 'briefings'} checked in ${milliseconds} ms (${reused} unchanged, from the cache): ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
  );
}
// exitCode, not exit(): piped output of a large check must be flushed before the process ends.
process.exitCode = errors > 0 ? 1 : 0;
