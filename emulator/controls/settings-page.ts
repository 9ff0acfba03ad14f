/** The site settings page: cross-product switches and the planted faults, with forms to plant more. */
import { esc, layout, type PageFrame } from '../hosting/pages/html';
import type { UserRow } from '../store/rows';
import type { Fault } from './fault-registry';
import type { SiteSettings } from './site-settings';

/** Who allowed access on the consent prompt, with a way to take it back (the prompt then shows again). */
function consentSection(settings: SiteSettings, consented: UserRow[]): string {
  const people = consented.length
    ? `<ul>${consented.map((u) => `<li>${esc(u.displayName)} <form method="post" action="/__local/consent/revoke" class="ll-inline-form"><input type="hidden" name="user" value="${esc(u.handle)}"><button class="ll-button" type="submit">Revoke</button></form></li>`).join('')}</ul>`
    : '<p class="ll-muted">Nobody yet.</p>';
  return `<h3>Allowed access</h3>
      <p class="ll-muted ll-small">With "refused", a person sees Forge's consent prompt in place of a frame whose resolver let <code>NeedsAuthenticationError</code> escape; "Allow access" lifts the refusal for that person only${settings.confluenceAsUserJira === 'granted' ? ' (now: granted to everyone)' : ''}.</p>
      ${people}`;
}

/** What a planted fault does, in words: its latency, answer or timeout. */
const describeFault = (f: Fault): string =>
  [
    f.latencyMs ? `+${f.latencyMs} ms` : '',
    f.status !== undefined
      ? `answers ${f.status}${
          f.headers
            ? ` ${Object.entries(f.headers)
                .map(([k, v]) => `${k}: ${v}`)
                .join(', ')}`
            : ''
        }`
      : '',
    f.timeout
      ? `never answers (fetch error after ${f.timeoutMs ?? 'the rest of the invocation'}${f.timeoutMs !== undefined ? ' ms' : ''})`
      : '',
  ]
    .filter(Boolean)
    .join(', ');

/** One planted fault as a row of the table, with its Remove button. */
const faultRow = (f: Fault): string =>
  `<tr data-fault="${esc(f.id)}"><td>${esc(f.target)}</td><td><code>${esc(f.endpoint ?? 'any endpoint')}</code>${f.pathIncludes ? ` containing <code>${esc(f.pathIncludes)}</code>` : ''}${f.provider ? ` (${esc(f.provider)})` : ''}</td>
        <td>${esc(describeFault(f))}</td><td>${f.left === null ? 'until removed' : `${f.left} more`} · ${f.hits} hit${f.hits === 1 ? '' : 's'}</td>
        <td><form method="post" action="/__local/faults/${esc(f.id)}/delete" class="ll-inline-form"><button class="ll-button" type="submit">Remove</button></form></td></tr>`;

export function renderSettingsPage(
  frame: PageFrame,
  faults: Fault[],
  settings: SiteSettings,
  defaultPropertyKey = '',
  consented: UserRow[] = [],
): string {
  const rows = faults.map(faultRow).join('');
  const body = `<h1>Site settings</h1>
    <section class="ll-section" aria-labelledby="ll-xp-title">
      <h2 class="ll-section-title" id="ll-xp-title">Cross-product access</h2>
      <form method="post" action="/__local/settings" class="ll-form">
        <fieldset><legend><code>asUser()</code> Jira calls from Confluence modules</legend>
          <label><input type="radio" name="confluenceAsUserJira" value="granted"${settings.confluenceAsUserJira === 'granted' ? ' checked' : ''}> granted (work as the user)</label>
          <label><input type="radio" name="confluenceAsUserJira" value="needs-auth"${settings.confluenceAsUserJira === 'needs-auth' ? ' checked' : ''}> refused until each person allows access (401 NEEDS_AUTHENTICATION_ERR, @forge/api throws NeedsAuthenticationError)</label>
        </fieldset>
        <button class="ll-button ll-button-primary" type="submit">Save</button>
      </form>
      ${consentSection(settings, consented)}
    </section>
    <section class="ll-section" aria-labelledby="ll-faults-title">
      <h2 class="ll-section-title" id="ll-faults-title">Planted faults</h2>
      ${
        faults.length
          ? `<table class="ll-table"><thead><tr><th>Target</th><th>Endpoint</th><th>Effect</th><th>Left</th><th></th></tr></thead><tbody>${rows}</tbody></table>
      <form method="post" action="/__local/faults/clear" class="ll-inline-form"><button class="ll-button ll-button-warning" type="submit">Remove all</button></form>`
          : '<p class="ll-muted">None: every call is answered normally.</p>'
      }
      <h3>Plant a fault</h3>
      <form method="post" action="/__local/faults" class="ll-form" id="ll-add-fault">
        <label for="ll-fault-target">Target</label>
        <select id="ll-fault-target" name="target"><option value="jira">Jira REST</option><option value="kvs">Forge KVS</option><option value="confluence">Confluence REST</option><option value="any">any</option></select>
        <label for="ll-fault-kind">Fault</label>
        <select id="ll-fault-kind" name="kind"><option value="latency">added latency (ms)</option><option value="rate-limit">429 with Retry-After</option><option value="status">error status (500, 503…)</option><option value="timeout">timeout (never answers)</option></select>
        <label for="ll-fault-endpoint">Endpoint (method and path template; empty: all)</label>
        <input id="ll-fault-endpoint" name="endpoint" placeholder="GET /rest/api/3/issue/{issueIdOrKey}">
        <label for="ll-fault-path">Only paths containing</label>
        <input id="ll-fault-path" name="pathIncludes" placeholder="KEY-1">
        <label for="ll-fault-ms">ms (latency, or when a timeout gives up)</label>
        <input id="ll-fault-ms" name="ms" inputmode="numeric" placeholder="1000">
        <label for="ll-fault-status">Status</label>
        <input id="ll-fault-status" name="status" inputmode="numeric" placeholder="503">
        <label for="ll-fault-retry">Retry-After (s)</label>
        <input id="ll-fault-retry" name="retryAfter" inputmode="numeric" placeholder="1">
        <label for="ll-fault-times">Times (empty: until removed)</label>
        <input id="ll-fault-times" name="times" inputmode="numeric">
        <button class="ll-button ll-button-primary" type="submit">Plant</button>
      </form>
      <h3>Malformed stored property</h3>
      <form method="post" action="/__local/faults/property" class="ll-form" id="ll-bad-property">
        <label for="ll-prop-issue">Issue</label>
        <input id="ll-prop-issue" name="issueKey" required placeholder="KEY-1">
        <label for="ll-prop-key">Property key</label>
        <input id="ll-prop-key" name="propertyKey" placeholder="${esc(defaultPropertyKey)}">
        <label for="ll-prop-mode">Write</label>
        <select id="ll-prop-mode" name="mode"><option value="invalid">invalid JSON</option><option value="foreign">foreign JSON (another shape)</option></select>
        <button class="ll-button ll-button-warning" type="submit">Write it</button>
      </form>
      <p class="ll-muted ll-small">Also over HTTP: <code>GET/POST/DELETE /__local/faults</code>, <code>POST /__local/faults/property</code>, <code>POST /__local/settings</code>.</p>
    </section>`;
  return layout(frame, 'Site settings', body, 'site');
}
