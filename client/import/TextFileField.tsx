/** A labelled picker for one plain-text file; reports the chosen file, or null when cleared. */
export function TextFileField({
  id,
  name,
  label,
  onFile,
}: {
  id: string
  name: string
  label: string
  onFile: (file: File | null) => void
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        className="field__input"
        accept=".txt,text/plain"
        onChange={(event) => onFile(event.target.files?.[0] ?? null)}
      />
    </div>
  )
}
