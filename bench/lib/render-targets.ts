// The pages whose first render the bench times: one per Custom UI resource that was built.
import type { BundleSizes } from './bundles';
import type { RenderTarget } from './render';

export function renderTargets(bundles: BundleSizes[]): RenderTarget[] {
  const built = new Set(bundles.filter((b) => b.built).map((b) => b.resource));
  const all: RenderTarget[] = [
    {
      resource: 'issue-panel',
      label: 'Jira issue FLEX-112',
      path: '/jira/browse/FLEX-112',
      text: 'Presenting Flex as a refund option will reduce drop-off in low-price journeys.',
      content: "the panel's hypothesis text",
    },
    {
      resource: 'learnings-macro',
      label: 'Confluence page with the macro',
      path: '/wiki/spaces/PL/pages/65601',
      selector: 'article[aria-label]',
      content: "the macro's first card",
    },
    {
      resource: 'macro-config',
      label: 'the macro config dialog',
      path: '/wiki/spaces/PL/pages/65601?configure=4f6c1a52-2b0e-4d7a-9a51-7c3e2f1d0a11',
      selector: '[role="radiogroup"]',
      content: 'the config form (JQL presets)',
    },
    {
      resource: 'retro',
      label: 'Jira project page FLEX › Learnings',
      path: '/jira/projects/FLEX/apps/retro',
      selector: 'li[data-surprise]',
      content: "the retro view's first learning",
    },
  ];
  return all.filter((t) => built.has(t.resource));
}
