import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium with fake camera and microphone (a moving test pattern
 * and a beep), the permission prompt answered, and ICE allowed on loopback:
 * without that flag Chromium offers no 127.0.0.1 candidates and never
 * connects to a server on loopback.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    '--allow-loopback-in-peer-connection',
    '--autoplay-policy=no-user-gesture-required',
  ],
};
