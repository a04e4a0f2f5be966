// Runs the @nestjs/swagger CLI plugin under ts-jest (which expects name, version and factory).
const plugin = require('@nestjs/swagger/plugin');

module.exports = {
  name: 'nestjs-swagger-plugin',
  version: 1,
  factory: (tsCompiler, options) => plugin.before(options, tsCompiler.program),
};
