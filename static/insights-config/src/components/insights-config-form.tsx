/**
 * The "Learning insights" config form: which projects (native checkboxes, the projects the person
 * may browse; none ticked means every project the viewer may browse) and how many periods (1–6).
 * Save stores it in the page with view.submit({ config }); Cancel and Escape close without saving.
 */
import { useId, useState } from 'react';
import { token } from '@atlaskit/tokens';
import { submitConfig } from '../../../shared/bridge-client';
import { ConfigSaveBar } from '../../../shared/config-dialog';
import { Notice } from '../../../shared/notice';
import { sectionLabel, subtleSmall } from '../../../shared/styles';
import { PERIOD_CHOICES, toggleProject, type InsightsMacroConfig } from '../../../insights-macro/src/state/insights-macro-config';
import type { ProjectChoices } from './use-config-sources';

const fieldset = { border: 'none', margin: 0, padding: 0, display: 'grid', gap: token('space.075'), minWidth: 0 } as const;
const legend = { font: token('font.heading.xsmall'), padding: 0, marginBlockEnd: token('space.075') } as const;
const choice = { display: 'inline-flex', alignItems: 'center', gap: token('space.075'), cursor: 'pointer' } as const;

function ProjectBoxes({
  config,
  choices,
  onChange,
  onRetry,
}: {
  config: InsightsMacroConfig;
  choices: ProjectChoices;
  onChange: (next: InsightsMacroConfig) => void;
  onRetry: () => void;
}) {
  if (choices.kind === 'error') {
    return (
      <Notice appearance="warning" title="Could not list your Jira projects" actions={[{ label: 'Try again', onClick: onRetry }]}>
        <p style={{ margin: 0 }}>{choices.error.message} Saving now keeps the projects already chosen.</p>
      </Notice>
    );
  }
  const order = choices.projects.map((p) => p.key);
  // Chosen by someone else, not browsable by this person: still listed, so saving does not drop them unseen.
  const others = config.projects.filter((key) => !order.includes(key)).map((key) => ({ key, name: 'not a project you may browse' }));
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: token('space.050') }}>
      {[...choices.projects, ...others].map((project) => (
        <li key={project.key}>
          <label style={choice}>
            <input
              type="checkbox"
              checked={config.projects.includes(project.key)}
              onChange={(event) => {
                onChange(toggleProject(config, project.key, event.currentTarget.checked, order));
              }}
            />
            {project.name} ({project.key})
          </label>
        </li>
      ))}
    </ul>
  );
}

export function InsightsConfigForm({
  initial,
  choices,
  onRetryProjects,
}: {
  initial: InsightsMacroConfig;
  choices: ProjectChoices;
  onRetryProjects: () => void;
}) {
  const [config, setConfig] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const ids = useId();
  const save = async () => {
    setSaving(true);
    setSaveError(null);
    const result = await submitConfig(config);
    setSaving(false);
    if (!result.ok) setSaveError(result.error.message);
  };
  return (
    <form
      aria-label="Configure learning insights"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      style={{ display: 'grid', gap: token('space.250'), padding: token('space.200'), maxWidth: '640px' }}
    >
      <fieldset style={fieldset}>
        <legend style={legend}>Projects</legend>
        <p style={subtleSmall}>
          None ticked: every project the page&apos;s viewer may browse. Each viewer sees only the figures of projects they may browse in
          Jira.
        </p>
        <ProjectBoxes config={config} choices={choices} onChange={setConfig} onRetry={onRetryProjects} />
      </fieldset>
      <div style={{ display: 'grid', gap: token('space.050'), justifyItems: 'start' }}>
        <label htmlFor={`${ids}-periods`} style={sectionLabel}>
          Periods shown (sprints, or months)
        </label>
        <select
          id={`${ids}-periods`}
          value={config.periods}
          onChange={(event) => {
            setConfig({ ...config, periods: Number(event.currentTarget.value) });
          }}
        >
          {PERIOD_CHOICES.map((n) => (
            <option key={n} value={n}>
              The last {n}
            </option>
          ))}
        </select>
      </div>
      <ConfigSaveBar saveError={saveError} saving={saving} />
    </form>
  );
}
