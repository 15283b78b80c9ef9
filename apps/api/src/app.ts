import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { AppConfig } from '@app/config';
import { AppModule } from './app.module';
import { bodyParserErrors, refuseControlCharactersInUrl } from './common/http-edge';
import { documentFieldLimits } from './common/openapi';
import { apiValidationPipe } from './common/validation';
import { MAX_PLAN_BYTES } from './plans/plan-file';

/** JSON bodies are forms and lists of ids; the largest, a draft, is 200 000 characters (≤ 800 kB in UTF-8). */
export const MAX_JSON_BYTES = 2 * 1024 * 1024;

/**
 * Security headers (helmet) for the API, the web app and Swagger UI. The CSP is helmet's, which the built web app
 * (apps/web/dist: one script and one stylesheet of its own, a data: icon) and Swagger UI (its own files and an
 * inline <style>) run under, with two changes: no page may frame ours (clickjacking of "Duyệt"), and no upgrade to
 * https, since a commune may serve it over plain http on its own network (the browser would then load nothing).
 */
function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
    // Only meaningful over https (browsers ignore it on http); a commune behind TLS gets it.
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: false },
  });
}

/** Builds the HTTP application (used by main.ts and by the end-to-end tests). */
export async function buildApp(config: AppConfig, opts: { logger?: boolean } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    // Route-mapping lines at every start are noise for the person running `npm start`; LOG_LEVEL=log shows them.
    logger: opts.logger === false ? false : process.env.LOG_LEVEL === 'log' ? ['error', 'warn', 'log'] : ['error', 'warn'],
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(refuseControlCharactersInUrl);
  app.useBodyParser('json', { limit: MAX_JSON_BYTES });
  // Only the plan import takes text/plain: the whole document.
  app.useBodyParser('text', { limit: MAX_PLAN_BYTES, type: 'text/plain' });
  app.use(bodyParserErrors);
  // Behind a reverse proxy, the per-address login limit must see the client, not the proxy.
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(apiValidationPipe());
  app.enableShutdownHooks();
  if (config.swagger) {
    const doc = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('CCHC xã — API')
        .setDescription('Kế hoạch cải cách hành chính của UBND xã chạy như các quy trình phê duyệt bền vững (Temporal).')
        .setVersion('0.1.0')
        .addBearerAuth()
        .build(),
    );
    documentFieldLimits(app, doc);
    SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });
  }
  return app;
}
