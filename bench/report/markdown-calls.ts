// Report sections 1 and 2: remote calls and bytes per operation, and invocation time under added latency.
import { FORGE_INVOCATION_LIMIT_MS, INVOCATION_GOAL_MS } from '../lib/latency';
import { INSIGHTS_OPEN_GOAL_MS, INSIGHTS_OPEN_INVOCATION_GOAL } from '../lib/operations-insights';
import { LATENCY_MS } from '../lib/options';
import { kb, ms, ratio } from '../lib/stats';
import type { ReportInput } from './report-input';
import { table } from './tables';

export function callsSection(r: ReportInput, md: string[]): void {
  md.push('## 1. Remote calls and bytes per operation', '');
  md.push(
    'Jira calls from the local site\'s accounting (asUser and asApp; KVS apart). "Bound" is the least this design can make; "naive" is the same operation with one property read per issue. Bytes are request + response bytes of every call; "to UI" is the resolver\'s JSON answer.',
    '',
  );
  for (const { size, ops } of r.operations) {
    md.push(`### ${size.size.toLocaleString('en')} generated learnings (${size.records.toLocaleString('en')} records)`, '');
    md.push(
      table(
        [
          'operation',
          'invocations',
          'Jira calls',
          'searches',
          'per-issue reads',
          'KVS',
          'bound',
          'calls ÷ bound',
          'naive',
          'naive ÷ calls',
          'bytes (calls)',
          'bytes to UI',
          'items',
          'local ms (sum)',
          'notes: bound; naive',
        ],
        ops.map((o) => [
          o.name + (o.ok ? '' : ` (error: ${o.error})`),
          String(o.invocations),
          String(o.calls.jira),
          String(o.calls.searches),
          String(o.calls.perIssue),
          String(o.calls.kvs),
          String(o.lowerBound),
          ratio(o.calls.jira, o.lowerBound),
          o.naive.toLocaleString('en'),
          ratio(o.naive, o.calls.jira),
          kb(o.calls.bytes),
          kb(o.resultBytes),
          o.items === undefined ? '–' : String(o.items),
          ms(o.ms),
          `${o.lowerBoundNote}; naive: ${o.naiveNote}`,
        ]),
      ),
      '',
    );
    md.push(
      '<details><summary>Endpoints</summary>',
      '',
      ...ops.map(
        (o) =>
          `- ${o.name}: ${
            Object.entries(o.calls.endpoints)
              .map(([e, n]) => `${e} ×${n}`)
              .join(', ') || 'none'
          }`,
      ),
      '',
      '</details>',
      '',
    );
  }
}

export function latencySection(r: ReportInput, md: string[]): void {
  md.push(`## 2. Invocation time with ${LATENCY_MS} ms added per Jira and KVS call`, '');
  if (r.latency) {
    md.push(
      `At ${r.latency.size.size.toLocaleString('en')} generated learnings, every Jira and KVS call delayed by ${LATENCY_MS} ms (site.faults.latency). Goal: under ${ms(INVOCATION_GOAL_MS)}; Forge kills an invocation at ${ms(FORGE_INVOCATION_LIMIT_MS)}. "Rounds": the longest chain of calls each made only after the one before it had answered, read from when every call started and ended (calls made together count once). The local site's JQL search re-evaluates the query over all ${r.latency.size.issues.toLocaleString('en')} issues for every page, in this same Node process: that CPU stretches the calls and blocks the resolver even when its calls run in parallel, so the measured ms is pessimistic. The last column is rounds × latency + the invocation's own time outside every call: what it would take against a Jira and a KVS answering in exactly the latency.`,
      '',
    );
    md.push(
      table(
        [
          'invocation',
          'resolver',
          'ms',
          'Jira calls',
          'KVS calls',
          'rounds',
          'of goal',
          'of Forge limit',
          'own time outside calls',
          'est. against a Jira answering in exactly the latency',
        ],
        [...r.latency.invocations]
          .sort((a, b) => b.ms - a.ms)
          .map((i) => [
            i.name + (i.ok ? '' : ` (error: ${i.error})`),
            i.resolver,
            ms(i.ms),
            String(i.jiraCalls),
            String(i.kvsCalls),
            String(i.latencyRounds),
            ratio(i.ms, INVOCATION_GOAL_MS),
            ratio(i.ms, FORGE_INVOCATION_LIMIT_MS),
            ms(i.ownMs),
            ms(i.estimatedMs),
          ]),
      ),
      '',
    );
  } else md.push('Not run.', '');
  insightsSection(r, md);
}

/** Issue #16: the Insights tab's open at every size, after the rebuild that prepares it. */
function insightsSection(r: ReportInput, md: string[]): void {
  md.push('### The Insights tab at every size', '');
  if (r.insights.length === 0) {
    md.push('Not run (insights/open not served).', '');
    return;
  }
  md.push(
    `The daily scheduled trigger's rebuild (\`insights-rebuild-schedule\`) first, without latency; then \`insights/open\` as alice from the global page, with ${LATENCY_MS} ms added to every Jira and KVS call. Goal: ≤ ${INSIGHTS_OPEN_INVOCATION_GOAL} invocations and under ${ms(INSIGHTS_OPEN_GOAL_MS)}. The open reads no record: its cost follows the number of projects and periods, not of learnings; at 10,000 the local site's own JQL evaluation of each count (in this Node process, one after another) stretches the calls; "rounds" and the estimate are read from when each call started and ended, as in section 2.`,
    '',
    table(
      [
        'learnings (records)',
        'rebuild: issues',
        'rebuild ms',
        'rebuild Jira + KVS calls',
        'open: invocations',
        'Jira',
        'KVS',
        'bytes to UI',
        'projects shown',
        'ms with latency',
        'rounds',
        'of goal',
        'own time outside calls',
        'est. against a Jira answering in exactly the latency',
      ],
      r.insights.map((i) => [
        `${i.size.size.toLocaleString('en')} (${i.records.toLocaleString('en')})`,
        i.rebuild.ok ? i.rebuild.issues.toLocaleString('en') : 'failed',
        ms(i.rebuild.ms),
        `${i.rebuild.jiraCalls} + ${i.rebuild.kvsCalls}`,
        String(i.open.invocations),
        String(i.open.calls.jira),
        String(i.open.calls.kvs),
        kb(i.open.resultBytes),
        String(i.underLatency.projectsShown),
        i.underLatency.ok ? ms(i.underLatency.ms) : 'failed',
        String(i.underLatency.rounds),
        ratio(i.underLatency.ms, INSIGHTS_OPEN_GOAL_MS),
        ms(i.underLatency.ownMs),
        ms(i.underLatency.estimatedMs),
      ]),
    ),
    '',
  );
}
