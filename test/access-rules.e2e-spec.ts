import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from '../src/common/access/access.decorator';
import { startTestApp, type TestApp } from './support/test-app';

/** Every route of the application, with the access rule it declares (or none). */
function routes(t: TestApp): { route: string; rule: AccessRule | undefined }[] {
  const discovery = new DiscoveryService(t.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = t.app.get(Reflector);
  return discovery.getControllers().flatMap((wrapper) => {
    const controller = wrapper.metatype as new (...args: unknown[]) => object;
    const prototype = controller.prototype as Record<string, () => unknown>;
    return scanner
      .getAllMethodNames(prototype)
      .filter((name) => Reflect.getMetadata(PATH_METADATA, prototype[name]!) !== undefined)
      .map((name) => {
        const handler = prototype[name]!;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        return {
          route: `${method} ${controller.name}.${name}`,
          rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
            handler,
            controller,
          ]),
        };
      });
  });
}

describe('Access rules', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('should find the routes it walks', () => {
    expect(routes(t).map((r) => r.route)).toEqual(
      expect.arrayContaining([
        'POST AuthController.login',
        'GET UsersController.listUsers',
        'GET HealthController.checkReadiness',
      ]),
    );
  });

  it('should have an explicit access rule on every route', () => {
    const missing = routes(t)
      .filter((r) => r.rule === undefined)
      .map((r) => r.route);
    expect(missing).toEqual([]);
  });

  it('should keep public only the routes meant to be public', () => {
    const publicRoutes = routes(t)
      .filter((r) => r.rule?.kind === 'public')
      .map((r) => r.route)
      .sort();
    expect(publicRoutes).toEqual([
      'DELETE SelfServiceController.cancelOwnRegistration',
      'GET AgendaController.diffAgendaVersions',
      'GET AgendaController.getAgendaVersion',
      'GET AgendaController.getPublishedAgenda',
      'GET AgendaController.listAgendaVersions',
      'GET DelegationController.getDelegation',
      'GET HealthController.checkLiveness',
      'GET HealthController.checkReadiness',
      'GET SelfServiceController.getOwnAgenda',
      'GET SelfServiceController.getOwnQrCode',
      'GET SelfServiceController.getOwnRegistration',
      'PATCH SelfServiceController.updateOwnRegistration',
      'POST AuthController.login',
      'POST DelegationController.cancelDelegate',
      'POST DelegationController.substituteDelegate',
      'POST RegistrationsController.register',
      'PUT SelfServiceController.chooseOwnSessions',
    ]);
  });
});
