export { scoringReadModels } from './read-models';
export { SCORING_PROJECTIONS } from './projections';
