/**
 * `npm start`: runs the app locally (scripts/start.sh bundles this file with esbuild and runs it on Node 22).
 * Prints the URL and what to try first; Ctrl-C stops everything, MariaDB included.
 */
import { parseArgs } from './options';
import { startPreview } from './preview';

const tips = (url: string, users: number, validKey: string, triggers: readonly string[], webTriggerUrl: string): string => [
  '',
  `  User Management & License Optimizer is running at ${url}`,
  '',
  '  Try first:',
  `    1. Open ${url} — you are an org admin and Jira admin of a simulated org with ${users.toLocaleString('en-US')} users.`,
  `    2. Settings: enter the organization API key  ${validKey}  check it, pick the org and save.`,
  '    3. Start a sync and watch its progress; then open the Dashboard.',
  '    4. Inactive users: filter, select a few, Deactivate — a plan, a confirmation, then results and Audit log entries.',
  '    5. Export a list as CSV (the download happens in the export frame).',
  '    6. Settings → Incoming requests: create a caller, copy its token, then let "an automation" deactivate someone:',
  `         curl -X POST ${webTriggerUrl} -H 'Authorization: Bearer <token>' \\`,
  `              -H 'Content-Type: application/json' -d '{"action":"deactivate","users":["<email or account ID>"]}'`,
  '    7. Settings → Automation webhooks: paste the rule shown in the panel under the toolbar, then Send test.',
  '    8. Automated tasks: "+1 day" in the toolbar moves the app\'s clock and the org\'s activity a day forward (notice periods).',
  triggers.length > 0
    ? `    The hourly trigger (${triggers.join(', ')}) runs from the toolbar at the top of the page.`
    : '    (No scheduled trigger in manifest.yml yet: the toolbar button stays disabled.)',
  '',
  '  Ctrl-C stops everything (the preview\'s MariaDB included).',
  '',
].join('\n');

const main = async (): Promise<void> => {
  const options = parseArgs(process.argv.slice(2));
  process.stdout.write(`preview: starting (${String(options.users)} simulated users; MariaDB, Forge runtime, simulators, host)…\n`);
  const preview = await startPreview(options);
  const { DEFAULT_KEYS } = await import('../admin-api-simulator');
  const webTriggerUrl = preview.backend.runtime.webTriggers.urlFor('ulo-callers');
  process.stdout.write(tips(preview.url, options.users, DEFAULT_KEYS.valid, preview.backend.triggers.map((t) => t.key), webTriggerUrl));
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\npreview: ${signal}, stopping…\n`);
    preview.stop().then(
      () => { process.exit(0); },
      (error: unknown) => { process.stderr.write(`preview: stop failed: ${String(error)}\n`); process.exit(1); },
    );
  };
  process.once('SIGINT', () => { stop('SIGINT'); });
  process.once('SIGTERM', () => { stop('SIGTERM'); });
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
