export { CSV_BOM, csvField, csvLine, guardCsvCell, unguardCsvCell } from './csvCells.ts'
