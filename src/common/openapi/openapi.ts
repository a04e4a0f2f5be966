import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ApiTag } from './api-tags';

const TAG_DESCRIPTIONS: Record<ApiTag, string> = {
  [ApiTag.Auth]: 'Staff login and the signed-in account',
  [ApiTag.Users]: 'Staff accounts (administrators only)',
  [ApiTag.Organizations]:
    'The catalog of ministries, agencies, regional governments (official Kemendagri codes) and their units',
  [ApiTag.People]: 'Speakers, moderators, officials and other people, with their titles and NIP',
  [ApiTag.Events]: 'Events, their venue, rooms and status',
  [ApiTag.Sessions]: 'Agenda items of an event, with times, rooms and role holders',
  [ApiTag.Agenda]:
    'The rundown of an event: plan, conflicts, generation, published versions and their diffs, and the rundown as JSON, iCalendar, PDF, HTML and CSV',
  [ApiTag.Invitations]:
    'Delegations: the organizations invited to an event, their seat quotas, focal points and registration tokens',
  [ApiTag.Registrations]:
    "Registration with an invitation token, the waitlist, approval, and the delegate's and focal point's self-service",
  [ApiTag.Attendance]:
    'Check-in per day and per session (online and offline batches), statuses, the daftar hadir as CSV, XLSX and PDF, attendance reports, and the tamper-evident chain',
  [ApiTag.Health]: 'Liveness and readiness probes',
};

/** The OpenAPI document of the running application, with keys sorted so diffs stay readable. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Rakor API')
    .setDescription(
      'Inter-agency coordination meetings and workshops: events, agenda, delegations, ' +
        'registration and attendance. Errors are application/problem+json (RFC 9457).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const tag of Object.values(ApiTag)) builder.addTag(tag, TAG_DESCRIPTIONS[tag]);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
  return sortKeys(document);
}

/** Serves the interactive docs at /docs and the document at /docs-json. */
export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    customSiteTitle: 'Rakor API',
  });
}

export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  ) as T;
}
