export { learningResolvers as handler } from './resolvers/learning-resolvers';
