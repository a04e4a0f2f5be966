// The Swagger CLI plugin runs under ts-jest too, with the options nest build uses,
// so that the OpenAPI document the tests see is the one the service serves.
const { compilerOptions } = require('./nest-cli.json');
const swagger = compilerOptions.plugins.find((plugin) => plugin.name === '@nestjs/swagger');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: 'tsconfig.json',
        astTransformers: {
          before: [
            { path: '<rootDir>/test/support/swagger-transformer.js', options: swagger.options },
          ],
        },
      },
    ],
    // @fastify/static requires content-disposition, an ES module Jest on Node 20 cannot require.
    '/node_modules/content-disposition/.+\\.js$': [
      'ts-jest',
      {
        tsconfig: { allowJs: true, module: 'commonjs', esModuleInterop: true },
        isolatedModules: true,
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 60000,
  verbose: false,
};
