// Names this jest run, for its database templates (test-database.ts); the workers inherit the environment.
const { randomBytes } = require('node:crypto');

module.exports = function globalSetup() {
  process.env.THIDUA_TEST_RUN = randomBytes(5).toString('hex');
};
