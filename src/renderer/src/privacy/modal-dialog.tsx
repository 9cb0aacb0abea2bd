import { useEffect, useRef } from 'react';

/** A modal <dialog>, shown when mounted; Esc and the close button end it through `onClose`. */
export function ModalDialog({
  className,
  labelledBy,
  onClose,
  testId,
  children,
}: {
  className: string;
  labelledBy: string;
  onClose: () => void;
  testId?: string;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog ${className}`}
      onClose={onClose}
      aria-labelledby={labelledBy}
      data-testid={testId}
    >
      {children}
    </dialog>
  );
}
