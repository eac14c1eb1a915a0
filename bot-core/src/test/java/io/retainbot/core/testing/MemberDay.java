package io.retainbot.core.testing;

import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.outreach.Broadcast;
import io.retainbot.core.outreach.BroadcastRunner;
import io.retainbot.core.outreach.BroadcastSchedule;
import io.retainbot.core.outreach.Broadcasts;
import io.retainbot.core.outreach.OfferCodeGenerator;
import io.retainbot.core.outreach.Offers;
import io.retainbot.core.outreach.SegmentFilter;
import io.retainbot.core.outreach.Segments;
import io.retainbot.core.outreach.SendPolicy;
import io.retainbot.core.outreach.TemplatePurpose;
import io.retainbot.core.outreach.TemplateRenderer;
import io.retainbot.core.outreach.TemplateText;
import io.retainbot.core.outreach.Templates;
import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * For benchmarks: a "Member day" service broadcast to everyone, due now, and a runner that sends it on
 * Telegram with the default settings.
 *
 * @param queued told when the runner queued messages (to wake the outbox dispatcher)
 */
public record MemberDay(BroadcastRunner runner, long broadcastId) {
    public static MemberDay create(Transactor transactor, Clock clock, ZoneId zone, Runnable queued) {
        return create(transactor, clock, zone, BroadcastRunner.Settings.DEFAULT, queued);
    }

    /** The same with the runner's window and batch as given (the application sizes them from the budget). */
    public static MemberDay create(Transactor transactor, Clock clock, ZoneId zone, BroadcastRunner.Settings settings,
                                   Runnable queued) {
        TemplateRenderer renderer = new TemplateRenderer(Messages.builtIn(), "Demo Shop", zone);
        long template = new Templates(transactor, renderer, clock).create(Templates.draft("Member day",
                TemplatePurpose.SERVICE, "en", List.of(new TemplateText("en", Tone.FORMAL,
                        "Dear {name}, see you on member day.")), List.of(), null)).orElseThrow().id();
        long everyone = new Segments(transactor, clock).create("everyone", SegmentFilter.EVERYONE).orElseThrow()
                .segment().id();
        Broadcast broadcast = new Broadcasts(transactor, zone, clock, new PlannedTimetable()).create("Member day",
                everyone, template, new BroadcastSchedule.Once(clock.instant()));
        BroadcastRunner runner = new BroadcastRunner(transactor, renderer,
                new Offers(transactor, new OfferCodeGenerator(new Random(1)), clock), SendPolicy.DEFAULT, zone,
                Set.of(Platform.TELEGRAM), clock, settings, queued);
        return new MemberDay(runner, broadcast.id());
    }

    /** Starts the broadcast's run (expanding its audience into deliveries); returns the run's id. */
    public long start() {
        return runner.occur(broadcastId).runs().get(0);
    }
}
