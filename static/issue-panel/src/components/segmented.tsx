/** A row of toggle buttons where exactly one is pressed (outcome, confidence). */
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';

interface Option<T> {
  value: T;
  label: string;
}

interface Props<T> {
  labelId: string;
  options: ReadonlyArray<Option<T>>;
  value: T;
  onChange: (value: T) => void;
}

export function Segmented<T extends string | null>({ labelId, options, value, onChange }: Props<T>) {
  return (
    <div role="group" aria-labelledby={labelId} style={{ display: 'flex', gap: token('space.050'), flexWrap: 'wrap' }}>
      {options.map((option) => (
        <Button
          key={option.label}
          spacing="compact"
          appearance={option.value === value ? 'default' : 'subtle'}
          isSelected={option.value === value}
          aria-pressed={option.value === value}
          onClick={() => {
            onChange(option.value);
          }}
        >
          {option.label}
        </Button>
      ))}
    </div>
  );
}
