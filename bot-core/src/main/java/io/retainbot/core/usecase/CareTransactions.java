package io.retainbot.core.usecase;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.Reactions;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the staff use cases ({@link ComplaintCare}, {@link HandoverCare}) share, and their one way to commit:
 * an operation runs in its own transaction, and after a change the outbox and the reactions are woken.
 * Called from a staff chat's event, the same operations run in the event's transaction instead, and the
 * engine wakes the outbox after its commit.
 */
public final class CareTransactions {
    private final Transactor transactor;
    private final Reactions reactions;
    private final Messages messages;
    private final BusinessConfig business;
    private final Clock clock;
    private final Runnable afterCommit;
    private final Texts staffTexts;

    /** Staff texts (the complaint history's notes) in {@link Messages#FALLBACK}. */
    public CareTransactions(Transactor transactor, Reactions reactions, Messages messages, BusinessConfig business,
                            Clock clock, Runnable afterCommit) {
        this(transactor, reactions, messages, business, clock, afterCommit, Messages.FALLBACK);
    }

    /**
     * @param afterCommit   called after a change committed (wakes the outbox and the reactions)
     * @param staffLanguage the language of the staff texts, among them the notes the bot writes in a complaint's
     *                      history (STAFF_LANGUAGE)
     */
    public CareTransactions(Transactor transactor, Reactions reactions, Messages messages, BusinessConfig business,
                            Clock clock, Runnable afterCommit, String staffLanguage) {
        this.staffTexts = messages.in(messages.languageFor(staffLanguage), Tone.FORMAL);
        this.transactor = transactor;
        this.reactions = reactions;
        this.messages = messages;
        this.business = business;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    /** Runs {@code work} in one transaction; when {@code changed} says it changed something, wakes the outbox. */
    <R> R committed(Function<StoreSession, R> work, Predicate<R> changed) {
        R result = transactor.inTransaction(work::apply);
        if (changed.test(result)) {
            afterCommit.run();
        }
        return result;
    }

    /** The customer's texts: their language and tone (the fallback language and the business's tone if unknown). */
    Texts textsFor(StoreSession session, long customerId) {
        Optional<Customer> customer = session.customers().find(customerId);
        return messages.in(customer.map(Customer::language).orElse(Messages.FALLBACK),
                customer.map(Customer::tone).orElse(business.defaultTone()));
    }

    /** The staff texts: one language, one tone. */
    Texts staffTexts() {
        return staffTexts;
    }

    Reactions reactions() {
        return reactions;
    }

    Messages messages() {
        return messages;
    }

    BusinessConfig business() {
        return business;
    }

    Clock clock() {
        return clock;
    }
}
