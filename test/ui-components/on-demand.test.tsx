/** Views loaded on demand: a spinner while the chunk loads, a way out when it fails, and no fallback once loaded. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { onDemand } from '../../static/shared/on-demand';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

it('shows a spinner, then the view once its code arrives; a later mount renders it at once', async () => {
  let arrive: (component: typeof Greeting) => void = () => undefined;
  const view = onDemand(() => new Promise<typeof Greeting>((resolve) => (arrive = resolve)), 'greeting');
  const first = render(<view.View name="Ada" />);
  expect(screen.getByRole('status')).toBeTruthy();
  expect(screen.getByLabelText('Loading the greeting')).toBeTruthy();
  arrive(Greeting);
  expect(await screen.findByText('Hello Ada')).toBeTruthy();
  first.unmount();

  render(<view.View name="Bob" />);
  // Synchronously: no spinner frame for code already loaded.
  expect(screen.getByText('Hello Bob')).toBeTruthy();
  expect(screen.queryByRole('status')).toBeNull();
});

it('says the view could not load and loads it again on "Try again"', async () => {
  const user = userEvent.setup();
  let attempts = 0;
  const view = onDemand(() => {
    attempts += 1;
    return attempts === 1 ? Promise.reject(new Error('chunk failed')) : Promise.resolve(Greeting);
  }, 'editor');
  render(<view.View name="Ada" />);
  expect((await screen.findByRole('alert')).textContent).toContain('Could not load the editor');
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByText('Hello Ada')).toBeTruthy();
  expect(attempts).toBe(2);
});

it('preloads once, however often it is asked', async () => {
  let loads = 0;
  const view = onDemand(() => {
    loads += 1;
    return Promise.resolve(Greeting);
  }, 'greeting');
  await Promise.all([view.preload(), view.preload()]);
  await view.preload();
  render(<view.View name="Cy" />);
  expect(screen.getByText('Hello Cy')).toBeTruthy();
  expect(loads).toBe(1);
});
