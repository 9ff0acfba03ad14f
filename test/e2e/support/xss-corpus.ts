/** What the hostile-text browser test plants: payloads that call __xss() if they ever run, and the hook that counts them. */
import type { AppSite } from '../../support/app-site';
import { LEARNING_PROPERTY_KEY, stampRevision, type LearningDraft } from '../../../src/domain/record/learning-record';
import { toStoredProperty } from '../../../src/domain/record/stored-format';

export const X = '__xss()';

/** A stored property as a forger with REST access edits it: only the fields changed here are typed. */
interface ForgeableProperty {
  tags: string[];
  learnings: unknown[];
  evidence: unknown[];
}
/** Every payload calls __xss() (or alerts) if it ever runs. Prefixed so each can be found on screen. */
export const XSS_CORPUS: string[] = [
  `<script>${X}</script>`,
  `<img src=x onerror="${X}">`,
  `<svg onload="${X}"><circle r="1"/></svg>`,
  `<svg><script>${X}</script></svg>`,
  `<iframe src="javascript:${X}"></iframe>`,
  `<a href="javascript:${X}">click me</a>`,
  `[click](javascript:${X})`,
  `[data](data:text/html,<script>${X}</script>)`,
  `<body onload=${X}>`,
  `"><script>${X}</script>`,
  `'-alert(1)-'`,
  `</textarea><script>${X}</script>`,
  `<style>@import 'javascript:${X}';</style>`,
  `<details open ontoggle="${X}">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${X}>`,
  `{{constructor.constructor('${X}')()}}`,
  `\${${X}}`,
  `<div dangerouslySetInnerHTML={{__html: '<img src=x onerror=${X}>'}}/>`,
  `**bold** _em_ <b>b</b> # heading |table|`,
  `\u202Egnp.exe\u202C RTL override and \u200F mark`,
  'Supercalifragilisticexpialidocious'.repeat(40),
  `javascript:${X}`,
  `<object data="data:text/html;base64,PHNjcmlwdD5fX3hzcygpPC9zY3JpcHQ+"></object>`,
  `<input autofocus onfocus="${X}">`,
  `<video><source onerror="${X}"></video>`,
  `<marquee onstart="${X}">m</marquee>`,
  `%3Cscript%3E${X}%3C%2Fscript%3E &lt;script&gt;${X}&lt;/script&gt;`,
  `<a href="https://example.com" onclick="${X}" onmouseover="${X}">hover</a>`,
].map((payload, i) => `P${String(i).padStart(2, '0')} refund labels ${payload}`);

/** Runs in every frame before its scripts: anything a payload could call is counted. */
export function hookInit(): void {
  const w = window as unknown as Record<string, unknown>;
  w.__xssHits = 0;
  const hit = () => {
    w.__xssHits = (w.__xssHits as number) + 1;
  };
  w.__xss = hit;
  w.alert = hit;
  w.confirm = () => {
    hit();
    return false;
  };
  w.prompt = () => {
    hit();
    return null;
  };
}

/** Plants the corpus in FLEX-112's record, and links no app would write (javascript:, data:) straight into FLEX-108's property. */
export function plantHostileRecords(site: AppSite): void {
  site.reset();
  const alice = site.user('alice').accountId;
  const draft: LearningDraft = {
    hypothesis: `Offering a refund option on low-cost tickets will reduce drop-off. ${XSS_CORPUS[0]} ${XSS_CORPUS[1]}`,
    learnings: XSS_CORPUS.map((text, i) => ({ id: `x${i}`, text, surprise: true })),
    outcome: 'validated',
    confidence: 'high',
    tags: ['pricing', 'refunds', '<img/src=x/onerror=__xss()>', 'javascript:__xss()'],
    evidence: [
      { id: 'ev1', url: 'https://example.com/"><script>__xss()</script>', title: `<img src=x onerror="${X}">` },
      { id: 'ev2', url: 'https://example.com/ok', title: `javascript:${X}` },
    ],
  };
  const issue = site.store.getIssue('FLEX-112')!;
  const previous = JSON.parse(site.store.getProperty(issue.id, LEARNING_PROPERTY_KEY)!.valueText);
  const record = stampRevision(previous, draft, { accountId: alice, now: new Date() });
  site.store.setPropertyText(issue.id, LEARNING_PROPERTY_KEY, JSON.stringify(toStoredProperty(record)));
  // Forged links, written straight into the property as someone with REST access could.
  const forgedIssue = site.store.getIssue('FLEX-108')!;
  const forged: ForgeableProperty = JSON.parse(site.store.getProperty(forgedIssue.id, LEARNING_PROPERTY_KEY)!.valueText);
  forged.tags = [...new Set([...forged.tags, 'pricing'])];
  forged.learnings.push({
    id: 'fx',
    text: 'P99 forged links here',
    surprise: true,
    authorAccountId: alice,
    createdAt: record.updatedAt,
    updatedAt: record.updatedAt,
  });
  forged.evidence = [
    { id: 'f1', url: `javascript:${X}`, title: 'forged javascript link' },
    { id: 'f2', url: `data:text/html,<script>${X}</script>`, title: 'forged data link' },
    { id: 'f3', url: `JaVaScRiPt:${X}`, title: 'forged mixed-case link' },
    { id: 'f4', url: ` javascript:${X}`, title: 'forged padded link' },
  ];
  site.store.setPropertyText(forgedIssue.id, LEARNING_PROPERTY_KEY, JSON.stringify(forged));
}
