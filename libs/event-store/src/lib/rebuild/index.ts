export * from './rebuild-read-models';
export * from './read-model-versions';
export { RebuildRefusedError } from './shadow-tables';
