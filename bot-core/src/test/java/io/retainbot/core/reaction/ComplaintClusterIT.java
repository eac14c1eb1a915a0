package io.retainbot.core.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.ClusterRule;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.complaint.ComplaintCluster;
import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.flow.Dialogue;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many complaints of one category in a short time flag a cluster once to the supervisors in the staff chat;
 * a new cluster of the category can be flagged after the window; the known-issues report lists them.
 */
class ComplaintClusterIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ChannelRef GROUP = new ChannelRef(Platform.TELEGRAM, "-100777");
    private static final ClusterRule RULE = new ClusterRule(3, Duration.ofMinutes(60));

    private final MutableClock clock = MutableClock.at("2026-11-23T06:20:00Z");
    private EngineFixture engine;
    private ReactionRelay relay;
    private int customers;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        StaffChats staffChats = new StaffChats(Messages.builtIn(), BusinessConfig.defaults(), "en", List.of(GROUP));
        Reactions reactions = Reactions.of(new FlagClusters(staffChats, BusinessConfig.defaults(), RULE));
        engine = EngineFixture.withReactions(db, clock, reactions, BotContactPolicy.DEFAULT);
        relay = new ReactionRelay(engine.transactor(), reactions, clock);
        engine.staff("Ana", StaffRole.SUPERVISOR, "9002");
    }

    private void complaintAt(String time, String category) {
        clock.set(Instant.parse("2026-11-23T" + time + ":00Z"));
        customers++;
        ChatTranscript customer = engine.readyChat(String.valueOf(7000 + customers), "Customer " + customers);
        customer.submitForm(Dialogue.COMPLAINT_FORM, Map.of("category", category,
                "description", "Something went wrong with my " + category + "."));
        relay.runDue();
    }

    private List<ComplaintCluster> clusters() {
        return engine.transactor().inTransaction(session -> session.clusters().flagged(
                Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-24T00:00:00Z")));
    }

    @Test
    void aClusterIsFlaggedOnceToSupervisorsAndAgainOnlyAfterItsWindow() {
        ChatTranscript staff = engine.inStaffChat(GROUP, "9002", "Ana");
        complaintAt("06:20", "delivery");
        complaintAt("06:40", "delivery");
        complaintAt("06:50", "product");
        staff.deliverPending().botSaysNothingMore();

        complaintAt("07:10", "delivery");
        staff.deliverPending().botSays("Cluster: 3 complaints about Delivery within 60 minutes. For the supervisors "
                + "(Ana): if it is one product issue, record it as a known issue (POST /api/known-issues) so its fix "
                + "is offered at once.");
        complaintAt("07:15", "delivery");
        complaintAt("07:50", "delivery");
        staff.deliverPending().botSaysNothingMore();

        complaintAt("08:15", "delivery");
        staff.deliverPending().botSaysNothingMore();
        complaintAt("08:20", "delivery");
        staff.deliverPending().botSaysContaining("Cluster: 3 complaints about Delivery within 60 minutes.");
        assertThat(clusters()).extracting(ComplaintCluster::category, ComplaintCluster::complaints,
                        ComplaintCluster::flaggedAt)
                .containsExactly(tuple("delivery", 3, Instant.parse("2026-11-23T08:20:00Z")),
                        tuple("delivery", 3, Instant.parse("2026-11-23T07:10:00Z")));
    }
}
