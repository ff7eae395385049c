/**
 * 서울연결처방's part of the kiosk config: which 자치구 the venue is in (its
 * programmes are suggested first) and the 외로움챗봇 channel printed as a QR
 * code on every prescription slip and shown on the crisis panels. No
 * address is invented here: without `chatbotUrl` the slip names the chatbot
 * in words and still carries 외로움안녕120.
 */
import { z } from 'zod';
import { DISTRICT_IDS, type DistrictId } from '../../contract/connect-lists';

const localized = z.object({ ko: z.string().min(1).max(40), en: z.string().min(1).max(40) }).strict();

export const connectConfigSchema = z
  .object({
    /** The venue's own 자치구 (`mapo`, `jung`, …); null: no district is preferred. */
    venueDistrict: z
      .enum(DISTRICT_IDS as [DistrictId, ...DistrictId[]], { error: `one of the 25 districts: ${DISTRICT_IDS.join(', ')}` })
      .nullable()
      .default(null),
    /** The 외로움챗봇 KakaoTalk channel address (https://pf.kakao.com/…), printed as a QR code. */
    chatbotUrl: z.url({ protocol: /^https$/, error: 'must be an https:// address' }).max(300).nullable().default(null),
    chatbotName: localized.default({ ko: '외로움챗봇 (카카오톡)', en: 'Loneliness chatbot (KakaoTalk)' }),
    /** Whether a prescription slip carries a programme at all (a venue may switch it off while its catalog is empty). */
    programsOnSlip: z.boolean().default(true),
  })
  .strict();

export type ConnectConfig = z.output<typeof connectConfigSchema>;
