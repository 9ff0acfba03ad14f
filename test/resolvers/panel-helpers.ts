// Helpers of the issue panel's resolver tests: the stored text, and learning/get and learning/save as a person.
import type { SavedView } from '../../src/contract/resolvers';
import { LEARNING_PROPERTY_KEY } from '../../src/domain/record/learning-record';
import type { AppSite } from '../support/app-site';

export function panelHelpers(site: AppSite) {
  function storedText(issueKey: string): string | undefined {
    const issue = site.store.getIssue(issueKey);
    return issue && site.store.getProperty(issue.id, LEARNING_PROPERTY_KEY)?.valueText;
  }

  async function panel(as: string, issueKey: string) {
    const { result, calls } = await site.invoke({ functionKey: 'learning/get', as, issueKey });
    if (!result.ok) throw new Error(`learning/get failed: ${result.error.code}`);
    return { view: result.value, calls };
  }

  async function save(as: string, issueKey: string, payload: unknown) {
    return site.invoke({ functionKey: 'learning/save', as, issueKey, payload });
  }
  return { storedText, panel, save };
}

export function saved(result: { ok: boolean; value?: SavedView }): SavedView {
  if (!result.ok || !result.value) throw new Error(`expected a saved view, got ${JSON.stringify(result)}`);
  return result.value;
}
