package io.retainbot.core.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SendPolicyTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant SEOUL_NOON = Instant.parse("2026-12-05T03:00:00Z");
    private static final SendPolicy POLICY = SendPolicy.DEFAULT;

    @Test
    void marketingNeedsConsent() {
        assertThat(POLICY.decide(TemplatePurpose.MARKETING, false, true, null, SEOUL, SEOUL_NOON))
                .isEqualTo(new SendPolicy.Decision.Skip(SendPolicy.SkipReason.NO_CONSENT));
        assertThat(POLICY.decide(TemplatePurpose.MARKETING, true, true, null, SEOUL, SEOUL_NOON))
                .isEqualTo(new SendPolicy.Decision.Send());
    }

    @Test
    void serviceMessagesNeedNoConsentAndIgnoreQuietHoursButNeverGoToTheUnreachable() {
        Instant seoulMidnight = Instant.parse("2026-12-05T15:00:00Z");

        assertThat(POLICY.decide(TemplatePurpose.SERVICE, false, true, SEOUL_NOON, SEOUL, seoulMidnight))
                .isEqualTo(new SendPolicy.Decision.Send());
        assertThat(POLICY.decide(TemplatePurpose.SERVICE, true, false, null, SEOUL, SEOUL_NOON))
                .isEqualTo(new SendPolicy.Decision.Skip(SendPolicy.SkipReason.UNREACHABLE));
    }

    @Test
    void atMostOneMarketingMessageInThreeDays() {
        Instant lastSent = SEOUL_NOON.minus(Duration.ofDays(3)).plusSeconds(1);

        assertThat(POLICY.decide(TemplatePurpose.MARKETING, true, true, lastSent, SEOUL, SEOUL_NOON))
                .isEqualTo(new SendPolicy.Decision.Skip(SendPolicy.SkipReason.FREQUENCY_CAP));
        assertThat(POLICY.decide(TemplatePurpose.MARKETING, true, true, lastSent.minusSeconds(1), SEOUL, SEOUL_NOON))
                .isEqualTo(new SendPolicy.Decision.Send());
    }

    @Test
    void quietHoursInTheCustomersZoneWaitForNineInTheMorning() {
        Instant seoul2230 = Instant.parse("2026-12-05T13:30:00Z");
        Instant seoul0300 = Instant.parse("2026-12-05T18:00:00Z");
        Instant seoul0900 = Instant.parse("2026-12-06T00:00:00Z");

        assertThat(POLICY.decide(TemplatePurpose.MARKETING, true, true, null, SEOUL, seoul2230))
                .isEqualTo(new SendPolicy.Decision.Wait(seoul0900));
        assertThat(POLICY.decide(TemplatePurpose.MARKETING, true, true, null, SEOUL, seoul0300))
                .isEqualTo(new SendPolicy.Decision.Wait(seoul0900));
        assertThat(POLICY.decide(TemplatePurpose.MARKETING, true, true, null, SEOUL, seoul0900))
                .isEqualTo(new SendPolicy.Decision.Send());
        assertThat(POLICY.decide(TemplatePurpose.MARKETING, true, true, null, SEOUL, seoul0900.minusSeconds(1)))
                .isEqualTo(new SendPolicy.Decision.Wait(seoul0900));
    }

    @Test
    void quietHoursEndAtNineLocalEvenWhenTheClocksChangeThatNight() {
        // Berlin moves to summer time at 02:00 on 28 March 2027: 23:00 on the 27th is 22:00 UTC, 09:00 on the 28th is 07:00 UTC.
        Instant lateEvening = Instant.parse("2027-03-27T22:00:00Z");

        assertThat(POLICY.decide(TemplatePurpose.MARKETING, true, true, null, BERLIN, lateEvening))
                .isEqualTo(new SendPolicy.Decision.Wait(Instant.parse("2027-03-28T07:00:00Z")));
    }

    @Test
    void quietHoursCanBeWithinOneDayOrSwitchedOff() {
        SendPolicy lunch = new SendPolicy(Duration.ZERO, LocalTime.of(12, 0), LocalTime.of(13, 0));
        SendPolicy never = new SendPolicy(Duration.ZERO, LocalTime.of(9, 0), LocalTime.of(9, 0));
        Instant seoul1230 = Instant.parse("2026-12-05T03:30:00Z");

        assertThat(lunch.decide(TemplatePurpose.MARKETING, true, true, seoul1230, SEOUL, seoul1230))
                .isEqualTo(new SendPolicy.Decision.Wait(Instant.parse("2026-12-05T04:00:00Z")));
        assertThat(never.decide(TemplatePurpose.MARKETING, true, true, null, SEOUL, seoul1230))
                .isEqualTo(new SendPolicy.Decision.Send());
    }

    @Test
    void aPacedServiceContactWaitsForTheEndOfQuietHoursAndOfTheCap() {
        Instant seoulEleven = Instant.parse("2026-12-05T14:00:00Z");
        assertThat(POLICY.pacedFrom(null, SEOUL, SEOUL_NOON)).isEqualTo(SEOUL_NOON);
        assertThat(POLICY.pacedFrom(null, SEOUL, seoulEleven)).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        Instant twoDaysAgo = SEOUL_NOON.minus(Duration.ofDays(2));
        assertThat(POLICY.pacedFrom(twoDaysAgo, SEOUL, SEOUL_NOON)).isEqualTo(SEOUL_NOON.plus(Duration.ofDays(1)));
        Instant capEndsAtNight = Instant.parse("2026-12-02T13:30:00Z");
        assertThat(POLICY.pacedFrom(capEndsAtNight, SEOUL, SEOUL_NOON))
                .as("the cap ends at 22:30 in Seoul, in quiet hours: the next morning at 09:00")
                .isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
    }

    @Test
    void aPacedContactHasBeenAllowedSinceTheLastQuietHoursOrCapEnded() {
        assertThat(POLICY.pacedSince(null, SEOUL, SEOUL_NOON)).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
        assertThat(POLICY.pacedSince(SEOUL_NOON.minus(Duration.ofHours(73)), SEOUL, SEOUL_NOON))
                .as("the cap ended at 11:00, after the quiet hours")
                .isEqualTo(Instant.parse("2026-12-05T02:00:00Z"));
        assertThat(new SendPolicy(Duration.ZERO, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).pacedSince(null, BERLIN,
                SEOUL_NOON)).isEqualTo(Instant.MIN);
    }
}
