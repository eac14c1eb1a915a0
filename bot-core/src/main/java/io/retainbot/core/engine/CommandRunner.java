package io.retainbot.core.engine;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.ComplaintCategory;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintNote;
import io.retainbot.core.complaint.NewComplaint;
import io.retainbot.core.flow.ComplaintWording;
import io.retainbot.core.flow.Conversation;
import io.retainbot.core.flow.FlowCommand;
import io.retainbot.core.flow.MainMenu;
import io.retainbot.core.flow.Turn;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.port.StoreSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out what a flow asked for, inside the turn's transaction, and adds any replies that need the result. */
final class CommandRunner {
    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

    private final BusinessConfig business;
    private final PromiseMaker promises;
    private final CustomerDirectory customers;
    private final ComplaintWording wording = new ComplaintWording();

    CommandRunner(BusinessConfig business, PromiseMaker promises, CustomerDirectory customers) {
        this.business = business;
        this.promises = promises;
        this.customers = customers;
    }

    /** The outcome of the commands: extra replies, and the conversation as they left it. */
    record Result(List<OutboundMessage> replies, Conversation conversation) {
    }

    Result run(StoreSession session, Turn turn, List<FlowCommand> commands, Conversation conversation) {
        List<OutboundMessage> replies = new ArrayList<>();
        Conversation current = conversation;
        for (FlowCommand command : commands) {
            if (command instanceof FlowCommand.FileComplaint file) {
                replies.add(fileComplaint(session, turn, file));
            } else if (command instanceof FlowCommand.AddComplaintDetails details) {
                addDetails(session, turn, details);
            } else if (command instanceof FlowCommand.WithdrawComplaint withdraw) {
                session.complaints().find(withdraw.ref())
                        .filter(complaint -> complaint.customerId() == turn.customer().id())
                        .ifPresent(complaint -> session.complaints().withdraw(complaint.id(), turn.now()));
            } else if (command instanceof FlowCommand.RecordLeavingReason reason) {
                session.complaints().find(reason.ref())
                        .filter(complaint -> complaint.customerId() == turn.customer().id())
                        .ifPresent(complaint -> session.complaints().addNote(complaint.id(), ComplaintNote.Author.CUSTOMER,
                                "Reason for withdrawing: " + reason.reason(), turn.now()));
            } else if (command instanceof FlowCommand.RecordConsent consent) {
                customers.recordConsent(session, turn.customer().id(), consent.granted(), consent.source(), turn.now());
            } else if (command instanceof FlowCommand.SetLanguage language) {
                customers.setLanguage(session, turn.customer().id(), language.language(), turn.now());
            } else if (command instanceof FlowCommand.SetTone tone) {
                customers.setTone(session, turn.customer().id(), tone.tone(), turn.now());
            } else if (command instanceof FlowCommand.RecordSuggestion suggestion) {
                session.feedback().suggest(turn.customer().id(), turn.event().channel(), suggestion.text(), turn.now());
            } else if (command instanceof FlowCommand.RequestHandover) {
                session.feedback().requestHandover(turn.customer().id(), turn.event().channel(), turn.now());
                current = current.handedOver(turn.now());
            }
        }
        return new Result(replies, current);
    }

    private OutboundMessage fileComplaint(StoreSession session, Turn turn, FlowCommand.FileComplaint file) {
        ComplaintCategory category = business.category(file.category()).orElseGet(() -> business.categories().get(0));
        Instant now = turn.now();
        PromiseMaker.Promise promise = promises.promise(now, category);
        Complaint complaint = session.complaints().file(new NewComplaint(turn.customer().id(), turn.event().channel(),
                category.id(), file.description(), file.orderReference(), file.files(), turn.texts().language(),
                file.intakeStartedAt(), now, promise.targetAt(), promise.promisedAt()));
        log.info("complaint {} filed on {} in category {}", complaint.ref(), complaint.channel(), category.id());
        Texts texts = turn.texts();
        String text = texts.get("intake.filed",
                "ref", complaint.ref().toString(),
                "promise", wording.promise(turn, complaint.promisedAt()),
                "company", business.companyName());
        return MainMenu.with(text, texts);
    }

    private void addDetails(StoreSession session, Turn turn, FlowCommand.AddComplaintDetails details) {
        session.complaints().find(details.ref())
                .filter(complaint -> complaint.customerId() == turn.customer().id() && complaint.status().isActive())
                .ifPresent(complaint -> {
                    if (!details.text().isBlank()) {
                        session.complaints().addNote(complaint.id(), ComplaintNote.Author.CUSTOMER, details.text(), turn.now());
                    }
                    session.complaints().attach(complaint.id(), details.files(), turn.now());
                });
    }
}
