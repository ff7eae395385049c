/**
 * The fixed lists of 서울연결처방 (Seoul Connection Prescription): the six
 * program categories and Seoul's 25 자치구, in one place for the services,
 * the CSV, the console's form and the slip. Ids are stable ASCII (they sit in
 * CSV files, events and the city roll-up); names are what people read.
 */

export const PROGRAM_CATEGORIES = ['culture', 'arts', 'sports', 'self-care', 'healing', 'mind-health'] as const;
export type ProgramCategory = (typeof PROGRAM_CATEGORIES)[number];

export const categoryNames: Record<ProgramCategory, { ko: string; en: string }> = {
  culture: { ko: '문화', en: 'Culture' },
  arts: { ko: '예술', en: 'Arts' },
  sports: { ko: '운동', en: 'Sports' },
  'self-care': { ko: '자기돌봄', en: 'Self-care' },
  healing: { ko: '심리 치유', en: 'Psychological healing' },
  'mind-health': { ko: '마음건강 돌봄', en: 'Mind-health care' },
};

/** The 25 autonomous districts of Seoul, in the city's own order, plus `seoul` for a programme open city-wide. */
export const SEOUL_DISTRICTS = [
  ['jongno', '종로구', 'Jongno-gu'],
  ['jung', '중구', 'Jung-gu'],
  ['yongsan', '용산구', 'Yongsan-gu'],
  ['seongdong', '성동구', 'Seongdong-gu'],
  ['gwangjin', '광진구', 'Gwangjin-gu'],
  ['dongdaemun', '동대문구', 'Dongdaemun-gu'],
  ['jungnang', '중랑구', 'Jungnang-gu'],
  ['seongbuk', '성북구', 'Seongbuk-gu'],
  ['gangbuk', '강북구', 'Gangbuk-gu'],
  ['dobong', '도봉구', 'Dobong-gu'],
  ['nowon', '노원구', 'Nowon-gu'],
  ['eunpyeong', '은평구', 'Eunpyeong-gu'],
  ['seodaemun', '서대문구', 'Seodaemun-gu'],
  ['mapo', '마포구', 'Mapo-gu'],
  ['yangcheon', '양천구', 'Yangcheon-gu'],
  ['gangseo', '강서구', 'Gangseo-gu'],
  ['guro', '구로구', 'Guro-gu'],
  ['geumcheon', '금천구', 'Geumcheon-gu'],
  ['yeongdeungpo', '영등포구', 'Yeongdeungpo-gu'],
  ['dongjak', '동작구', 'Dongjak-gu'],
  ['gwanak', '관악구', 'Gwanak-gu'],
  ['seocho', '서초구', 'Seocho-gu'],
  ['gangnam', '강남구', 'Gangnam-gu'],
  ['songpa', '송파구', 'Songpa-gu'],
  ['gangdong', '강동구', 'Gangdong-gu'],
] as const;

export type DistrictId = (typeof SEOUL_DISTRICTS)[number][0];
export const DISTRICT_IDS = SEOUL_DISTRICTS.map((d) => d[0]) as DistrictId[];
/** Where a programme is: one district, or `seoul` (anyone in the city, e.g. an age-specific city centre). */
export const PROGRAM_PLACES = [...DISTRICT_IDS, 'seoul'] as const;
export type ProgramPlace = DistrictId | 'seoul';

export function placeName(place: string): { ko: string; en: string } {
  if (place === 'seoul') return { ko: '서울 전역', en: 'All of Seoul' };
  const d = SEOUL_DISTRICTS.find((x) => x[0] === place);
  return d ? { ko: d[1], en: d[2] } : { ko: place, en: place };
}

/** Who a programme suits by age: young adults (19–39), middle age (40–64), 65 and over. An empty list is everyone. */
export const AGE_BANDS = ['youth', 'middle', 'senior'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const ageBandNames: Record<AgeBand, { ko: string; en: string }> = {
  youth: { ko: '청년(19~39세)', en: 'Young adults (19-39)' },
  middle: { ko: '중장년(40~64세)', en: 'Middle age (40-64)' },
  senior: { ko: '어르신(65세 이상)', en: 'Older adults (65+)' },
};
