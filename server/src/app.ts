import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Config, loadConfig } from './config.ts';
import { createHttpApp } from './http/httpApp.ts';
import { createLogger, type Logger } from './logger.ts';
import { MediaService } from './media/mediaService.ts';
import { attachSignalling, type SignallingServer } from './signalling/socketServer.ts';

export type RunningSamplan = {
  /** Where the server answers, e.g. http://127.0.0.1:40123 (PUBLIC_URL when set). */
  url: string;
  port: number;
  config: Config;
  media: MediaService;
  io: SignallingServer;
  logger: Logger;
  close(): Promise<void>;
};

function listen(server: HttpServer, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts the whole server in this process: media workers, HTTP API, client
 * files and signalling. `overrides` win over the environment (tests pass
 * `port: 0` and get a free port back in `port`).
 */
export async function startSamplan(overrides: Partial<Config> = {}): Promise<RunningSamplan> {
  const config = loadConfig(process.env, overrides);
  const logger = createLogger(config.logLevel);
  const media = await MediaService.start(
    {
      size: config.mediaWorkers,
      listenIp: config.mediaListenIp,
      announcedAddress: config.mediaAnnouncedAddress,
      basePort: config.mediaPort,
      rtcMinPort: config.rtcMinPort,
      rtcMaxPort: config.rtcMaxPort,
    },
    logger,
  );
  const httpServer = createServer(createHttpApp({ config, media, logger }));
  const io = attachSignalling(httpServer, { media, config, logger });
  let port: number;
  try {
    port = await listen(httpServer, config.host, config.port);
  } catch (error) {
    media.close();
    throw error;
  }
  const url = config.publicUrl ?? `http://${urlHost(config.host)}:${port}`;
  logger.info({ url, workers: media.workerCount }, 'Samplan started');

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    config,
    media,
    io,
    logger,
    close() {
      closing ??= (async () => {
        // Socket.IO closes the HTTP server too (idle keep-alive connections at once, requests under way when answered).
        await io.close();
        media.close();
      })();
      return closing;
    },
  };
}
