// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paramFields, type ParamIssue } from '../../lib/fine-tuning/params';
import { ParamsForm, type ParamsMode } from './params-form';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';
const fields = paramFields({ learning_rate: 0.0002, num_train_epochs: 3, use_fp16: true, lr_scheduler_type: 'cosine' });

function renderForm(
  over: Partial<{ mode: ParamsMode; errors: ParamIssue[]; warnings: ParamIssue[]; disabled: boolean }> = {},
  values: Record<string, string> = { learning_rate: '0.0002', num_train_epochs: '3' },
) {
  const onValues = vi.fn();
  const onRaw = vi.fn();
  const onMode = vi.fn();
  const view = render(
    <ParamsForm
      fields={fields}
      values={values}
      onValues={onValues}
      raw={'{"learning_rate": 0.0002}'}
      onRaw={onRaw}
      mode={over.mode ?? 'form'}
      onMode={onMode}
      errors={over.errors ?? []}
      warnings={over.warnings ?? []}
      disabled={over.disabled}
    />,
  );
  return { view, onValues, onRaw, onMode };
}

const describedBy = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent);

describe('ParamsForm', () => {
  it('gives each field the right control, its default as placeholder and its help as description', () => {
    renderForm();
    const lr = screen.getByRole('spinbutton', { name: 'learning_rate' }) as HTMLInputElement;
    expect(lr.value).toBe('0.0002');
    expect(lr.placeholder).toBe('0.0002');
    expect(lr.getAttribute('step')).toBe('any');
    // The minimum 0 is exclusive, so it is left to the validator; the maximum is the browser's too.
    expect(lr.getAttribute('min')).toBeNull();
    expect(lr.getAttribute('max')).toBe('1');
    expect(describedBy(lr)).toEqual([fields[0]?.help]);
    const epochs = screen.getByRole('spinbutton', { name: 'num_train_epochs' });
    expect([epochs.getAttribute('min'), epochs.getAttribute('max'), epochs.getAttribute('step')]).toEqual([
      '1',
      '100',
      '1',
    ]);
    // Unset values show the example's: the checkbox checked, the text box empty with the default as placeholder.
    expect((screen.getByRole('checkbox', { name: 'use_fp16' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('textbox', { name: 'lr_scheduler_type' }) as HTMLInputElement).placeholder).toBe('cosine');
  });

  it('reports edits as a new set of values', () => {
    const { onValues } = renderForm();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'num_train_epochs' }), { target: { value: '5' } });
    expect(onValues).toHaveBeenLastCalledWith({ learning_rate: '0.0002', num_train_epochs: '5' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'use_fp16' }));
    expect(onValues).toHaveBeenLastCalledWith({ learning_rate: '0.0002', num_train_epochs: '3', use_fp16: 'false' });
  });

  it("shows a field's error under it and marks it invalid", () => {
    renderForm({ errors: [{ field: 'num_train_epochs', message: '"num_train_epochs" must be a whole number.' }] });
    const epochs = screen.getByRole('spinbutton', { name: 'num_train_epochs' });
    expect(epochs.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(epochs)[0]).toBe('"num_train_epochs" must be a whole number.');
    expect(screen.getByRole('spinbutton', { name: 'learning_rate' }).getAttribute('aria-invalid')).toBeNull();
  });

  it('switches modes through the segmented control', () => {
    const { onMode } = renderForm();
    expect(screen.getByRole('button', { name: 'Form' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    expect(onMode).toHaveBeenCalledWith('json');
  });

  it('edits JSON in a labelled text box with the errors listed', () => {
    const { onRaw } = renderForm({
      mode: 'json',
      errors: [{ field: '', message: 'The parameters are not valid JSON: Unexpected token' }],
    });
    const box = screen.getByRole('textbox', { name: 'Training parameters (JSON)' }) as HTMLTextAreaElement;
    expect(box.value).toBe('{"learning_rate": 0.0002}');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(box)[0]).toBe('The parameters are not valid JSON: Unexpected token');
    expect(screen.queryByRole('spinbutton')).toBeNull();
    fireEvent.change(box, { target: { value: '{}' } });
    expect(onRaw).toHaveBeenCalledWith('{}');
  });

  it('disables every control when asked', () => {
    renderForm({ disabled: true });
    for (const el of [
      ...screen.getAllByRole('spinbutton'),
      screen.getByRole('checkbox'),
      screen.getByRole('textbox'),
    ]) {
      expect((el as HTMLInputElement).disabled).toBe(true);
    }
  });

  it('renders hostile field names, messages and warnings as text', () => {
    const hostileFields = paramFields({ [HOSTILE]: 1 });
    const { container } = render(
      <ParamsForm
        fields={[...hostileFields, ...paramFields(JSON.parse('{"__proto__": "x"}') as object)]}
        values={{}}
        onValues={() => {}}
        raw=""
        onRaw={() => {}}
        mode="form"
        onMode={() => {}}
        errors={[
          { field: HOSTILE, message: HOSTILE },
          { field: '', message: `JSON ${HOSTILE}` },
        ]}
        warnings={[{ field: 'x', message: `warn ${HOSTILE}` }]}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('spinbutton', { name: HOSTILE }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(`JSON ${HOSTILE}`)).toBeDefined();
    expect(screen.getByText(`warn ${HOSTILE}`)).toBeDefined();
    // A field named "__proto__" reads no prototype as its value.
    expect((screen.getByRole('textbox', { name: '__proto__' }) as HTMLInputElement).value).toBe('');
  });
});
