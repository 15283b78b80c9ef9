/** Plan files (Word .docx, Excel .xlsx, text) read into the parser's neutral document. Node-side: not for workflows. */
export { readPlanFile, detectPlanFormat, type DetectedFormat } from './read-plan-file';
