import { AppError } from '../../contract/errors';
import type { RetroExport } from '../../contract/retro';
import { retroToAdf, retroToMarkdown } from '../../domain/export/retro-document';
import { surprisesOf } from '../../domain/retro/retro-surprises';
import type { SiteFactsPort } from '../../ports/search/site-facts.port';
import { openRetro, type RetroDeps, type RetroInput } from './open-retro';

/**
 * The sprint's surprises with the team's notes, as ADF and Markdown for the
 * retro page. Reads exactly what the view reads (same calls as opening it),
 * so the export is current and holds only what the person may see.
 */
export async function exportRetro(
  deps: RetroDeps & { site: SiteFactsPort },
  input: RetroInput & { boardId: number; sprintId: number },
): Promise<RetroExport> {
  const [view, siteUrl] = await Promise.all([openRetro(deps, input), deps.site.siteUrl()]);
  if (!view.board || !view.sprint || !view.query || !view.figures)
    throw new AppError('NOT_FOUND', 'That sprint could not be found on this board.');
  const surprises = surprisesOf(view.cards);
  const exportInput = {
    sprint: view.sprint,
    boardName: view.board.name,
    surprises,
    notes: view.notes,
    figures: { ...view.figures, previousName: view.previousSprint?.name ?? null },
    jql: view.query.customJql ?? view.query.surprisesJql,
    asOf: view.asOf,
    siteUrl,
    names: view.names,
  };
  return { adf: retroToAdf(exportInput), markdown: retroToMarkdown(exportInput), surprises: surprises.length };
}
