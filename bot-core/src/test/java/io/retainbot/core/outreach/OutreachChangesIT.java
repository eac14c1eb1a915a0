package io.retainbot.core.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.PlannedTimetable;
import io.retainbot.core.testing.TestDatabase;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every change to outreach is recorded with who made it, in the transaction that made it. */
class OutreachChangesIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final Transactor transactor = db.database().transactor();
    private final MutableClock clock = MutableClock.at("2026-11-30T01:00:00Z");
    private final Segments segments = new Segments(transactor, clock);
    private final Templates templates = new Templates(transactor,
            new TemplateRenderer(Messages.builtIn(), "Demo Shop", SEOUL), clock);
    private final Broadcasts broadcasts = new Broadcasts(transactor, SEOUL, clock, new PlannedTimetable());
    private final Greetings greetings = new Greetings(transactor, SEOUL, clock, new PlannedTimetable());
    private final OutreachChanges changes = new OutreachChanges(transactor);

    @BeforeEach
    void emptyFile() {
        db.truncateAll();
    }

    @Test
    void recordsWhoCreatedSteeredAndDeletedWhatNewestFirst() {
        StaffMember sora = transactor.inTransaction(session -> session.staff().add("Sora Kim", StaffRole.MARKETER,
                clock.instant()));
        ChangedBy bySora = ChangedBy.staff(sora.id(), sora.name());
        long segment = segments.create("Regulars", SegmentFilter.EVERYONE, bySora).orElseThrow().segment().id();
        tick();
        long template = templates.create(draft("Invitation"), bySora).orElseThrow().id();
        tick();
        Broadcast broadcast = broadcasts.create("Membership day", segment, template, new BroadcastSchedule.Recurring(
                CalendarRule.parse("first Saturday of every month at 10:00"), BroadcastSchedule.ZoneMode.BUSINESS), bySora);
        tick();
        broadcasts.pause(broadcast.id(), bySora);
        tick();
        broadcasts.resume(broadcast.id());
        tick();
        broadcasts.cancel(broadcast.id(), bySora);
        tick();
        greetings.setBirthday(new Greetings.BirthdaySettings(true, template, LocalTime.of(9, 0), null), bySora);
        tick();
        greetings.setBirthday(new Greetings.BirthdaySettings(false, template, LocalTime.of(9, 30), null));
        tick();
        long unused = templates.create(draft("Unused")).orElseThrow().id();
        tick();
        templates.delete(unused, bySora);

        List<String> lines = changes.latest(20).stream().map(change -> (change.by().isAdminToken() ? "token"
                : change.changedByName()) + " " + change.action() + " " + change.subject() + " " + change.subjectName())
                .toList();
        assertThat(lines).containsExactly(
                "Sora Kim DELETED TEMPLATE Unused",
                "token CREATED TEMPLATE Unused",
                "token CHANGED BIRTHDAY_GREETINGS Birthday greetings",
                "Sora Kim CREATED BIRTHDAY_GREETINGS Birthday greetings",
                "Sora Kim CANCELLED BROADCAST Membership day",
                "token RESUMED BROADCAST Membership day",
                "Sora Kim PAUSED BROADCAST Membership day",
                "Sora Kim CREATED BROADCAST Membership day",
                "Sora Kim CREATED TEMPLATE Invitation",
                "Sora Kim CREATED SEGMENT Regulars");
        assertThat(changes.latest(20).get(0).changedBy()).isEqualTo(sora.id());
        assertThat(changes.latest(20).get(0).subjectId()).isEqualTo(unused);
        assertThat(changes.latest(2)).hasSize(2);
    }

    @Test
    void recordsNothingForAChangeThatDidNotHappen() {
        long segment = segments.create("Regulars", SegmentFilter.EVERYONE).orElseThrow().segment().id();
        assertThat(segments.create("Regulars", SegmentFilter.EVERYONE)).isEmpty();
        assertThat(segments.delete(segment + 1000)).isFalse();
        assertThatThrownBy(() -> broadcasts.create("Nothing", segment, 999_999, new BroadcastSchedule.Once(clock.instant())))
                .isInstanceOf(Broadcasts.Refused.class);

        assertThat(changes.latest(10)).extracting(OutreachChange::action).containsExactly(OutreachChange.Action.CREATED);
    }

    @Test
    void aStaffMemberHasANameAndTheAdminTokenNeither() {
        assertThatThrownBy(() -> new ChangedBy(3L, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangedBy(null, "Sora")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ChangedBy.ADMIN_TOKEN.isAdminToken()).isTrue();
    }

    private void tick() {
        clock.advance(Duration.ofSeconds(1));
    }

    private static io.retainbot.core.outreach.Template draft(String name) {
        return Templates.draft(name, TemplatePurpose.MARKETING, "en",
                List.of(new TemplateText("en", Tone.FORMAL, "Dear {name}, see you on {membershipDay}.")),
                List.of(TemplateButton.THANKS), null);
    }
}
