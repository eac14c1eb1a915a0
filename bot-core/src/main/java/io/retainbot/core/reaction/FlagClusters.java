package io.retainbot.core.reaction;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.ClusterRule;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.complaint.ComplaintCluster;
import io.retainbot.core.complaint.ComplaintFiled;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * "Track common complaints so you know how to solve them quickly": a new complaint that makes its category
 * reach the business's cluster rule (by default 5 within 2 hours) flags a cluster, once, to the supervisors
 * in the staff chats, with a hint to record it as a known issue; the known-issues report lists it.
 */
public final class FlagClusters implements Reaction {
    public static final String NAME = "flag_clusters";

    private final StaffChats staffChats;
    private final BusinessConfig business;
    private final ClusterRule rule;

    public FlagClusters(StaffChats staffChats, BusinessConfig business, ClusterRule rule) {
        this.staffChats = staffChats;
        this.business = business;
        this.rule = rule;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reactsTo(DomainEvent event) {
        return event instanceof ComplaintFiled;
    }

    @Override
    public void react(StoreSession session, RecordedEvent recorded, Instant now, Reactions reactions) {
        ComplaintFiled filed = (ComplaintFiled) recorded.event();
        Optional<ComplaintCluster> cluster = session.clusters().flag(filed.category(), rule, filed.occurredAt());
        if (cluster.isEmpty()) {
            return;
        }
        String supervisors = session.staff().list(true).stream().filter(staff -> staff.role() == StaffRole.SUPERVISOR)
                .map(StaffMember::name).collect(Collectors.joining(", "));
        String category = business.category(filed.category()).map(found -> found.label(staffChats.texts().language()))
                .orElse(filed.category());
        String text = staffChats.texts().get("staff.cluster", "count", cluster.get().complaints(),
                "category", category, "minutes", rule.within().toMinutes(),
                "supervisors", supervisors.isEmpty() ? staffChats.texts().get("staff.cluster.no_supervisor")
                        : supervisors);
        for (ChannelRef chat : staffChats.chats()) {
            session.outbox().enqueue(OutboxItem.staff(chat, OutboundMessage.Text.of(text), now));
        }
    }
}
