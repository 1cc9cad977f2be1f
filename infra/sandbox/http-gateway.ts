// The sandbox's stand-in for API Gateway (HTTP API): routes from the topology, the editors' bearer token in place
// of the JWT authorizer, and requests handed to the very same handlers as API Gateway v2 events.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { HttpRoute } from '../topology.ts';

export type HttpLambda = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

export interface GatewayRoute extends HttpRoute {
  handler: HttpLambda;
}

/** API Gateway refuses payloads over 10 MB before any function runs. */
const gatewayPayloadLimit = 10 * 1024 * 1024;

interface CompiledRoute {
  route: GatewayRoute;
  pattern: RegExp;
  names: string[];
}

function compile(route: GatewayRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const parameter = /^\{(\w+)\}$/.exec(segment);
      if (parameter?.[1] === undefined) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(parameter[1]);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), names };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Compares digests so that neither the length nor the content of the token leaks through timing. */
export function bearerTokenMatches(authorization: string | undefined, expectedDigest: Buffer): boolean {
  const match = /^Bearer ([\x21-\x7E]{1,512})$/.exec(authorization ?? '');
  if (match?.[1] === undefined) return false;
  return timingSafeEqual(digest(match[1]), expectedDigest);
}

function send(response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  const headers = { ...(result.headers ?? {}) } as Record<string, string | number | boolean>;
  const body =
    result.body === undefined
      ? undefined
      : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  response.writeHead(result.statusCode ?? 200, headers as Record<string, string>);
  response.end(body);
}

function problem(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify({ error: { code, message, issues: [] } }),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > gatewayPayloadLimit) return 'too large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function toEvent(
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  compiled: CompiledRoute,
  values: string[],
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value;
  const pathParameters = Object.fromEntries(compiled.names.map((name, index) => [name, values[index] ?? '']));
  let text: string | undefined;
  try {
    text = utf8.decode(body);
  } catch {
    text = undefined;
  }
  const now = new Date();
  const routeKey = `${compiled.route.method} ${compiled.route.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length === 0 ? {} : { queryStringParameters: query }),
    ...(compiled.names.length === 0 ? {} : { pathParameters }),
    requestContext: {
      accountId: '000000000000',
      apiId: 'sandbox',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'sandbox',
      http: {
        method: compiled.route.method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.byteLength === 0
      ? {}
      : text === undefined
        ? { body: body.toString('base64'), isBase64Encoded: true }
        : { body: text, isBase64Encoded: false }),
    isBase64Encoded: text === undefined && body.byteLength > 0,
  } as APIGatewayProxyEventV2;
}

export interface Gateway {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startGateway(options: {
  routes: GatewayRoute[];
  token: string;
  port: number;
  host?: string;
  /** Pages and their assets, for GET requests no API route takes. */
  pages?: (path: string) => Promise<APIGatewayProxyStructuredResultV2 | undefined>;
  onError?: (error: unknown) => void;
}): Promise<Gateway> {
  const compiled = options.routes.map(compile);
  const expected = digest(options.token);
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://sandbox');
      const candidates = compiled
        .map((entry) => ({ entry, match: entry.pattern.exec(url.pathname) }))
        .filter((candidate) => candidate.match !== null);
      const chosen = candidates.find((candidate) => candidate.entry.route.method === request.method);
      // HEAD as GET, as S3 and CloudFront answer it: link checkers and `curl -I` ask pages so; Node sends no body.
      const page =
        chosen === undefined && (request.method === 'GET' || request.method === 'HEAD')
          ? await options.pages?.(url.pathname)
          : undefined;
      if (page !== undefined) {
        request.resume();
        return send(response, page);
      }
      if (chosen === undefined) {
        request.resume();
        return send(
          response,
          candidates.length > 0
            ? problem(405, 'method_not_allowed', `${request.method} is not allowed on ${url.pathname}`, {
                allow: candidates.map((candidate) => candidate.entry.route.method).join(', '),
              })
            : problem(404, 'not_found', `no route for ${request.method} ${url.pathname}`),
        );
      }
      // Node keeps only the first of repeated Authorization lines; a request that sends several is refused.
      const authorizationLines = request.rawHeaders.filter(
        (name, index) => index % 2 === 0 && name.toLowerCase() === 'authorization',
      ).length;
      if (
        chosen.entry.route.auth &&
        (authorizationLines !== 1 || !bearerTokenMatches(request.headers.authorization, expected))
      ) {
        request.resume();
        return send(
          response,
          problem(401, 'unauthorized', "this route needs the editors' token: Authorization: Bearer <token>", {
            'www-authenticate': 'Bearer realm="updates-feed"',
          }),
        );
      }
      const body = await readBody(request);
      if (body === 'too large') {
        return send(
          response,
          problem(413, 'payload_too_large', `the body exceeds ${gatewayPayloadLimit} bytes`),
        );
      }
      // API Gateway hands path parameters to the function percent-decoded; one that does not decode is refused
      // before any function runs.
      let values: string[];
      try {
        values = ((chosen.match?.slice(1) ?? []) as string[]).map((value) => decodeURIComponent(value));
      } catch {
        request.resume();
        return send(
          response,
          problem(400, 'invalid_request', `the path ${url.pathname} is not valid percent-encoded UTF-8`),
        );
      }
      send(response, await chosen.entry.route.handler(toEvent(request, url, body, chosen.entry, values)));
    } catch (error) {
      options.onError?.(error);
      if (!response.headersSent)
        send(response, problem(500, 'internal', 'the sandbox could not handle the request'));
      else response.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    server,
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
