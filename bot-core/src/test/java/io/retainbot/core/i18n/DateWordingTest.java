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

    @Test
    void keepsTheTwentyFourHourClockInEnglishAndKorean() {
        Instant fourPm = Instant.parse("2026-11-24T08:00:00Z");
        assertThat(DateWording.time(fourPm, MANILA, "en")).isEqualTo("16:00");
        assertThat(DateWording.time(fourPm, MANILA, "ko")).isEqualTo("16:00");
        assertThat(DateWording.time(fourPm, MANILA, "tl")).isEqualTo("alas-4 ng hapon");
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
