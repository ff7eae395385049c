/**
 * The kiosk's one JSON config file. Every field has a default, and every
 * device defaults to its simulator, so an empty file (or none) runs a fresh
 * install with no hardware. Unknown fields are errors: a typo must not be
 * silently ignored on a venue machine.
 */
import { z } from 'zod';
import { printerConfigSchema } from '../printing/printer-config';
import { vendingConfigSchema } from '../vending/vending-config';
import { a11yConfigSchema } from '../a11y/a11y-config';
import { storeConfigSchema } from '../store/store-config';
import { opsConfigSchema } from '../ops/ops-config';
import { connectConfigSchema } from '../connect/connect-config';

const localized = z.object({ ko: z.string().min(1).max(80), en: z.string().min(1).max(80) }).strict();

export const configSchema = z
  .object({
    /** Stable id of this kiosk, unique in the city (`gangnam-1`). Generated and kept in the database when absent. */
    kioskId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/, 'lowercase letters, digits and dashes, 3 to 40 characters')
      .optional(),
    venue: z
      .object({
        name: localized.default({ ko: '서울잇다플레이스', en: 'Seoul Itda Place' }),
        /** Printed as a QR code on slips. */
        url: z.url({ protocol: /^https$/, error: 'must be an https:// address' }).default('https://itda.seoul.go.kr'),
        hours: localized.default({ ko: '평일 10:00–20:00, 주말 10:00–18:00', en: 'Weekdays 10:00–20:00, weekends 10:00–18:00' }),
      })
      .strict()
      .prefault({}),
    /** Seconds without input before "Are you still there?". */
    idleSeconds: z.number().int().min(2).max(3600).default(60),
    /** Seconds the "Are you still there?" countdown runs before the session is cleared. */
    idleCountdownSeconds: z.number().int().min(2).max(120).default(15),
    languages: z.array(z.enum(['ko', 'en'])).min(1).default(['ko', 'en']),
    defaultLanguage: z.enum(['ko', 'en']).default('ko'),
    printer: printerConfigSchema.prefault({}),
    vending: vendingConfigSchema.prefault({}),
    /** Barrier-free options: keypad keys, low-reach geometry, local TTS program. */
    a11y: a11yConfigSchema.prefault({}),
    store: storeConfigSchema.prefault({}),
    /** Nightly maintenance hour, disk guard and log limits. */
    ops: opsConfigSchema.prefault({}),
    /** 서울연결처방 on the slip: the venue's district, the 외로움챗봇 channel. */
    connect: connectConfigSchema.prefault({}),
    /**
     * What the staff console's configuration screen may set (see
     * `staff/config-edit-policy.ts`). Only this file can widen it: the console cannot edit it.
     */
    configEdits: z
      .object({
        /** Extra paths (prefixes) a `file:` printer may write to, besides /dev/usb/lp* and /dev/tty*. */
        printerFilePaths: z.array(z.string().startsWith('/')).max(10).default([]),
        /** Networks (CIDR) a `tcp://` printer may be in. */
        printerNetworks: z
          .array(z.string().regex(/^[0-9a-fA-F.:]+\/\d{1,3}$/, 'a network like 192.168.0.0/16'))
          .max(20)
          .default(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8', 'fc00::/7', '::1/128']),
      })
      .strict()
      .prefault({}),
    /** The web host. Beyond loopback (`--listen ADDR`) it serves only over TLS, with these files. */
    webHost: z
      .object({
        tls: z
          .object({
            /** PEM certificate (chain) file. */
            certFile: z.string().min(1),
            /** PEM private key file, readable by the kiosk user only. */
            keyFile: z.string().min(1),
          })
          .strict()
          .nullable()
          .default(null),
        /** Origins besides the host's own whose pages may open the API (a kiosk screen served under another name). */
        allowedOrigins: z.array(z.url({ protocol: /^https?$/ })).max(10).default([]),
      })
      .strict()
      .prefault({}),
    /** 아름다운 동행 가게 sharing coupons (shops are kept in the staff console). */
    coupons: z
      .object({
        /**
         * The redemption page as a shop's phone reaches it on the venue LAN
         * (`https://<kiosk address>:<port>/redeem`). The slip's QR is this
         * address with the code after `#` (never sent to any server); null: the
         * slip carries the code alone, to type.
         */
        redeemUrl: z.url({ protocol: /^https$/, error: 'must be an https:// address' }).nullable().default(null),
        /** Offer coupons at all (a venue without shops yet offers none anyway). */
        enabled: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    /** The venue hub (`npm run hub`): none by default, and then the kiosk works alone as always. */
    hub: z
      .object({
        /** https://… (http:// only for a hub on this machine). `ITDA_HUB_URL` overrides it. */
        url: z.string().min(1).max(300).nullable().default(null),
        /** PEM CA certificate for a hub with the venue's own certificate. */
        caFile: z.string().min(1).nullable().default(null),
        /** A staff alert when this many events wait for the hub... */
        lagAlertEvents: z.number().int().min(1).default(5_000),
        /** ...or the oldest has waited this long. */
        lagAlertMinutes: z.number().int().min(1).default(60),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .refine((c) => c.languages.includes(c.defaultLanguage), {
    message: 'defaultLanguage must be one of languages',
    path: ['defaultLanguage'],
  });

export type KioskConfig = z.output<typeof configSchema>;
export type KioskConfigInput = z.input<typeof configSchema>;
