export {
  proposeAlignment,
  type AlignmentProposal,
  type AlignmentRequest,
  type AlignmentSide,
} from './proposeAlignment.ts'
export {
  alignedLayout,
  createAlignedDocument,
  type AlignedDocumentInput,
  type ConfirmedPair,
} from './createAlignedDocument.ts'
