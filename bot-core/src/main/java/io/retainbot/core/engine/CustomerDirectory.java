package io.retainbot.core.engine;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.flow.Conversation;
import io.retainbot.core.flow.CustomerCard;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.port.CustomerStore;
import io.retainbot.core.port.StoreSession;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Links the people who write to the customer file: a first message creates the customer (with
 * the platform's name and language), later ones keep their identity fresh and reachable.
 */
final class CustomerDirectory {
    private final Messages messages;
    private final BusinessConfig business;

    CustomerDirectory(Messages messages, BusinessConfig business) {
        this.messages = messages;
        this.business = business;
    }

    /** The customer behind the event's sender, created on first contact. */
    CustomerCard resolve(StoreSession session, InboundEvent event, Instant now) {
        CustomerStore customers = session.customers();
        Sender sender = event.sender();
        Optional<Customer> known = customers.findAndMarkSeen(event.platform(), sender.platformUserId(),
                event.channel().chatId(), sender.displayName(), now);
        if (known.isPresent()) {
            return card(known.get(), false);
        }
        return firstContact(session, event, now);
    }

    /** The customer behind a sender without an identity yet: created, or the one a concurrent first contact made. */
    CustomerCard firstContact(StoreSession session, InboundEvent event, Instant now) {
        CustomerStore customers = session.customers();
        Sender sender = event.sender();
        CustomerProfile profile = CustomerProfile.builder()
                .displayName(sender.displayName())
                .language(messages.languageFor(sender.languageHint()))
                .zone(zoneOf(sender.zoneHint()).filter(zone -> !zone.getRules().equals(business.zone().getRules()))
                        .orElse(null))
                .tone(business.defaultTone())
                .sourceChannel(event.platform().code())
                .build();
        Customer created = customers.create(profile, now);
        long owner = customers.link(created.id(), event.platform(), sender.platformUserId(), event.channel().chatId(),
                sender.displayName(), now);
        customers.seen(event.platform(), sender.platformUserId(), event.channel().chatId(), sender.displayName(), now);
        if (owner != created.id()) {
            // Another transaction linked this user at the same moment; theirs wins and ours is never used.
            return card(customers.merge(owner, created.id(), now), false);
        }
        return card(created, true);
    }

    /**
     * A customer without a time zone of their own whose platform names one now (the web chat sends the browser's
     * with every event; customers created before it did have none): it is kept, where its clocks differ from the
     * business's, and the event that brought it is already answered in it. A zone staff or the customer set is
     * never replaced, and one staff cleared stays cleared (see {@link io.retainbot.core.port.CustomerStore#setZoneIfNone}).
     */
    CustomerCard withZoneHint(StoreSession session, CustomerCard customer, Sender sender, Instant now) {
        if (sender.zoneHint().isEmpty() || !customer.zone().equals(business.zone())) {
            return customer;
        }
        Optional<ZoneId> hinted = zoneOf(sender.zoneHint())
                .filter(zone -> !zone.getRules().equals(business.zone().getRules()));
        if (hinted.isEmpty() || !session.customers().setZoneIfNone(customer.id(), hinted.get(), now)) {
            return customer;
        }
        return customer.withZone(hinted.get());
    }

    /**
     * The time zone the platform names for a new customer; kept only where its clocks differ from the business's,
     * so a customer of the business's own zone follows the business file if that moves.
     */
    private static Optional<ZoneId> zoneOf(String hint) {
        try {
            return hint.isEmpty() ? Optional.empty() : Optional.of(ZoneId.of(hint));
        } catch (DateTimeException notAZone) {
            return Optional.empty();
        }
    }

    /**
     * The log entry of the event, as part of complaint {@code complaintNumber}'s history (null: of none);
     * a button press as the label the customer saw on it, as far as the conversation knows.
     */
    Interaction inbound(long customerId, InboundEvent event, Conversation conversation, Long complaintNumber,
                        Instant now) {
        return Interactions.inbound(customerId, event, conversation::labelOf, now).aboutComplaint(complaintNumber);
    }

    /** The user blocked (or unblocked) the bot: stop or resume sending to them. */
    void blocked(StoreSession session, InboundEvent event, boolean blocked, Instant now) {
        Optional<Customer> customer = session.customers().findByIdentity(event.platform(),
                event.sender().platformUserId());
        if (blocked) {
            session.customers().markUnreachable(event.channel(), "blocked the bot", now);
        } else if (customer.isPresent()) {
            session.customers().seen(event.platform(), event.sender().platformUserId(), event.channel().chatId(),
                    event.sender().displayName(), now);
        }
        session.interactions().append(Interactions.inbound(customer.map(Customer::id).orElse(null), event,
                data -> Optional.empty(), now));
    }

    void recordConsent(StoreSession session, long customerId, boolean granted, String source, Instant now) {
        session.customers().recordConsent(customerId, granted, source, now);
    }

    void setLanguage(StoreSession session, long customerId, String language, Instant now) {
        if (messages.isSupported(language)) {
            session.customers().setLanguage(customerId, language, now);
        }
    }

    void setTone(StoreSession session, long customerId, Tone tone, Instant now) {
        session.customers().setTone(customerId, tone, now);
    }

    CustomerCard card(Customer customer) {
        return card(customer, false);
    }

    private CustomerCard card(Customer customer, boolean created) {
        return new CustomerCard(customer.id(), customer.displayName(), customer.language(), customer.tone(),
                customer.profile().zone() == null ? business.zone() : customer.profile().zone(),
                customer.consent().answered(), customer.consent().granted(), created, customer.consent().source(),
                customer.profile().birthday() != null);
    }
}
