package io.retainbot.core.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.flow.LeavingFlow;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.port.OptOutStore;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.PlannedTimetable;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.usecase.ServiceReports;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outreach report: exit reasons, and per broadcast and template what was sent, opt-outs and offer codes. */
class OutreachReportIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private EngineFixture engine;
    private Transactor transactor;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        // Monday 23 November 2026, 15:20 in Seoul: outside quiet hours
        engine = EngineFixture.start(db, "2026-11-23T06:20:00Z", "Asia/Seoul");
        transactor = engine.transactor();
    }

    @Test
    void countsCodesSentAndRedeemedAndTheOptOutsAndReasonsThatFollowedABroadcast() {
        ChatTranscript ana = consenting("8001", "Ana");
        ChatTranscript ben = consenting("8002", "Ben");
        ChatTranscript cid = consenting("8003", "Cid");
        Templates templates = new Templates(transactor, new TemplateRenderer(Messages.builtIn(), "Demo Shop", SEOUL),
                engine.clock());
        long perk = templates.create(Templates.draft("Perk", TemplatePurpose.MARKETING, "en", List.of(
                new TemplateText("en", Tone.FORMAL, "Dear {name}, your code is {offerCode}.")),
                List.of(TemplateButton.THANKS), 30)).orElseThrow().id();
        long everyone = new Segments(transactor, engine.clock()).create("everyone", SegmentFilter.EVERYONE)
                .orElseThrow().segment().id();
        Broadcast broadcast = new Broadcasts(transactor, SEOUL, engine.clock(), new PlannedTimetable())
                .create("Perk for regulars", everyone, perk, new BroadcastSchedule.Once(engine.clock().instant()));
        BroadcastRunner runner = new BroadcastRunner(transactor,
                new TemplateRenderer(Messages.builtIn(), "Demo Shop", SEOUL),
                new Offers(transactor, new OfferCodeGenerator(new Random(7)), engine.clock()), SendPolicy.DEFAULT,
                SEOUL, Set.of(Platform.values()), engine.clock(), BroadcastRunner.Settings.DEFAULT, () -> { });

        runner.advance();
        ana.deliverPending().botSaysContaining("your code is");
        runner.advance();
        String code = ana.lastText().substring(ana.lastText().indexOf("is ") + 3, ana.lastText().length() - 1);
        Offers offers = new Offers(transactor, new OfferCodeGenerator(new Random(8)), engine.clock());
        assertThat(offers.redeem(code, "till 1")).isInstanceOf(Offers.Redemption.Redeemed.class);
        ben.deliverPending().skipUnread().pressData(LeavingFlow.STOP_BUTTON).skipUnread().press("Too many messages");
        cid.deliverPending().skipUnread().user("/stop").skipUnread().user("Prices went up");
        runner.advance();

        OutreachReport.Figures figures = new OutreachReport(transactor).figures();

        assertThat(figures.exitReasons()).containsEntry("too_many", 1L).containsEntry("other", 1L)
                .containsEntry("unanswered", 0L);
        assertThat(figures.exitTexts()).containsExactly("Prices went up");
        assertThat(figures.broadcasts()).singleElement().isEqualTo(new OptOutStore.BroadcastTally(broadcast.id(),
                "Perk for regulars", perk, 3, 2, 3, 1));
        assertThat(figures.templates()).singleElement().isEqualTo(new OptOutStore.TemplateTally(perk, "Perk", 3, 3, 1));

        // the same, per week of a period: this week has it all, the week before nothing (but is there)
        ServiceReports reports = new ServiceReports(transactor, engine.business(), engine.clock());
        ServiceReports.OutreachWeeks weeks = reports.outreach(Instant.parse("2026-11-15T15:00:00Z"),
                engine.clock().instant().plusSeconds(60));
        assertThat(weeks.weeks()).containsExactly(
                new OptOutStore.WeekTally(LocalDate.parse("2026-11-16"), 0, 0, 0, 0),
                new OptOutStore.WeekTally(LocalDate.parse("2026-11-23"), 3, 2, 3, 1));
        assertThat(reports.outreach(Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"))
                .weeks()).containsExactly(new OptOutStore.WeekTally(LocalDate.parse("2026-11-30"), 0, 0, 0, 0));
    }

    private ChatTranscript consenting(String userId, String name) {
        return engine.chat(userId, name, "en").user("/start").skipUnread().press("Yes, please").skipUnread();
    }
}
