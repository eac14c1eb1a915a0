package io.retainbot.core.engine;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.DueEvent;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.Reachability;
import io.retainbot.core.event.ContactSkipped;
import io.retainbot.core.flow.ComplaintLookup;
import io.retainbot.core.flow.Conversation;
import io.retainbot.core.flow.CustomerCard;
import io.retainbot.core.flow.Dialogue;
import io.retainbot.core.flow.Step;
import io.retainbot.core.flow.Turn;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.outbox.Lane;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.InboxStore;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.reaction.Reactions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the conversations the bot begins itself (a survey after a resolution). The due event is
 * recorded in the inbox under its deterministic id, so it is handled once however often it arrives.
 * The customer is reached on the chat the event prefers or the one they used last; a customer in the
 * middle of another flow is not interrupted: the event is deferred, or skipped once the wait is over.
 * A paced contact (a check-in) held by the customer's quiet hours or the frequency cap is deferred to the
 * next allowed time, and its wait for a busy customer counts from then.
 */
final class BotInitiation {
    private static final Logger log = LoggerFactory.getLogger(BotInitiation.class);
    /** Names a chat in {@link DueEvent#data()} the event prefers, as {@code platform:chatId}. */
    static final String PREFERRED_CHANNEL = "channel";

    private final Dialogue dialogue;
    private final Messages messages;
    private final BusinessConfig business;
    private final CustomerDirectory customers;
    private final CommandRunner commands;
    private final Reactions reactions;
    private final BotContactPolicy policy;

    BotInitiation(Dialogue dialogue, Messages messages, BusinessConfig business, CustomerDirectory customers,
                  CommandRunner commands, Reactions reactions, BotContactPolicy policy) {
        this.dialogue = dialogue;
        this.messages = messages;
        this.business = business;
        this.customers = customers;
        this.commands = commands;
        this.reactions = reactions;
        this.policy = policy;
    }

    DueReceipt handle(StoreSession session, DueEvent due, Instant now, ComplaintLookup lookup) {
        if (session.inbox().containsScheduled(due.id())) {
            return new DueReceipt.Duplicate();
        }
        Optional<Customer> customer = session.customers().find(due.customerId());
        if (customer.isEmpty()) {
            return skip(session, due, "none", "the customer no longer exists", now);
        }
        List<ChannelIdentity> identities = session.customers().identities(due.customerId());
        Optional<ChannelRef> channel = Reachability.channelFor(identities, preferred(due));
        if (channel.isEmpty()) {
            return skip(session, due, "none", "the customer cannot be reached on any chat", now);
        }
        Instant waitFrom = due.dueAt();
        if (dialogue.paced(due.kind())) {
            ZoneId zone = customer.get().profile().zone() == null ? business.zone() : customer.get().profile().zone();
            Instant last = latest(session.checkIns().lastSent(due.customerId()),
                    session.broadcasts().lastMarketing(due.customerId()));
            Instant allowed = policy.pace().pacedFrom(last, zone, now);
            if (allowed.isAfter(now)) {
                log.debug("{} waits for quiet hours or the frequency cap until {}", due.id(), allowed);
                return new DueReceipt.Deferred(allowed);
            }
            Instant since = policy.pace().pacedSince(last, zone, now);
            waitFrom = since.isAfter(waitFrom) ? since : waitFrom;
        }
        Conversation conversation = session.conversations().lock(channel.get(), now);
        if (!conversation.isIdle() && !dialogue.continues(conversation.flow(), due.kind())) {
            if (now.isBefore(waitFrom.plus(policy.maxWait()))) {
                log.debug("{} waits: {} is in the middle of {}", due.id(), channel.get(), conversation.flow());
                return new DueReceipt.Deferred(now.plus(policy.retryEvery()));
            }
            return skip(session, due, channel.get().chatId(), "the customer was busy in " + conversation.flow()
                    + " for longer than " + policy.maxWait(), now);
        }
        ChannelIdentity identity = identities.stream().filter(candidate -> candidate.channel().equals(channel.get()))
                .findFirst().orElseThrow();
        InboundEvent.Scheduled event = new InboundEvent.Scheduled(channel.get(),
                new Sender(identity.userId(), identity.displayName(), ""), due.id(), now, due.kind(), due.data());
        CustomerCard card = customers.card(customer.get());
        Turn turn = new Turn(event, conversation.withCustomer(card.id()), card,
                messages.in(card.language(), card.tone()), now, business, lookup);
        Optional<Step> step = dialogue.initiate(turn);
        if (step.isEmpty()) {
            return skip(session, due, channel.get().chatId(), "it no longer applies", now);
        }
        Conversation next = turn.conversation().inState(step.get().flow(), step.get().state(), step.get().data(), now);
        CommandRunner.Result result = commands.run(session, turn, step.get().commands(), next);
        session.conversations().save(result.conversation());
        List<OutboundMessage> messagesToSend = new ArrayList<>(step.get().replies());
        messagesToSend.addAll(result.replies());
        for (int index = 0; index < messagesToSend.size(); index++) {
            session.outbox().enqueue(new OutboxItem(channel.get(), Lane.BULK, messagesToSend.get(index), card.id(),
                    due.id() + "#" + index, now));
        }
        session.inbox().recordScheduled(due.id(), channel.get().chatId(), due.dueAt(), now, InboxStore.Outcome.HANDLED);
        log.info("{} started {} on {}", due.id(), step.get().flow(), channel.get());
        return new DueReceipt.Handled();
    }

    /** A bug met this due event: remember it (so it is not retried forever) and why, as a skipped contact. */
    DueReceipt recordFailure(StoreSession session, DueEvent due, Instant now, RuntimeException failure) {
        if (session.inbox().containsScheduled(due.id())) {
            return new DueReceipt.Duplicate();
        }
        return skip(session, due, "none", "it failed: " + failure.getClass().getSimpleName(), now,
                InboxStore.Outcome.FAILED);
    }

    private DueReceipt skip(StoreSession session, DueEvent due, String chatId, String reason, Instant now) {
        return skip(session, due, chatId, reason, now, InboxStore.Outcome.SKIPPED);
    }

    private DueReceipt skip(StoreSession session, DueEvent due, String chatId, String reason, Instant now,
                            InboxStore.Outcome outcome) {
        session.inbox().recordScheduled(due.id(), chatId, due.dueAt(), now, outcome);
        reactions.record(session, new ContactSkipped(due.customerId(), due.id(), reason, now), now);
        log.info("{} skipped: {}", due.id(), reason);
        return new DueReceipt.Skipped(reason);
    }

    private static Instant latest(Optional<Instant> one, Optional<Instant> other) {
        if (one.isEmpty() || other.isEmpty()) {
            return one.or(() -> other).orElse(null);
        }
        return one.get().isAfter(other.get()) ? one.get() : other.get();
    }

    private static ChannelRef preferred(DueEvent due) {
        String named = due.data().get(PREFERRED_CHANNEL);
        if (named == null || !named.contains(":")) {
            return null;
        }
        try {
            int colon = named.indexOf(':');
            return new ChannelRef(io.retainbot.core.chat.Platform.fromCode(named.substring(0, colon)),
                    named.substring(colon + 1));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
