import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { POLL, targetCell } from './browser.ts'

/** The target editor of the segment at `index`. */
export const editorOf = (page: Page, index: number) =>
  page.locator(`${targetCell(index)} [contenteditable]`)

/** Clicks into the segment's target and waits until its editor has the focus. */
export async function openSegment(page: Page, index: number): Promise<void> {
  await page.click(targetCell(index))
  await expect
    .poll(() => editorOf(page, index).evaluate((node) => node === document.activeElement), POLL)
    .toBe(true)
}
