package io.retainbot.core.engine;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.customer.AccountReview;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.usecase.Reviews;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The buttons under a customer of the weekly review list in the staff chats: <b>Held</b> asks how the review
 * went (Good, Opportunity, At risk, Lost) and records the review held by whoever answers; <b>Ask the bot</b>
 * has the bot ask the customer its questionnaire, where the business lets staff choose; <b>Later</b> puts the
 * review off a week. The message is edited to say what was done. Button data is forgeable and read as such.
 */
final class ReviewButtons {
    private final StaffChats staffChats;
    private final Reviews reviews;

    /** @param reviews the account reviews; null where the application runs none (every button is then stale) */
    ReviewButtons(StaffChats staffChats, Reviews reviews) {
        this.staffChats = staffChats;
        this.reviews = reviews;
    }

    static boolean handles(String action) {
        return action.equals(Reviews.HELD) || action.equals(Reviews.ASK) || action.equals(Reviews.LATER)
                || action.equals(Reviews.OUTCOME);
    }

    void press(StoreSession session, StaffMember staff, InboundEvent.ButtonPressed pressed, String action,
               String argument, Instant now) {
        ChannelRef chat = pressed.channel();
        String where = pressed.messageId();
        String[] parts = argument.split(":", 2);
        Optional<Customer> customer = number(parts[0]).flatMap(id -> session.customers().find(id));
        if (reviews == null || customer.isEmpty() || where.isBlank()) {
            staffChats.tell(session, chat, where, texts().get("staff.button.stale"), now);
            return;
        }
        String rest = parts.length > 1 ? parts[1] : "";
        switch (action) {
            case Reviews.HELD -> askOutcome(session, chat, where, customer.get(), now);
            case Reviews.OUTCOME -> held(session, staff, chat, where, customer.get(), rest, now);
            case Reviews.ASK -> askTheBot(session, staff, pressed, customer.get(), rest, now);
            default -> later(session, staff, chat, where, customer.get(), now);
        }
    }

    private void askOutcome(StoreSession session, ChannelRef chat, String where, Customer customer, Instant now) {
        String id = String.valueOf(customer.id());
        List<Button> outcomes = java.util.Arrays.stream(AccountReview.Outcome.values())
                .map(outcome -> new Button(texts().get("staff.review.outcome." + outcome.code()),
                        StaffChats.PREFIX + Reviews.OUTCOME + ":" + id + ":" + outcome.code()))
                .toList();
        edit(session, chat, where, texts().get("staff.review.how_did_it_go", "customer", name(customer), "id", id),
                List.of(outcomes), now);
    }

    private void held(StoreSession session, StaffMember staff, ChannelRef chat, String where, Customer customer,
                      String code, Instant now) {
        AccountReview.Outcome outcome;
        try {
            outcome = AccountReview.Outcome.fromCode(code);
        } catch (IllegalArgumentException forged) {
            staffChats.tell(session, chat, where, texts().get("staff.button.stale"), now);
            return;
        }
        Reviews.record(session, AccountReview.byStaff(customer.id(), staff.id(), outcome, "", "", now));
        edit(session, chat, where, texts().get("staff.review.held", "customer", name(customer),
                "id", String.valueOf(customer.id()), "staff", staff.name(),
                "outcome", texts().get("staff.review.outcome." + outcome.code())), List.of(), now);
    }

    private void askTheBot(StoreSession session, StaffMember staff, InboundEvent.ButtonPressed pressed,
                           Customer customer, String day, Instant now) {
        ChannelRef chat = pressed.channel();
        String where = pressed.messageId();
        if (!reviews.settings().staffMayAsk()) {
            staffChats.tell(session, chat, where, texts().get("staff.review.ask_not_allowed"), now);
            return;
        }
        LocalDate dueOn;
        try {
            dueOn = LocalDate.parse(day);
        } catch (DateTimeException forged) {
            staffChats.tell(session, chat, where, texts().get("staff.button.stale"), now);
            return;
        }
        String id = String.valueOf(customer.id());
        if (reviews.askNow(customer.id(), dueOn, pressed.eventId(), now)) {
            edit(session, chat, where, texts().get("staff.review.asking", "customer", name(customer), "id", id,
                    "staff", staff.name()), List.of(), now);
        } else {
            staffChats.tell(session, chat, where, texts().get("staff.review.asked_before", "customer", name(customer),
                    "id", id), now);
        }
    }

    private void later(StoreSession session, StaffMember staff, ChannelRef chat, String where, Customer customer,
                       Instant now) {
        LocalDate until = reviews.snooze(session, customer.id(), staff.id(), now);
        edit(session, chat, where, texts().get("staff.review.snoozed", "customer", name(customer),
                "id", String.valueOf(customer.id()), "until", until.toString(), "staff", staff.name()), List.of(), now);
    }

    private static void edit(StoreSession session, ChannelRef chat, String where, String text,
                             List<List<Button>> buttons, Instant now) {
        session.outbox().enqueue(OutboxItem.staff(chat, new OutboundMessage.Edit(where, text, buttons), now));
    }

    private static String name(Customer customer) {
        return customer.displayName().isBlank() ? "-" : customer.displayName();
    }

    private static Optional<Long> number(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }

    private Texts texts() {
        return staffChats.texts();
    }
}
