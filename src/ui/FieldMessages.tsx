interface FieldMessagesProps {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/** A field's hint and its error; the error is announced when it appears. */
export function FieldMessages({ id, hint, error }: FieldMessagesProps) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </>
  );
}
