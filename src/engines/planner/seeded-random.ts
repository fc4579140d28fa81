/** The planner's tests and benchmarks draw from the project's one seeded generator. */
export { mulberry32 as seededRandom } from '../../domain/seeded-random.js';
