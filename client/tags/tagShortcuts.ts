/** The tag chips' keys, as the Shortcuts panel lists them (handled by the editor's TagPlugin). */
export const TAG_SHORTCUTS: ReadonlyArray<{
  name: 'insertNext' | 'select' | 'move' | 'cutPaste'
  keys: string[][]
}> = [
  { name: 'insertNext', keys: [['F9']] },
  { name: 'select', keys: [['Backspace'], ['Delete']] },
  {
    name: 'move',
    keys: [
      ['Alt', 'Shift', '←'],
      ['Alt', 'Shift', '→'],
    ],
  },
  {
    name: 'cutPaste',
    keys: [
      ['Ctrl', 'X'],
      ['Ctrl', 'V'],
    ],
  },
]
