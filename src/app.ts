import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AppModule } from './app.module';
import { securityHeaders } from './common/http/security-headers';
import { createRootLogger, PinoNestLogger, RequestLogController } from './common/logging/logger';
import { MalformedJsonError } from './common/problem/problem-details';
import { createValidationPipe } from './common/validation/validation';
import { setUpOpenApi } from './common/openapi/openapi';
import type { AppConfig } from './config/config';

export const API_PREFIX = 'api/v1';
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The client's X-Request-Id when it is sensible, else a new UUID. */
function requestId(raw: IncomingMessage): string {
  const header = raw.headers['x-request-id'];
  const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
  return id;
}

/** Builds the whole application, ready to listen: the one path that main and the tests share. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = createRootLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new RequestLogController(),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: requestId,
    requestIdHeader: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    abortOnError: false,
    bodyParser: false, // JSON only, parsed below
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Fastify's JSON parser (with its prototype-poisoning protection), failing as a problem.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(new MalformedJsonError('the body is empty'), undefined);
    void parseJson(request, body.toString(), (error, value) =>
      error ? done(new MalformedJsonError(error.message), undefined) : done(null, value),
    );
  });
  const headers = securityHeaders();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(headers).header('x-request-id', request.id);
    done();
  });
  if (config.corsOrigins !== undefined) {
    app.enableCors({
      origin: config.corsOrigins === '*' ? '*' : config.corsOrigins,
      exposedHeaders: ['X-Request-Id', 'Retry-After'],
      maxAge: 600,
    });
  }
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready'] });
  app.useGlobalPipes(createValidationPipe());
  setUpOpenApi(app);
  await app.init();
  await fastify.ready();
  return app;
}
