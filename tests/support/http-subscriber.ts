// A downstream HTTP endpoint as SNS sees it: it confirms its subscription and keeps what it is sent.
import { createServer, type Server } from 'node:http';

export interface SnsHttpMessage {
  Type: 'SubscriptionConfirmation' | 'Notification' | 'UnsubscribeConfirmation';
  MessageId: string;
  Message: string;
  SubscribeURL?: string;
  MessageAttributes?: Record<string, { Type: string; Value: string }>;
}

export interface HttpSubscriber {
  url: string;
  /** Every request, with the time its body had arrived (epoch milliseconds). */
  received: {
    headers: Record<string, string | string[] | undefined>;
    message: SnsHttpMessage;
    atMs: number;
  }[];
  notifications(): SnsHttpMessage[];
  close(): Promise<void>;
}

export async function startHttpSubscriber(
  options: { confirm: boolean } = { confirm: true },
): Promise<HttpSubscriber> {
  const received: HttpSubscriber['received'] = [];
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
    const atMs = Date.now();
    const message = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SnsHttpMessage;
    received.push({ headers: request.headers, message, atMs });
    if (
      options.confirm &&
      message.Type === 'SubscriptionConfirmation' &&
      message.SubscribeURL !== undefined
    ) {
      await fetch(message.SubscribeURL);
    }
    response.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/events`,
    received,
    notifications: () =>
      received.filter(({ message }) => message.Type === 'Notification').map(({ message }) => message),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
