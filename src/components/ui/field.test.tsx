// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Field } from './field';
import { Input } from './input';

afterEach(cleanup);

const describedBy = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent);

describe('Field', () => {
  it('names the control with its label and describes it with the hint', () => {
    render(
      <Field label="Amount" hint="At least 3 0G.">
        {(control) => <Input {...control} />}
      </Field>,
    );
    const box = screen.getByRole('textbox', { name: 'Amount' });
    expect(describedBy(box)).toEqual(['At least 3 0G.']);
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText('At least 3 0G.').id).not.toBe('');
  });

  it('marks an error invalid and reads it before the hint', () => {
    render(
      <Field label="Amount" hint="At least 3 0G." error="Enter an amount.">
        {(control) => <Input {...control} />}
      </Field>,
    );
    const box = screen.getByRole('textbox', { name: 'Amount' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(box)).toEqual(['Enter an amount.', 'At least 3 0G.']);
    // The error sits in a live region, so it is announced when it appears.
    expect(screen.getByText('Enter an amount.').closest('[aria-live="polite"]')).not.toBeNull();
  });

  it('describes nothing without a hint or an error, and an error clears again', () => {
    const view = render(
      <Field label="Search" error="Too long">
        {(control) => <Input {...control} />}
      </Field>,
    );
    expect(describedBy(screen.getByRole('textbox', { name: 'Search' }))).toEqual(['Too long']);
    view.rerender(
      <Field label="Search" error={null}>
        {(control) => <Input {...control} />}
      </Field>,
    );
    const box = screen.getByRole('textbox', { name: 'Search' });
    expect(box.getAttribute('aria-describedby')).toBeNull();
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText('Too long')).toBeNull();
  });

  it('keeps a hidden label as the accessible name', () => {
    render(
      <Field label="Message" hideLabel>
        {(control) => <Input {...control} />}
      </Field>,
    );
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeDefined();
    expect(screen.getByText('Message').className).toContain('sr-only');
  });

  it('gives each field its own ids', () => {
    render(
      <>
        <Field label="One" hint="first">
          {(control) => <Input {...control} />}
        </Field>
        <Field label="Two" hint="second">
          {(control) => <Input {...control} />}
        </Field>
      </>,
    );
    expect(describedBy(screen.getByRole('textbox', { name: 'One' }))).toEqual(['first']);
    expect(describedBy(screen.getByRole('textbox', { name: 'Two' }))).toEqual(['second']);
  });
});
