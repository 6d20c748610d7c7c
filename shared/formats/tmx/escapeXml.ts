/** Text content as XML: `&`, `<` and `>` escaped (`>` for `]]>`). */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'))
}

/** An attribute value for double quotes; tabs and line breaks kept as character references. */
export function escapeXmlAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (char) => `&#${char.charCodeAt(0)};`)
}
