// Starts the telegram-test-api emulator on 127.0.0.1:$PORT for faqbot's integration tests.
const TelegramServer = require('telegram-test-api');

const server = new TelegramServer({ port: Number(process.env.PORT), host: '127.0.0.1', storage: 'RAM', storeTimeout: 600 });
server.start().then(() => console.log('emulator listening on ' + process.env.PORT));
process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
