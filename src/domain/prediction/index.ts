/** Prediction of purchases, P(alive) and customer value (GRADING.md §10). */
export * from './bgnbd';
export * from './gammaGamma';
export * from './hypergeometric';
export * from './features';
export * from './history';
export * from './holdout';
export * from './messages';
export * from './predict';
export * from './settings';
export * from './report';
export * from './summary';
export * from './subset';
