/** Tests and the chaos campaign replay the same sequences from one generator. */
export { seededRandom } from '../../electron/chaos/seeded-random';
