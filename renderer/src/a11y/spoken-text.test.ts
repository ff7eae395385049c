import { describe, expect, it } from 'vitest';
import { nativeKorean, ordinalKorean, phoneKorean, sinoKorean, spokenEnglish, spokenKorean, timeKorean } from './spoken-text';

describe('Korean numbers', () => {
  it('reads amounts in Sino-Korean, without a leading 일 for 10, 100, 1000 and 10,000', () => {
    expect([0, 1, 10, 12, 20, 90, 100, 109, 120, 1000, 2026, 10_000, 110_000, 100_000_000].map(sinoKorean)).toEqual([
      '영', '일', '십', '십이', '이십', '구십', '백', '백구', '백이십', '천', '이천이십육', '만', '십일만', '일억',
    ]);
  });
  it('counts in native Korean before a counter, and falls back to Sino-Korean from 100', () => {
    expect([1, 2, 3, 4, 10, 12, 20, 21, 34, 99, 100].map(nativeKorean)).toEqual(['한', '두', '세', '네', '열', '열두', '스무', '스물한', '서른네', '아흔아홉', '백']);
    expect([1, 2, 3, 12].map(ordinalKorean)).toEqual(['첫', '두', '세', '열두']);
  });
  it('reads phone numbers digit by digit in their groups, 0 as 공', () => {
    expect(phoneKorean('02-120')).toBe('공이, 일이공');
    expect(phoneKorean('109')).toBe('일공구');
    expect(phoneKorean('010-1234-5678')).toBe('공일공, 일이삼사, 오육칠팔');
  });
  it('reads clock times with a native hour and Sino-Korean minutes', () => {
    expect(timeKorean(15, 0)).toBe('오후 세 시');
    expect(timeKorean(14, 10)).toBe('오후 두 시 십 분');
    expect(timeKorean(9, 30)).toBe('오전 아홉 시 반');
    expect(timeKorean(12, 0)).toBe('오후 열두 시');
    expect(timeKorean(0, 5)).toBe('오전 열두 시 오 분');
  });
});

describe('spokenKorean: screen text as a person says it', () => {
  it('says a place in line and a wait the way a person would', () => {
    expect(spokenKorean('3번째 순서예요. 10분쯤 기다리시면 돼요.')).toBe('세 번째 순서예요. 십 분쯤 기다리시면 돼요.');
    expect(spokenKorean('상담 번호는 12번이에요.')).toBe('상담 번호는 십이 번이에요.');
    expect(spokenKorean('지금 2명이 기다려요. 15분쯤 걸려요.')).toBe('지금 두 명이 기다려요. 십오 분쯤 걸려요.');
    expect(spokenKorean('간식을 1개 골라 주세요. 12개 남았어요')).toBe('간식을 한 개 골라 주세요. 열두 개 남았어요');
    expect(spokenKorean('지금 10자리예요')).toBe('지금 열 자리예요');
  });
  it('never reads a help line as an amount: 109 is 일공구, 02-120 is 공이 일이공', () => {
    expect(spokenKorean('자살예방상담전화 ☎ 109 (24시간)')).toBe('자살예방상담전화 일공구 (이십사 시간)');
    expect(spokenKorean('외로움안녕120 ☎ 02-120 (연결 후 5번)')).toBe('외로움안녕 일이공 전화 공이, 일이공 (연결 후 오 번)');
    expect(spokenKorean('위험할 때 119에 전화하세요.')).toBe('위험할 때 일일구에 전화하세요.');
    expect(spokenKorean('긴급 신고, 전화 119.')).toBe('긴급 신고, 전화 일일구.');
  });
  it('reads times and dates as on a calendar', () => {
    expect(spokenKorean('오후 3시에 만나요')).toBe('오후 세 시에 만나요');
    expect(spokenKorean('상담을 12월 3일 (수) 14:10에 예약했어요.')).toBe('상담을 십이월 삼 일 수요일 오후 두 시 십 분에 예약했어요.');
    expect(spokenKorean('6월 10일')).toBe('유월 십 일');
    expect(spokenKorean('10월 1일 (토) 09:30')).toBe('시월 일 일 토요일 오전 아홉 시 반');
  });
  it('reads a question count, days and plain digits', () => {
    expect(spokenKorean('마음 질문 1/5')).toBe('마음 질문 다섯 개 가운데 첫 번째');
    expect(spokenKorean('두는 기간: 90일')).toBe('두는 기간: 구십 일');
    // Digits spaced on purpose (the last four of a phone number) stay one by one.
    expect(spokenKorean('끝자리가 1 3 5 7인 전화번호')).toBe('끝자리가 일 삼 오 칠인 전화번호');
  });
  it('leaves text without numbers as it is', () => {
    expect(spokenKorean('지금 많이 힘들어요')).toBe('지금 많이 힘들어요');
  });
});

describe('spokenEnglish', () => {
  it('reads phone numbers digit by digit and leaves the rest to the voice', () => {
    expect(spokenEnglish('Loneliness line 120: call 02-120, then press 5')).toBe('Loneliness line one two zero: call zero two, one two zero, then press 5');
    expect(spokenEnglish('Suicide prevention line: call 109 (24 hours)')).toBe('Suicide prevention line: call one zero nine (24 hours)');
    expect(spokenEnglish('Your number is 12.')).toBe('Your number is 12.');
  });
});
