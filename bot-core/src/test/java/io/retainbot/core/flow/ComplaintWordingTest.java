package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.i18n.Texts;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ComplaintWordingTest {
    private static final Messages MESSAGES = Messages.builtIn();
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ZoneId MANILA = ZoneId.of("Asia/Manila");
    /** Monday 2026-11-23, 15:20 in Seoul. */
    private static final Instant NOW = Instant.parse("2026-11-23T06:20:00Z");

    private final ComplaintWording wording = new ComplaintWording();

    @Test
    void saysTagalogPromisesAsAnAgentWould() {
        Texts tagalog = MESSAGES.in("tl", Tone.FORMAL);

        assertThat(promise(tagalog, "2026-11-23T08:00:00Z", SEOUL)).isEqualTo("mamayang alas-5 ng hapon");
        assertThat(promise(tagalog, "2026-11-24T07:00:00Z", SEOUL)).isEqualTo("bukas, alas-4 ng hapon");
        assertThat(promise(tagalog, "2026-11-25T01:00:00Z", SEOUL)).isEqualTo("sa Miyerkules, alas-10 ng umaga");
        assertThat(promise(tagalog, "2026-12-08T03:00:00Z", SEOUL)).isEqualTo("sa Martes, Disyembre 8, alas-12 ng tanghali");
    }

    @Test
    void saysKoreanPromisesAsAKoreanShopWritesThem() {
        Texts korean = MESSAGES.in("ko", Tone.FORMAL);

        assertThat(promise(korean, "2026-11-23T08:00:00Z", SEOUL)).isEqualTo("오늘 오후 5시");
        assertThat(promise(korean, "2026-11-24T07:30:00Z", SEOUL)).isEqualTo("내일 오후 4시 30분");
        assertThat(promise(korean, "2026-11-25T01:00:00Z", SEOUL)).isEqualTo("수요일 오전 10시");
        assertThat(promise(korean, "2026-12-08T03:00:00Z", SEOUL)).isEqualTo("12월 8일(화) 낮 12시");
    }

    @Test
    void namesTheCustomersZoneOnlyWhenItIsNotTheBusinesss() {
        String tomorrow = "2026-11-24T07:00:00Z";

        assertThat(promise(MESSAGES.in("en", Tone.FORMAL), tomorrow, MANILA)).isEqualTo("by tomorrow 15:00 (Philippines Time)");
        assertThat(promise(MESSAGES.in("ko", Tone.FRIENDLY), tomorrow, MANILA)).isEqualTo("내일 오후 3시(필리핀 시간)");
        assertThat(promise(MESSAGES.in("tl", Tone.FRIENDLY), tomorrow, MANILA))
                .isEqualTo("bukas, alas-3 ng hapon (Oras sa Pilipinas)");
        assertThat(promise(MESSAGES.in("en", Tone.FORMAL), tomorrow, SEOUL)).isEqualTo("by tomorrow 16:00");
    }

    private String promise(Texts texts, String promisedAt, ZoneId customerZone) {
        return wording.promise(texts, Instant.parse(promisedAt), NOW, customerZone, SEOUL);
    }
}
