import { useId, type Ref, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

/**
 * Form controls that always carry a bound <label> and, when given, a hint wired up with
 * aria-describedby — so no page can forget either.
 */

interface FieldBase {
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
}

function Wrapper({ id, label, hint, hintId, className, required, children }: { id: string; label: ReactNode; hint?: ReactNode; hintId: string; className?: string; required?: boolean; children: ReactNode }) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}{required ? <span className="req" aria-hidden="true"> *</span> : null}</label>
      {children}
      {hint ? <p className="hint" id={hintId}>{hint}</p> : null}
    </div>
  );
}

type InputProps = FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'className'> & { onValue(v: string): void; ref?: Ref<HTMLInputElement> };

export function TextField({ label, hint, className, onValue, ref, ...rest }: InputProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <Wrapper id={id} label={label} hint={hint} hintId={hintId} className={className} required={rest.required}>
      <input ref={ref} id={id} aria-describedby={hint ? hintId : undefined} {...rest} onChange={(e) => onValue(e.target.value)} />
    </Wrapper>
  );
}

type AreaProps = FieldBase & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'className'> & { onValue(v: string): void };

export function TextArea({ label, hint, className, onValue, ...rest }: AreaProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <Wrapper id={id} label={label} hint={hint} hintId={hintId} className={className} required={rest.required}>
      <textarea id={id} aria-describedby={hint ? hintId : undefined} rows={3} {...rest} onChange={(e) => onValue(e.target.value)} />
    </Wrapper>
  );
}

type SelectProps = FieldBase & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'className'> & {
  onValue(v: string): void;
  options: { value: string; label: string }[];
};

export function SelectField({ label, hint, className, onValue, options, ...rest }: SelectProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <Wrapper id={id} label={label} hint={hint} hintId={hintId} className={className} required={rest.required}>
      <select id={id} aria-describedby={hint ? hintId : undefined} {...rest} onChange={(e) => onValue(e.target.value)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Wrapper>
  );
}

export function Checkbox({ label, checked, onChecked, disabled, value, name }: { label: ReactNode; checked: boolean; onChecked(v: boolean): void; disabled?: boolean; value?: string; name?: string }) {
  const id = useId();
  return (
    <div className="check">
      <input id={id} type="checkbox" checked={checked} disabled={disabled} value={value} name={name} onChange={(e) => onChecked(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
