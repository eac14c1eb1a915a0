package io.retainbot.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateWordingTest {
    private static final ZoneId MANILA = ZoneId.of("Asia/Manila");

    @ParameterizedTest
    @CsvSource({
        "00:00, alas-12 ng hatinggabi",
        "01:00, ala-una ng madaling-araw",
        "04:00, alas-4 ng madaling-araw",
        "05:00, alas-5 ng umaga",
        "10:00, alas-10 ng umaga",
        "10:30, alas-10:30 ng umaga",
        "12:00, alas-12 ng tanghali",
        "13:00, ala-una ng hapon",
        "13:15, ala-1:15 ng hapon",
        "16:00, alas-4 ng hapon",
        "18:00, alas-6 ng gabi",
        "23:45, alas-11:45 ng gabi"})
    void saysTagalogTimesAsPeopleSayThem(String clock, String spoken) {
        assertThat(DateWording.tagalogTime(LocalTime.parse(clock))).isEqualTo(spoken);
    }

    @ParameterizedTest
    @CsvSource({
        "00:00, 밤 12시",
        "00:30, 밤 12시 30분",
        "01:00, 오전 1시",
        "09:05, 오전 9시 5분",
        "11:59, 오전 11시 59분",
        "12:00, 낮 12시",
        "12:30, 낮 12시 30분",
        "13:00, 오후 1시",
        "15:00, 오후 3시",
        "23:45, 오후 11시 45분"})
    void writesKoreanTimesAsAKoreanShopDoes(String clock, String written) {
        assertThat(DateWording.koreanTime(LocalTime.parse(clock))).isEqualTo(written);
    }

    @Test
    void keepsTheTwentyFourHourClockInEnglishOnly() {
        Instant fourPm = Instant.parse("2026-11-24T08:00:00Z");
        assertThat(DateWording.time(fourPm, MANILA, "en")).isEqualTo("16:00");
        assertThat(DateWording.time(fourPm, MANILA, "ko")).isEqualTo("오후 4시");
        assertThat(DateWording.time(fourPm, MANILA, "tl")).isEqualTo("alas-4 ng hapon");
    }

    @Test
    void namesTheWeekdayOfADateAsEachLanguageWritesIt() {
        Instant mondayThreePm = Instant.parse("2026-11-30T06:00:00Z");
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        assertThat(DateWording.dayAndDate(mondayThreePm, seoul, "ko")).isEqualTo("11월 30일(월)");
        assertThat(DateWording.dateAndTime(mondayThreePm, seoul, "ko")).isEqualTo("11월 30일(월) 오후 3시");
        assertThat(DateWording.dayAndDate(mondayThreePm, seoul, "en")).isEqualTo("Monday, November 30");
        assertThat(DateWording.dayAndDate(mondayThreePm, seoul, "tl")).isEqualTo("Lunes, Nobyembre 30");
        assertThat(DateWording.dateAndTime(mondayThreePm, MANILA, "tl")).isEqualTo("Nobyembre 30, alas-2 ng hapon");
    }

    @Test
    void namesTheZoneInTheCustomersLanguage() {
        Instant at = Instant.parse("2026-11-24T08:00:00Z");
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        assertThat(DateWording.zoneName(at, seoul, "en")).isEqualTo("South Korea Time");
        assertThat(DateWording.zoneName(at, seoul, "ko")).isEqualTo("대한민국 시간");
        assertThat(DateWording.zoneName(at, seoul, "tl")).isEqualTo("Oras sa Timog Korea");
        assertThat(DateWording.zoneName(at, MANILA, "en")).isEqualTo("Philippines Time");
    }
}
