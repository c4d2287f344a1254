import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { types } from 'mediasoup';

/**
 * The RTP source: Debian's ffmpeg sending a real VP8 stream (a moving test
 * pattern, 1280×720 at 30 fps, about 1 Mbit/s, a keyframe every second so a
 * consumer that starts or resumes gets a picture within a second). The
 * stream is encoded once into a file and then replayed in a loop with
 * `-c copy`, so the source costs next to no CPU and never limits the figure.
 * A send transport learns ffmpeg's addresses from its first packets
 * (comedia), which is why ffmpeg runs, feeding both subjects, for the whole
 * bench; the subject not being measured has its producer paused.
 */

export const VIDEO_PAYLOAD_TYPE = 101;
export const VIDEO_SSRC = 0x5a5a_0001;
/**
 * As long as the measurement window (BENCH_FORWARD_WINDOW_MS, 5000), or a
 * divisor of it: any window then holds whole loops of the clip, so every
 * measurement carries the same packets whatever moment of the clip it starts.
 */
const CLIP_SECONDS = 5;
const BITRATE = '1M';

/** What a producer is told about ffmpeg's stream: only what ffmpeg's RTP muxer sends. */
export const SOURCE_RTP_PARAMETERS: types.RtpParameters = {
  codecs: [{ mimeType: 'video/VP8', payloadType: VIDEO_PAYLOAD_TYPE, clockRate: 90000 }],
  encodings: [{ ssrc: VIDEO_SSRC }],
};

/** The encoded clip, made on first use and kept in the temporary folder (a few seconds of one core). */
export function sourceClip(): string {
  const folder = join(tmpdir(), 'samplan-bench-forward');
  const clip = join(folder, `testsrc2-720p30-vp8-${BITRATE}-${CLIP_SECONDS}s.webm`);
  if (existsSync(clip)) return clip;
  mkdirSync(folder, { recursive: true });
  const partial = `${clip}.partial.webm`;
  const encoded = spawnSync(
    'ffmpeg',
    [
      ...['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'],
      ...['-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=30:duration=${CLIP_SECONDS}`],
      ...['-c:v', 'libvpx', '-b:v', BITRATE, '-minrate', BITRATE, '-maxrate', BITRATE, '-bufsize', '500k'],
      ...['-deadline', 'realtime', '-cpu-used', '8', '-g', '30', '-keyint_min', '30', '-an', partial],
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (encoded.error !== undefined) throw new Error(`ffmpeg is needed (npm run setup -- --for bench installs it): ${encoded.error.message}`);
  if (encoded.status !== 0) throw new Error(`ffmpeg could not encode the source clip (exit ${encoded.status})`);
  renameSync(partial, clip);
  return clip;
}

/**
 * Replays `clip` at its own pace, forever, as RTP and RTCP to each target on
 * 127.0.0.1: one ffmpeg, one output per target, so every subject gets the
 * same packets at the same moment of the clip. `cpu` pins it to one core.
 */
export function startSource(clip: string, targets: ReadonlyArray<{ rtp: number; rtcp: number }>, cpu: number | undefined): ChildProcess {
  const ffmpeg = [
    'ffmpeg',
    ...['-nostdin', '-hide_banner', '-loglevel', 'error'],
    ...['-re', '-stream_loop', '-1', '-i', clip],
    ...targets.flatMap(({ rtp, rtcp }) => [
      ...['-map', '0:v', '-c', 'copy', '-ssrc', String(VIDEO_SSRC), '-payload_type', String(VIDEO_PAYLOAD_TYPE)],
      ...['-f', 'rtp', `rtp://127.0.0.1:${rtp}?pkt_size=1200&rtcpport=${rtcp}`],
    ]),
  ];
  const command = cpu === undefined ? ffmpeg : ['taskset', '-c', String(cpu), ...ffmpeg];
  return spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
}
