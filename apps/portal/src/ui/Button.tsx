import type { ComponentProps } from 'react';
import './button.css';

export type ButtonVariant = 'primary' | 'secondary';

interface ButtonProps extends Omit<ComponentProps<'button'>, 'className'> {
  /** `primary` for the one main action of a form or page; `secondary` (the default) for everything else. */
  variant?: ButtonVariant;
  /** `small` for actions inside a list row or a card. */
  size?: 'small' | 'normal';
}

const VARIANT_CLASS: Record<ButtonVariant, string> = {
  primary: 'button-primary',
  secondary: 'button-secondary',
};

/**
 * Every button of the portal. It is `type="button"` unless told otherwise, so a button inside a form never submits
 * it by accident; the look comes from `variant` and `size`, never from class names written by hand.
 */
export function Button({ variant = 'secondary', size = 'normal', type = 'button', ...button }: ButtonProps) {
  const className = ['button', VARIANT_CLASS[variant], size === 'small' && 'button-small']
    .filter(Boolean)
    .join(' ');
  return <button {...button} type={type} className={className} />;
}
