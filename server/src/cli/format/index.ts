export { stylish } from './stylish';
export { toJson } from './json';
export { toSarif } from './sarif';
