/**
 * A button that shows it was pressed on the very first pointerdown (before
 * click), so a visitor unsure of touchscreens sees at once that the kiosk
 * heard them. Every tappable control of the kiosk is one of these.
 */
import { useState, type ButtonHTMLAttributes, type PointerEvent } from 'react';

export function Pressable(props: ButtonHTMLAttributes<HTMLButtonElement>) {
  const [pressed, setPressed] = useState(false);
  const { onPointerDown, onPointerUp, onPointerCancel, onPointerLeave, type, ...rest } = props;
  const release = (handler?: (e: PointerEvent<HTMLButtonElement>) => void) => (e: PointerEvent<HTMLButtonElement>) => {
    setPressed(false);
    handler?.(e);
  };
  return (
    <button
      type={type ?? 'button'}
      data-pressed={pressed ? 'true' : undefined}
      onPointerDown={(e) => {
        setPressed(true);
        onPointerDown?.(e);
      }}
      onPointerUp={release(onPointerUp)}
      onPointerCancel={release(onPointerCancel)}
      onPointerLeave={release(onPointerLeave)}
      {...rest}
    />
  );
}
